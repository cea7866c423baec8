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
