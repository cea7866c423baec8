package dev.conduit.internal.multipart;

import dev.conduit.core.FileUpload;
import dev.conduit.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} request body (RFC 7578) of text fields and file parts, written by
 * streaming: files are copied through a small buffer and never held in memory.
 *
 * <p>A file part from a {@link Path} can be written any number of times and its length is read when
 * the part is added. A file part from an {@link InputStream} makes the whole body non-repeatable, of
 * unknown length (-1, so transports send it chunked), and is read to its end and closed by the first
 * {@link #writeTo}; a second write throws {@link IOException}.
 *
 * <p>Names and filenames in {@code Content-Disposition} are quoted; as browsers do (WHATWG form
 * encoding, allowed by RFC 7578 section 4.2), {@code "}, CR and LF in them are percent-encoded as
 * {@code %22}, {@code %0D} and {@code %0A}, and other characters, non-ASCII included, are sent as
 * UTF-8.
 */
public final class MultipartBody extends RequestBody {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final int BUFFER_SIZE = 8192;
  private static final String DEFAULT_FILE_TYPE = "application/octet-stream";

  private final String boundary;
  private final List<Part> parts;
  private final byte[] closing;
  private final long contentLength;
  private final boolean repeatable;
  private final AtomicBoolean written = new AtomicBoolean();

  private MultipartBody(String boundary, List<Part> parts) {
    this.boundary = boundary;
    this.parts = List.copyOf(parts);
    this.closing = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    long length = closing.length;
    boolean allRepeatable = true;
    for (Part part : this.parts) {
      long partLength = part.source.length();
      length = length < 0 || partLength < 0 ? -1 : length + part.head.length + partLength + CRLF.length;
      allRepeatable &= part.source.isRepeatable();
    }
    this.contentLength = length;
    this.repeatable = allRepeatable;
  }

  /** Returns a new builder with a random boundary. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the boundary that separates the parts. */
  public String boundary() {
    return boundary;
  }

  /** Returns {@code multipart/form-data; boundary=...}. */
  @Override
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** Returns the exact length of the body, or -1 if a part's length is unknown (a stream part). */
  @Override
  public long contentLength() {
    return contentLength;
  }

  /** Returns false if a part is a one-shot stream. */
  @Override
  public boolean isRepeatable() {
    return repeatable;
  }

  /**
   * Writes the body to {@code out}, streaming each file; {@code out} is not closed.
   *
   * @throws IOException if writing or reading a file fails, a file's size changed since the part was
   *     added, or the body is not repeatable and was already written
   */
  @Override
  public void writeTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out == null");
    if (!repeatable && !written.compareAndSet(false, true)) {
      throw new IOException("this multipart body is not repeatable and was already written");
    }
    byte[] buffer = new byte[BUFFER_SIZE];
    for (Part part : parts) {
      out.write(part.head);
      FileUpload.ProgressListener progress = part.progress;
      part.source.writeTo(progress == null ? out : new ProgressOutputStream(out, progress, part.source.length()), buffer);
      out.write(CRLF);
    }
    out.write(closing);
  }

  /**
   * Returns {@code value} escaped for a quoted {@code Content-Disposition} parameter: {@code "}, CR
   * and LF are percent-encoded; everything else is kept.
   */
  static String escape(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          sb.append("%22");
          break;
        case '\r':
          sb.append("%0D");
          break;
        case '\n':
          sb.append("%0A");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  /** One part: its boundary line and headers, then its content. */
  private static final class Part {
    final byte[] head;
    final Source source;
    final FileUpload.@Nullable ProgressListener progress;

    Part(String boundary, String name, @Nullable String filename, @Nullable String contentType, Source source,
        FileUpload.@Nullable ProgressListener progress) {
      StringBuilder sb = new StringBuilder();
      sb.append("--").append(boundary).append("\r\n");
      sb.append("Content-Disposition: form-data; name=\"").append(escape(name)).append('"');
      if (filename != null) {
        sb.append("; filename=\"").append(escape(filename)).append('"');
      }
      sb.append("\r\n");
      if (contentType != null) {
        sb.append("Content-Type: ").append(contentType).append("\r\n");
      }
      sb.append("\r\n");
      this.head = sb.toString().getBytes(StandardCharsets.UTF_8);
      this.source = source;
      this.progress = progress;
    }
  }

  /** The content of a part. */
  private abstract static class Source {
    /** Returns the exact length, or -1 if unknown. */
    abstract long length();

    abstract boolean isRepeatable();

    abstract void writeTo(OutputStream out, byte[] buffer) throws IOException;
  }

  private static final class BytesSource extends Source {
    private final byte[] bytes;

    BytesSource(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    long length() {
      return bytes.length;
    }

    @Override
    boolean isRepeatable() {
      return true;
    }

    @Override
    void writeTo(OutputStream out, byte[] buffer) throws IOException {
      out.write(bytes);
    }
  }

  private static final class PathSource extends Source {
    private final Path path;
    private final long size;

    PathSource(Path path, long size) {
      this.path = path;
      this.size = size;
    }

    @Override
    long length() {
      return size;
    }

    @Override
    boolean isRepeatable() {
      return true;
    }

    /** Copies exactly {@code size} bytes, failing rather than sending a wrong length. */
    @Override
    void writeTo(OutputStream out, byte[] buffer) throws IOException {
      try (InputStream in = Files.newInputStream(path)) {
        long remaining = size;
        while (remaining > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
          if (n < 0) {
            throw new IOException("file shrank while uploading: " + path + " has fewer than the " + size + " bytes announced");
          }
          out.write(buffer, 0, n);
          remaining -= n;
        }
        if (in.read() >= 0) {
          throw new IOException("file grew while uploading: " + path + " has more than the " + size + " bytes announced");
        }
      }
    }
  }

  private static final class StreamSource extends Source {
    private final InputStream in;

    StreamSource(InputStream in) {
      this.in = in;
    }

    @Override
    long length() {
      return -1;
    }

    @Override
    boolean isRepeatable() {
      return false;
    }

    @Override
    void writeTo(OutputStream out, byte[] buffer) throws IOException {
      try (InputStream source = in) {
        int n;
        while ((n = source.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
        }
      }
    }
  }

  /** A builder of {@link MultipartBody}; parts are written in the order they are added. */
  public static final class Builder {
    private final List<PendingPart> pending = new ArrayList<>();
    private String boundary = "conduit-" + UUID.randomUUID().toString().replace("-", "");

    private Builder() {}

    /**
     * Sets the boundary instead of a random one, e.g. for reproducible output.
     *
     * @throws IllegalArgumentException if it is empty, longer than 70 characters, or has characters
     *     other than letters, digits and {@code '()+_,-./:=?}
     */
    public Builder boundary(String boundary) {
      Objects.requireNonNull(boundary, "boundary == null");
      if (boundary.isEmpty() || boundary.length() > 70) {
        throw new IllegalArgumentException("boundary length not in 1..70: " + boundary.length());
      }
      for (int i = 0; i < boundary.length(); i++) {
        char c = boundary.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "'()+_,-./:=?".indexOf(c) >= 0;
        if (!ok) {
          throw new IllegalArgumentException("boundary has a character not allowed: " + boundary);
        }
      }
      this.boundary = boundary;
      return this;
    }

    /** Adds a text field, sent as UTF-8. */
    public Builder addField(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      pending.add(new PendingPart(name, null, null, new BytesSource(value.getBytes(StandardCharsets.UTF_8)), null));
      return this;
    }

    /**
     * Adds a file part read from {@code path} when the body is written; its size is read now.
     *
     * @param contentType the media type; null sends {@code application/octet-stream}
     * @throws UncheckedIOException if the size of the file cannot be read
     */
    public Builder addFile(String name, Path path, String filename, @Nullable String contentType) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(filename, "filename == null");
      long size;
      try {
        size = Files.size(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the size of " + path, e);
      }
      pending.add(new PendingPart(name, filename, checkedType(contentType), new PathSource(path, size), null));
      return this;
    }

    /**
     * Adds a file part copied from {@code in}, which the first write reads to its end and closes. The
     * body becomes non-repeatable and of unknown length.
     *
     * @param contentType the media type; null sends {@code application/octet-stream}
     */
    public Builder addFile(String name, InputStream in, String filename, @Nullable String contentType) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(in, "in == null");
      Objects.requireNonNull(filename, "filename == null");
      pending.add(new PendingPart(name, filename, checkedType(contentType), new StreamSource(in), null));
      return this;
    }

    /**
     * Adds a file part from {@code upload}: read from its path when the body is written, copied from
     * its stream (making the body non-repeatable and of unknown length), or from its bytes; its
     * progress listener, if any, hears about this part's bytes.
     *
     * @throws UncheckedIOException if the size of a path file cannot be read
     */
    public Builder addFile(String name, FileUpload upload) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(upload, "upload == null");
      Source source;
      Path path = upload.path();
      InputStream stream = upload.stream();
      byte[] bytes = upload.bytes();
      if (path != null) {
        try {
          source = new PathSource(path, Files.size(path));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the size of " + path, e);
        }
      } else if (stream != null) {
        source = new StreamSource(stream);
      } else {
        source = new BytesSource(Objects.requireNonNull(bytes, "upload has no content"));
      }
      pending.add(new PendingPart(name, upload.filename(), checkedType(upload.contentType()), source, upload.progress()));
      return this;
    }

    private static String checkedType(@Nullable String contentType) {
      if (contentType == null) {
        return DEFAULT_FILE_TYPE;
      }
      if (contentType.isEmpty() || contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("not a valid content type: " + contentType);
      }
      return contentType;
    }

    /**
     * Returns the body.
     *
     * @throws IllegalStateException if no part was added
     */
    public MultipartBody build() {
      if (pending.isEmpty()) {
        throw new IllegalStateException("a multipart body needs at least one part");
      }
      List<Part> parts = new ArrayList<>(pending.size());
      for (PendingPart p : pending) {
        parts.add(new Part(boundary, p.name, p.filename, p.contentType, p.source, p.progress));
      }
      return new MultipartBody(boundary, parts);
    }
  }

  /** A part added before the boundary is final. */
  private static final class PendingPart {
    final String name;
    final @Nullable String filename;
    final @Nullable String contentType;
    final Source source;
    final FileUpload.@Nullable ProgressListener progress;

    PendingPart(String name, @Nullable String filename, @Nullable String contentType, Source source,
        FileUpload.@Nullable ProgressListener progress) {
      this.name = name;
      this.filename = filename;
      this.contentType = contentType;
      this.source = source;
      this.progress = progress;
    }
  }

  /** Counts the bytes of one part's content on their way out and reports them. */
  private static final class ProgressOutputStream extends java.io.FilterOutputStream {
    private final FileUpload.ProgressListener listener;
    private final long total;
    private long sent;

    ProgressOutputStream(OutputStream out, FileUpload.ProgressListener listener, long total) {
      super(out);
      this.listener = listener;
      this.total = total;
      listener.onProgress(0, total);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      listener.onProgress(++sent, total);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      sent += len;
      listener.onProgress(sent, total);
    }
  }
}
