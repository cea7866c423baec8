package dev.conduit.transport.okhttp.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Publishes an OkHttp response body as {@link ByteBuffer}s, honouring demand exactly.
 *
 * <p>OkHttp has no non-blocking body API, so the body is read with blocking reads on the
 * transport's reader executor, and only while the subscriber has unmet demand: a subscriber that
 * requests nothing holds no thread and reads nothing, so backpressure reaches the socket. At most one
 * read task runs per body (a drain loop serializes every signal), and each {@code onNext} carries
 * one read of at most 8 KiB, so there are never more items than requested.
 *
 * <p>Cancelling, discarding, or a non-positive request cancels the OkHttp call, which closes the
 * connection and unblocks a read in progress; the reader then releases the response. The read
 * timeout is OkHttp's own, on the body source, so it only runs while a read is waiting.
 */
final class BodyPublisher implements Flow.Publisher<ByteBuffer> {
  private static final int CHUNK = 8 * 1024;

  private final Response response;
  private final Exchange exchange;
  private final Executor readers;
  private final AtomicReference<Flow.@Nullable Subscriber<? super ByteBuffer>> subscriber =
      new AtomicReference<>();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicReference<@Nullable Throwable> rejected = new AtomicReference<>();
  private volatile boolean ready; // the subscriber's onSubscribe returned
  private volatile boolean cancelled;
  private volatile boolean discarded;
  // Touched only inside the drain loop, which runs on one thread at a time.
  private boolean terminated;
  private boolean released;
  private byte @Nullable [] scratch;

  BodyPublisher(Response response, Exchange exchange, Executor readers) {
    this.response = response;
    this.exchange = exchange;
    this.readers = readers;
  }

  /** Subscribes the single consumer of the body; a second one, or one after discard, gets onError. */
  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
    if (discarded || !subscriber.compareAndSet(null, s)) {
      s.onSubscribe(NoopSubscription.INSTANCE);
      s.onError(
          new IllegalStateException(
              discarded ? "the response body was discarded" : "the response body accepts one subscriber"));
      return;
    }
    s.onSubscribe(new Subscription());
    ready = true;
    signal();
  }

  /** Abandons the body: cancels the call, closing the connection. Idempotent. */
  void discard() {
    discarded = true;
    cancel();
  }

  private void cancel() {
    if (!cancelled) {
      cancelled = true;
      exchange.abort();
      signal();
    }
  }

  private void signal() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    try {
      readers.execute(this::drain);
    } catch (RejectedExecutionException e) {
      // The transport is closed: its calls are cancelled, so draining here cannot block for long.
      drain();
    }
  }

  private void drain() {
    int missed = 1;
    for (;;) {
      if (!terminated) {
        step();
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void step() {
    if (cancelled) {
      terminated = true;
      release();
      return;
    }
    Flow.Subscriber<? super ByteBuffer> s = ready ? subscriber.get() : null;
    if (s == null) {
      return;
    }
    Throwable r = rejected.get();
    if (r != null) {
      terminated = true;
      exchange.abort();
      release();
      s.onError(r);
      return;
    }
    if (demand.get() == 0 && response.body().contentLength() == 0) {
      // Known to be empty (204, HEAD, Content-Length: 0): complete without waiting for demand.
      terminated = true;
      release();
      s.onComplete();
      return;
    }
    BufferedSource source = response.body().source();
    while (demand.get() > 0) {
      byte[] buf = scratch;
      if (buf == null) {
        buf = scratch = new byte[CHUNK];
      }
      int n;
      try {
        n = source.read(buf, 0, buf.length);
      } catch (IOException | RuntimeException e) {
        terminated = true;
        boolean wasCancelled = cancelled;
        IOException failure =
            exchange.bodyFailure(e instanceof IOException ? (IOException) e : new IOException(e));
        release();
        if (!wasCancelled) {
          s.onError(failure);
        }
        return;
      }
      if (cancelled) {
        terminated = true;
        release();
        return;
      }
      if (n == -1) {
        terminated = true;
        release();
        s.onComplete();
        return;
      }
      if (n == 0) {
        continue;
      }
      if (demand.get() != Long.MAX_VALUE) {
        demand.decrementAndGet();
      }
      try {
        s.onNext(ByteBuffer.wrap(Arrays.copyOf(buf, n)));
      } catch (RuntimeException e) {
        // The subscriber broke rule 2.13; treat its subscription as cancelled (rule 2.13 allows it).
        cancelled = true;
        terminated = true;
        exchange.abort();
        release();
        return;
      }
      if (cancelled || rejected.get() != null) {
        return; // handled by the next pass of the drain loop
      }
    }
  }

  private void release() {
    if (released) {
      return;
    }
    released = true;
    scratch = null;
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // The call is cancelled or complete; nothing more to release.
    } finally {
      exchange.finish();
    }
  }

  private final class Subscription implements Flow.Subscription {
    @Override
    public void request(long n) {
      if (n <= 0) {
        rejected.compareAndSet(null, new IllegalArgumentException("non-positive request (rule 3.9): " + n));
        signal();
        return;
      }
      for (;;) {
        long current = demand.get();
        long next = current + n;
        if (next < 0) {
          next = Long.MAX_VALUE;
        }
        if (demand.compareAndSet(current, next)) {
          break;
        }
      }
      signal();
    }

    @Override
    public void cancel() {
      BodyPublisher.this.cancel();
    }
  }

  /** A subscription that does nothing, for subscribers that are rejected at once. */
  static final class NoopSubscription implements Flow.Subscription {
    static final NoopSubscription INSTANCE = new NoopSubscription();

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }
}
