package dev.conduit.transport.jdk.internal;

import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Bridges the JDK's response body ({@code List<ByteBuffer>} items) to Conduit's body publisher (one
 * {@code ByteBuffer} per {@code onNext}), honouring demand exactly.
 *
 * <p>Upstream, it is the JDK {@link HttpResponse.BodySubscriber}: it asks the JDK for one list at a
 * time, and only when the downstream has unmet demand and nothing is buffered, so a slow consumer
 * stops the socket reads. Downstream, it is a {@link Flow.Publisher} with a single subscriber: it
 * splits each list and never calls {@code onNext} more often than requested. Signals are serialized
 * by a drain loop. Cancelling, discarding or a read timeout cancels the JDK subscription, which
 * closes the connection.
 *
 * <p>The read timeout is measured only while the downstream is waiting: demand outstanding and no
 * bytes buffered.
 */
public final class ResponseBody
    implements HttpResponse.BodySubscriber<ResponseBody>, Flow.Publisher<ByteBuffer> {
  private final Exchange exchange;
  private final @Nullable IdleWatchdog watchdog;
  private final ConcurrentLinkedQueue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicReference<Flow.@Nullable Subscriber<? super ByteBuffer>> subscriber =
      new AtomicReference<>();
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicReference<Flow.@Nullable Subscription> upstream = new AtomicReference<>();
  private volatile boolean ready; // downstream onSubscribe returned
  private volatile boolean upstreamPending; // a request(1) to the JDK is outstanding
  private volatile boolean upstreamDone;
  private final AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
  private volatile boolean cancelled;
  private volatile boolean discarded;
  private boolean terminated; // touched only inside the drain loop

  /** Creates the body of {@code exchange}, guarded by {@code readTimeout} (null: none). */
  public ResponseBody(Exchange exchange, @Nullable Duration readTimeout) {
    this.exchange = exchange;
    this.watchdog =
        IdleWatchdog.of(
            readTimeout,
            () ->
                exchange.timedOut(
                    new TransportTimeoutException(
                        Timeouts.Kind.READ,
                        "read timed out after " + Timers.format(readTimeout)
                            + " waiting for response body bytes")));
    if (watchdog != null) {
      watchdog.start();
    }
  }

  // ---- upstream: the JDK's BodySubscriber ----

  /** JDK callback: the "body" of the JDK's response is this publisher, available at once. */
  @Override
  public CompletionStage<ResponseBody> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  /** JDK callback. */
  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    if (!upstream.compareAndSet(null, subscription)) {
      subscription.cancel();
      return;
    }
    if (cancelled || error.get() != null) {
      subscription.cancel();
    }
    drain();
  }

  /** JDK callback. */
  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer b : items) {
      if (b.hasRemaining()) {
        queue.offer(b);
      }
    }
    upstreamPending = false;
    drain();
  }

  /** JDK callback. */
  @Override
  public void onError(Throwable t) {
    error.compareAndSet(null, t);
    release();
    drain();
  }

  /** JDK callback. */
  @Override
  public void onComplete() {
    upstreamDone = true;
    release();
    drain();
  }

  // ---- downstream: Conduit's body publisher ----

  /** Subscribes the single consumer of the body; a second one receives {@code onError}. */
  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
    if (discarded || !subscriber.compareAndSet(null, s)) {
      s.onSubscribe(NoopSubscription.INSTANCE);
      s.onError(
          new IllegalStateException(
              discarded ? "the response body was discarded" : "the response body accepts one subscriber"));
      return;
    }
    s.onSubscribe(new Downstream());
    ready = true;
    drain();
  }

  /** Abandons the body: cancels the JDK subscription, releasing the connection. Idempotent. */
  public void discard() {
    discarded = true;
    cancel();
  }

  /** Fails the body with {@code cause} (a timeout or an abort) and closes the connection. */
  public void fail(IOException cause) {
    if (error.compareAndSet(null, cause)) {
      cancelUpstream();
      release();
      drain();
    }
  }

  /** Stops the read-timeout watchdog: the exchange is over. */
  void stopWatchdog() {
    if (watchdog != null) {
      watchdog.stop();
    }
  }

  private void cancel() {
    cancelled = true;
    cancelUpstream();
    release();
    drain();
  }

  private void cancelUpstream() {
    Flow.Subscription s = upstream.get();
    if (s != null) {
      s.cancel();
    }
  }

  private void release() {
    if (released.compareAndSet(false, true)) {
      if (watchdog != null) {
        watchdog.stop();
      }
      exchange.finish();
    }
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    for (;;) {
      Flow.Subscriber<? super ByteBuffer> s = ready ? subscriber.get() : null;
      if (terminated) {
        queue.clear();
      } else if (cancelled) {
        terminated = true;
        queue.clear();
      } else if (s != null) {
        drainTo(s);
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void drainTo(Flow.Subscriber<? super ByteBuffer> s) {
    long requested = demand.get();
    long emitted = 0;
    while (emitted != requested && !cancelled && error.get() == null) {
      ByteBuffer b = queue.poll();
      if (b == null) {
        break;
      }
      try {
        s.onNext(b);
      } catch (RuntimeException | Error e) {
        // A subscriber that throws has broken the protocol (rule 2.13): treat it as cancelled.
        cancelled = true;
        cancelUpstream();
        release();
        terminated = true;
        queue.clear();
        return;
      }
      emitted++;
    }
    if (emitted != 0 && requested != Long.MAX_VALUE) {
      demand.addAndGet(-emitted);
    }
    if (cancelled) {
      terminated = true;
      queue.clear();
      return;
    }
    Throwable e = error.get();
    if (e != null) {
      terminated = true;
      queue.clear();
      try {
        s.onError(toIoException(e));
      } catch (RuntimeException ignored) {
        // Nothing is left to tell the subscriber.
      }
      return;
    }
    if (upstreamDone && queue.isEmpty()) {
      terminated = true;
      try {
        s.onComplete();
      } catch (RuntimeException ignored) {
        // Nothing is left to tell the subscriber.
      }
      return;
    }
    boolean wantMore = demand.get() > 0 && queue.isEmpty();
    if (watchdog != null) {
      if (wantMore) {
        watchdog.waiting(emitted != 0);
      } else {
        watchdog.idle();
      }
    }
    if (wantMore && !upstreamPending && !upstreamDone) {
      Flow.Subscription up = upstream.get();
      if (up != null) {
        upstreamPending = true;
        up.request(1);
      }
    }
  }

  private Throwable toIoException(Throwable e) {
    IOException recorded = exchange.failure();
    if (recorded != null) {
      return recorded;
    }
    if (e instanceof IOException || e instanceof IllegalArgumentException) {
      return e;
    }
    return new IOException("reading the response body failed: " + e, e);
  }

  private final class Downstream implements Flow.Subscription {
    @Override
    public void request(long n) {
      if (n <= 0) {
        if (error.compareAndSet(
            null, new IllegalArgumentException("non-positive request (rule 3.9): " + n))) {
          cancelUpstream();
          release();
        }
        drain();
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
      drain();
    }

    @Override
    public void cancel() {
      ResponseBody.this.cancel();
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
