package dev.conduit.models.files;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of uploading a file ({@code POST /files}), sent as {@code multipart/form-data}: the
 * file's bytes, its purpose, and an optional expiry policy.
 *
 * <pre>{@code
 * FileCreateParams params = FileCreateParams.builder()
 *     .file(Path.of("batch.jsonl"))
 *     .purpose(FilePurpose.BATCH)
 *     .build();
 * }</pre>
 *
 * <p>A file given as a {@link Path} is streamed from disk when the request is sent, can be sent
 * again (so the upload can be retried), and its length is known up front. A file given as an {@link
 * InputStream} is read once, to its end, and closed by the upload; such an upload is never retried,
 * and these parameters can be used for one upload only. Otherwise immutable.
 */
public final class FileCreateParams {
  private final @Nullable Path path;
  private final @Nullable InputStream stream;
  private final String filename;
  private final @Nullable String contentType;
  private final FilePurpose purpose;
  private final @Nullable String expiresAfterAnchor;
  private final long expiresAfterSeconds;

  private FileCreateParams(Builder b, String filename, FilePurpose purpose) {
    this.path = b.path;
    this.stream = b.stream;
    this.filename = filename;
    this.contentType = b.contentType;
    this.purpose = purpose;
    this.expiresAfterAnchor = b.expiresAfterAnchor;
    this.expiresAfterSeconds = b.expiresAfterSeconds;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the file on disk to upload, or null if the file is given as a stream. */
  public @Nullable Path filePath() {
    return path;
  }

  /** Returns the stream to upload, or null if the file is given as a path. */
  public @Nullable InputStream fileStream() {
    return stream;
  }

  /** Returns the filename sent to the API: the path's last element, or the name given with a stream. */
  public String filename() {
    return filename;
  }

  /** Returns the media type of the file part, or null for {@code application/octet-stream}. */
  public @Nullable String contentType() {
    return contentType;
  }

  /** Returns the purpose of the file. */
  public FilePurpose purpose() {
    return purpose;
  }

  /** Returns the anchor of the expiry policy, e.g. {@code "created_at"}, or null if none is set. */
  public @Nullable String expiresAfterAnchor() {
    return expiresAfterAnchor;
  }

  /** Returns the seconds after the anchor at which the file expires, or null if none is set. */
  public @Nullable Long expiresAfterSeconds() {
    return expiresAfterAnchor == null ? null : expiresAfterSeconds;
  }

  /** Returns true if the file can be sent more than once: it is a path, not a stream. */
  public boolean isRepeatable() {
    return path != null;
  }

  /** Returns a description for debugging; the file's content is not read. */
  @Override
  public String toString() {
    return "FileCreateParams{filename=" + filename + ", purpose=" + purpose
        + (path != null ? ", path=" + path : ", stream")
        + (expiresAfterAnchor != null ? ", expiresAfter=" + expiresAfterAnchor + "+" + expiresAfterSeconds + "s" : "")
        + "}";
  }

  /** A builder of {@link FileCreateParams}; {@link #build()} requires a file and a purpose. */
  public static final class Builder {
    private @Nullable Path path;
    private @Nullable InputStream stream;
    private @Nullable String filename;
    private @Nullable String contentType;
    private @Nullable FilePurpose purpose;
    private @Nullable String expiresAfterAnchor;
    private long expiresAfterSeconds;

    private Builder() {}

    /**
     * Uploads the file at {@code path}, named by its last element. It is read when the request is
     * sent.
     *
     * @throws IllegalArgumentException if {@code path} is not a readable regular file
     */
    public Builder file(Path path) {
      Objects.requireNonNull(path, "path == null");
      Path name = path.getFileName();
      if (name == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new IllegalArgumentException("not a readable regular file: " + path);
      }
      this.path = path;
      this.stream = null;
      this.filename = name.toString();
      return this;
    }

    /**
     * Uploads the content of {@code stream} under {@code filename}. The upload reads the stream to
     * its end and closes it; it cannot be retried.
     *
     * @throws IllegalArgumentException if {@code filename} is empty
     */
    public Builder file(InputStream stream, String filename) {
      Objects.requireNonNull(stream, "stream == null");
      Objects.requireNonNull(filename, "filename == null");
      if (filename.isEmpty()) {
        throw new IllegalArgumentException("filename is empty");
      }
      this.stream = stream;
      this.path = null;
      this.filename = filename;
      return this;
    }

    /** Sets the media type of the file part; null (the default) sends {@code application/octet-stream}. */
    public Builder contentType(@Nullable String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** Sets the purpose of the file. */
    public Builder purpose(FilePurpose purpose) {
      this.purpose = Objects.requireNonNull(purpose, "purpose == null");
      return this;
    }

    /**
     * Makes the file expire {@code seconds} after {@code anchor} (currently only {@code
     * "created_at"}); the API accepts 3600 (one hour) to 2592000 (30 days).
     *
     * @throws IllegalArgumentException if {@code anchor} is empty or {@code seconds < 1}
     */
    public Builder expiresAfter(String anchor, long seconds) {
      Objects.requireNonNull(anchor, "anchor == null");
      if (anchor.isEmpty()) {
        throw new IllegalArgumentException("anchor is empty");
      }
      if (seconds < 1) {
        throw new IllegalArgumentException("seconds < 1: " + seconds);
      }
      this.expiresAfterAnchor = anchor;
      this.expiresAfterSeconds = seconds;
      return this;
    }

    /**
     * Returns the parameters.
     *
     * @throws IllegalStateException if no file or no purpose was set
     */
    public FileCreateParams build() {
      String name = filename;
      if (name == null) {
        throw new IllegalStateException("file is required but was not set");
      }
      FilePurpose p = purpose;
      if (p == null) {
        throw new IllegalStateException("purpose is required but was not set");
      }
      return new FileCreateParams(this, name, p);
    }
  }
}
