package dev.conduit.http;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Moves bytes: sends an {@link HttpRequest} and returns the response. This is the whole transport
 * SPI; authentication, retries, logging, error mapping and SSE live once in Conduit's core.
 *
 * <p>Implementations are thread-safe and share their connection pool between the blocking and the
 * asynchronous path. They raise {@link TransportTimeoutException} for each timeout kind and other
 * {@link IOException}s for connection failures, and never throw for an HTTP error status.
 *
 * <p>Contract details every transport documents where it differs:
 *
 * <ul>
 *   <li>Future completions and body-subscriber callbacks run on transport threads; callers must not
 *       block in them.
 *   <li>A per-request {@code connect} timeout may only be honoured client-wide where the HTTP stack
 *       fixes it at construction (the JDK's client does).
 *   <li>After {@link #close()}, new calls fail with {@link IllegalStateException} and calls in flight
 *       fail with an {@link IOException}; reading a closed response body throws {@link IOException}.
 * </ul>
 */
public interface Transport extends AutoCloseable {
  /**
   * Sends {@code request} and blocks until the response headers arrive.
   *
   * @throws TransportTimeoutException if a connect, pool, write or response timeout fired
   * @throws IOException if the connection failed
   */
  HttpResponse execute(HttpRequest request) throws IOException;

  /**
   * Sends {@code request} without blocking the caller. The future completes when the headers arrive,
   * or exceptionally with the same exceptions {@link #execute} throws. Cancelling the future aborts
   * the exchange.
   */
  CompletableFuture<AsyncHttpResponse> executeAsync(HttpRequest request);

  /** Releases the pool and threads this transport owns (not those a user handed in). */
  @Override
  void close();
}
