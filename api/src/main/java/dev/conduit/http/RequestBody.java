package dev.conduit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The body of an {@link HttpRequest}: a content type, a length (or -1 when unknown, which a transport
 * sends chunked), and the bytes, written on demand by {@link #writeTo(OutputStream)}.
 *
 * <p>A repeatable body can be written any number of times, so the request can be retried. A body that
 * is not repeatable (a user's {@link InputStream}) is written at most once; Conduit never retries a
 * request whose body cannot be replayed.
 */
public abstract class RequestBody {
  /** Returns the media type, e.g. {@code application/json}, or null if none is sent. */
  public abstract @Nullable String contentType();

  /** Returns the exact number of bytes {@link #writeTo} writes, or -1 if unknown. */
  public long contentLength() {
    return -1;
  }

  /** Returns true if {@link #writeTo} may be called more than once. */
  public boolean isRepeatable() {
    return true;
  }

  /**
   * Writes the body to {@code out}. The transport owns {@code out}; implementations must not close
   * it.
   *
   * @throws IOException if writing fails or, for a non-repeatable body, it was already written
   */
  public abstract void writeTo(OutputStream out) throws IOException;

  /** Returns a repeatable body of {@code bytes} (not copied: do not modify the array afterwards). */
  public static RequestBody ofBytes(byte[] bytes, @Nullable String contentType) {
    Objects.requireNonNull(bytes, "bytes == null");
    return new RequestBody() {
      @Override
      public @Nullable String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }
    };
  }

  /**
   * Returns a one-shot body streamed from {@code in}, which is read to its end and closed by the
   * first {@link #writeTo}. {@code contentLength} may be -1.
   */
  public static RequestBody ofInputStream(InputStream in, long contentLength, @Nullable String contentType) {
    Objects.requireNonNull(in, "in == null");
    AtomicBoolean used = new AtomicBoolean();
    return new RequestBody() {
      @Override
      public @Nullable String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return contentLength;
      }

      @Override
      public boolean isRepeatable() {
        return false;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        if (!used.compareAndSet(false, true)) {
          throw new IOException("this request body is not repeatable and was already written");
        }
        try (InputStream source = in) {
          source.transferTo(out);
        }
      }
    };
  }
}
