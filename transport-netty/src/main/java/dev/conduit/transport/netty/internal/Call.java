package dev.conduit.transport.netty.internal;

import dev.conduit.http.HttpRequest;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * One logical request: takes a connection from the pool, runs an {@link Exchange} on it, and runs
 * it again on another connection if a reused connection turned out to be stale before any response
 * byte arrived (and the body can be sent again). {@link #result} completes, on an event loop, when
 * the response head arrives.
 */
final class Call {
  /** Bodies of known length up to this size are written to memory on the caller's thread. */
  static final int BUFFER_LIMIT = 64 * 1024;

  private static final Object DONE = new Object();

  final Engine engine;
  final RequestHead head;
  final Timeouts timeouts;
  final boolean blocking;
  final byte @Nullable [] buffered;
  final @Nullable RequestBody streamed;
  final CompletableFuture<Exchange> result = new CompletableFuture<>();
  private final @Nullable LinkedBlockingQueue<Object> writers;
  private final Object writeLock = new Object();
  private volatile @Nullable CompletableFuture<?> acquiring;
  private volatile @Nullable Exchange current;
  private volatile boolean cancelled;

  /**
   * Prepares {@code request}; a small body is written to memory here.
   *
   * @throws IOException if a small body fails to write
   * @throws IllegalArgumentException if the request cannot be expressed (see {@link RequestHead})
   */
  Call(Engine engine, HttpRequest request, boolean blocking) throws IOException {
    this.engine = engine;
    this.blocking = blocking;
    this.timeouts = request.timeouts().orElse(engine.options.timeouts());
    this.head = RequestHead.of(request, engine.proxy);
    RequestBody body = request.body();
    long length = body == null ? -1 : body.contentLength();
    if (body != null && length >= 0 && length <= BUFFER_LIMIT) {
      this.buffered = buffer(body, (int) length);
      this.streamed = null;
    } else {
      this.buffered = null;
      this.streamed = body;
    }
    if (blocking && streamed != null) {
      LinkedBlockingQueue<Object> q = new LinkedBlockingQueue<>();
      writers = q;
      result.whenComplete((r, e) -> q.offer(DONE));
    } else {
      writers = null;
    }
  }

  private static byte[] buffer(RequestBody body, int length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    body.writeTo(out);
    if (out.size() != length) {
      throw new IOException("the request body wrote " + out.size() + " bytes but declared a content length of " + length);
    }
    return out.toByteArray();
  }

  boolean isDone() {
    return result.isDone();
  }

  /** Takes a connection and starts an exchange on it. */
  void start() {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<ConnectionPool.Lease> lease = engine.pool.acquire(head.key, timeouts);
    acquiring = lease;
    if (cancelled) {
      lease.cancel(false);
    }
    lease.whenComplete(
        (l, e) -> {
          if (e != null) {
            result.completeExceptionally(Failures.unwrap(e));
            return;
          }
          Exchange exchange = new Exchange(this, l.connection, l.reused);
          current = exchange;
          try {
            exchange.loop().execute(exchange::start);
          } catch (RejectedExecutionException x) {
            l.connection.channel().close();
            result.completeExceptionally(new IOException("the transport was closed", x));
          }
        });
  }

  /** Aborts the call: leaves the pool queue, or closes the connection of the exchange in flight. */
  void cancel() {
    cancelled = true;
    IOException cause = new IOException("the call was cancelled");
    result.completeExceptionally(cause);
    CompletableFuture<?> a = acquiring;
    if (a != null) {
      a.cancel(false);
    }
    Exchange e = current;
    if (e != null) {
      e.abort(cause);
    }
  }

  // ---- from the exchange, on its event loop ----

  void headersReceived(Exchange exchange) {
    if (!result.complete(exchange)) {
      exchange.abort(new IOException("the call was cancelled"));
    }
  }

  void exchangeFailed(Exchange exchange, IOException cause, boolean retryable) {
    if (retryable && !cancelled && !result.isDone() && (streamed == null || streamed.isRepeatable())) {
      start(); // the reused connection was stale; the server never saw the request
      return;
    }
    result.completeExceptionally(cause);
  }

  /** The request head of {@code exchange} is written; its streamed body may now follow. */
  void bodyWriterReady(Exchange exchange) {
    LinkedBlockingQueue<Object> q = writers;
    if (q != null) {
      q.offer(exchange);
      return;
    }
    try {
      engine.writers().execute(
          () -> {
            synchronized (writeLock) { // a retry's writeTo waits for the failed attempt's to unwind
              exchange.writeStreamedBody();
            }
          });
    } catch (RejectedExecutionException e) {
      exchange.abort(new IOException("the transport was closed", e));
    }
  }

  /**
   * Writes the streamed body on the calling thread, for every attempt, until the response head
   * arrives or the call fails.
   */
  void writeBodyOnCallerThread() throws InterruptedIOException {
    LinkedBlockingQueue<Object> q = writers;
    if (q == null) {
      return;
    }
    for (;;) {
      Object next;
      try {
        next = q.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new InterruptedIOException("interrupted while sending the request");
      }
      if (next == DONE) {
        return;
      }
      ((Exchange) next).writeStreamedBody();
    }
  }
}
