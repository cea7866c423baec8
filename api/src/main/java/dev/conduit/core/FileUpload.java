package dev.conduit.core;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file to send in a {@code multipart/form-data} upload (audio to transcribe, images to edit, an
 * upload part, a container file...): its bytes from a path, a stream or an array, its filename and
 * media type, and an optional progress listener.
 *
 * <pre>{@code
 * FileUpload audio = FileUpload.of(Path.of("meeting.m4a"))
 *     .withProgress((sent, total) -> System.out.printf("%d of %d bytes%n", sent, total));
 * }</pre>
 *
 * <p>A file from a {@link Path} is read when the request is sent, can be sent again (so the call can
 * be retried) and has a known length. A file from an {@link InputStream} is read once, to its end,
 * and closed; a request with such a file is never retried. A file from a byte array is kept in
 * memory. Immutable; the {@code with...} methods return modified copies.
 */
public final class FileUpload {
  private final @Nullable Path path;
  private final @Nullable InputStream stream;
  private final byte @Nullable [] bytes;
  private final String filename;
  private final @Nullable String contentType;
  private final @Nullable ProgressListener progress;

  private FileUpload(@Nullable Path path, @Nullable InputStream stream, byte @Nullable [] bytes, String filename,
      @Nullable String contentType, @Nullable ProgressListener progress) {
    this.path = path;
    this.stream = stream;
    this.bytes = bytes;
    this.filename = filename;
    this.contentType = contentType;
    this.progress = progress;
  }

  /**
   * Receives the progress of one file's bytes as they are written to the connection. Called on the
   * thread that writes the request body; keep it short. A retried request starts again from zero.
   */
  @FunctionalInterface
  public interface ProgressListener {
    /**
     * @param bytesSent the bytes of this file written so far
     * @param totalBytes the size of the file, or -1 if unknown (a stream)
     */
    void onProgress(long bytesSent, long totalBytes);
  }

  /**
   * Returns the file at {@code path}, named by its last element.
   *
   * @throws IllegalArgumentException if {@code path} is not a readable regular file
   */
  public static FileUpload of(Path path) {
    Objects.requireNonNull(path, "path == null");
    Path name = path.getFileName();
    if (name == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("not a readable regular file: " + path);
    }
    return new FileUpload(path, null, null, name.toString(), null, null);
  }

  /**
   * Returns the content of {@code stream} under {@code filename}; the upload reads it to its end and
   * closes it, once.
   *
   * @throws IllegalArgumentException if {@code filename} is empty
   */
  public static FileUpload of(InputStream stream, String filename) {
    Objects.requireNonNull(stream, "stream == null");
    return new FileUpload(null, stream, null, checkName(filename), null, null);
  }

  /**
   * Returns {@code bytes} (not copied) under {@code filename}.
   *
   * @throws IllegalArgumentException if {@code filename} is empty
   */
  public static FileUpload of(byte[] bytes, String filename) {
    Objects.requireNonNull(bytes, "bytes == null");
    return new FileUpload(null, null, bytes, checkName(filename), null, null);
  }

  private static String checkName(String filename) {
    Objects.requireNonNull(filename, "filename == null");
    if (filename.isEmpty()) {
      throw new IllegalArgumentException("filename is empty");
    }
    return filename;
  }

  /** Returns a copy with the media type of the part; null sends {@code application/octet-stream}. */
  public FileUpload withContentType(@Nullable String contentType) {
    return new FileUpload(path, stream, bytes, filename, contentType, progress);
  }

  /**
   * Returns a copy sent under another filename.
   *
   * @throws IllegalArgumentException if {@code filename} is empty
   */
  public FileUpload withFilename(String filename) {
    return new FileUpload(path, stream, bytes, checkName(filename), contentType, progress);
  }

  /** Returns a copy that reports its progress to {@code listener}; null removes the listener. */
  public FileUpload withProgress(@Nullable ProgressListener listener) {
    return new FileUpload(path, stream, bytes, filename, contentType, listener);
  }

  /** Returns the file on disk, or null if the content is a stream or an array. */
  public @Nullable Path path() {
    return path;
  }

  /** Returns the stream to read, or null if the content is a path or an array. */
  public @Nullable InputStream stream() {
    return stream;
  }

  /** Returns the bytes, or null if the content is a path or a stream. */
  public byte @Nullable [] bytes() {
    return bytes;
  }

  /** Returns the filename sent to the API. */
  public String filename() {
    return filename;
  }

  /** Returns the media type, or null for {@code application/octet-stream}. */
  public @Nullable String contentType() {
    return contentType;
  }

  /** Returns the progress listener, or null. */
  public @Nullable ProgressListener progress() {
    return progress;
  }

  /** Returns true if the file can be sent more than once: it is not a stream. */
  public boolean isRepeatable() {
    return stream == null;
  }

  /** Returns a description for debugging; the content is not read. */
  @Override
  public String toString() {
    return "FileUpload{" + filename + (path != null ? ", path=" + path : stream != null ? ", stream" : ", " + bytes.length + " bytes")
        + (contentType != null ? ", " + contentType : "") + "}";
  }
}
