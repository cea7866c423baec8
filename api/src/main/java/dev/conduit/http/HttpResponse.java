package dev.conduit.http;

import java.io.Closeable;
import java.io.InputStream;

/**
 * A response whose headers have arrived and whose body is read as a blocking {@link InputStream}.
 *
 * <p>The caller must {@link #close()} it. Closing before the body is fully read aborts or releases
 * the underlying connection; it never leaks it. A read that waits longer than the request's
 * {@code read} timeout throws {@link TransportTimeoutException}.
 */
public interface HttpResponse extends Closeable {
  int statusCode();

  Headers headers();

  /** Returns the body stream; the same instance on every call. */
  InputStream body();

  /** Releases the connection; idempotent and never throws. */
  @Override
  void close();
}
