package dev.conduit.http;

import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A response whose headers have arrived and whose body is a {@link Flow.Publisher} of byte chunks.
 *
 * <p>The body may be subscribed to once. The publisher honours demand: no more buffers are delivered
 * than requested, so a slow consumer applies backpressure all the way to the socket. Cancelling the
 * subscription aborts the exchange and releases the connection. If the body is never subscribed to,
 * the caller must call {@link #discard()}. Body errors are delivered through {@code onError}; a read
 * idle longer than the {@code read} timeout fails with {@link TransportTimeoutException}.
 */
public interface AsyncHttpResponse {
  int statusCode();

  Headers headers();

  /** Returns the body publisher; it accepts one subscriber. */
  Flow.Publisher<ByteBuffer> body();

  /** Abandons a body that will not be subscribed to, releasing the connection; idempotent. */
  void discard();
}
