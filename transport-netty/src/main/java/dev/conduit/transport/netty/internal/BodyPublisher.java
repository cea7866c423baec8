package dev.conduit.transport.netty.internal;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A response body as a {@link Flow.Publisher} that honours demand exactly: buffers arrive from the
 * event loop ({@link #offer}), and reach the one subscriber only as far as it has requested.
 *
 * <p>{@code onSubscribe} runs on the subscribing thread, inside {@link #subscribe}. Every later
 * signal to the subscriber runs in a serial drain loop on the delivery {@link Executor}
 * (never the event loop for the asynchronous path), so a subscriber may call {@code request} or
 * {@code cancel} from inside {@code onNext} without recursion. When the subscriber has demand the
 * publisher has not met, it tells its {@link Source}, which reads more from the socket.
 */
final class BodyPublisher implements Flow.Publisher<ByteBuffer>, Flow.Subscription {
  /** The producing side: the exchange on the event loop. */
  interface Source {
    /** The subscriber has unmet demand; read more. Called on any thread. */
    void demand();

    /** The subscriber cancelled, or broke a rule; abort the exchange unless it is complete. */
    void cancel();
  }

  private static final Flow.Subscription NOOP =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };

  private final Executor delivery;
  private final Source source;
  private final ConcurrentLinkedQueue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private volatile Flow.@Nullable Subscriber<? super ByteBuffer> subscriber;
  private volatile boolean complete;
  private volatile @Nullable Throwable error;
  private volatile boolean cancelled;
  private boolean terminated; // confined to the drain loop

  BodyPublisher(Executor delivery, Source source) {
    this.delivery = delivery;
    this.source = source;
  }

  // ---- producer side (event loop) ----

  /** Queues a buffer received from the socket. */
  void offer(ByteBuffer buffer) {
    if (cancelled) {
      return;
    }
    queue.add(buffer);
    queued.incrementAndGet();
    signal();
  }

  /** Marks the end of the body; {@code onComplete} follows the queued buffers. */
  void complete() {
    complete = true;
    signal();
  }

  /** Fails the body; {@code onError} is delivered at once, dropping what is queued. */
  void fail(Throwable t) {
    if (error == null) {
      error = t;
    }
    signal();
  }

  /** Returns true if the subscriber has requested more than is queued and the body is not over. */
  boolean wantsMore() {
    return !cancelled && !complete && error == null && demand.get() > queued.get();
  }

  /** Returns true once the subscriber cancelled (or {@link #discard()} was called). */
  boolean isCancelled() {
    return cancelled;
  }

  /** Drops the body without a subscriber; aborts the exchange if it is still receiving. */
  void discard() {
    cancel();
    if (subscriber == null) {
      queue.clear();
    }
  }

  // ---- consumer side ----

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
    Objects.requireNonNull(s, "subscriber == null");
    if (!subscribed.compareAndSet(false, true)) {
      s.onSubscribe(NOOP);
      s.onError(new IllegalStateException("the response body accepts one subscriber and already has one"));
      return;
    }
    try {
      s.onSubscribe(this); // on the subscribing thread, so the subscriber can request at once
    } catch (RuntimeException e) {
      cancel(); // rule 2.13: a subscriber that throws is treated as cancelled
      throw e;
    }
    subscriber = s; // only now may the drain loop signal it: onSubscribe happens-before onNext
    signal();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      fail(new IllegalArgumentException("non-positive request: " + n + " (Reactive Streams rule 3.9)"));
      source.cancel();
      return;
    }
    demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    signal();
    source.demand();
  }

  @Override
  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      source.cancel();
      signal();
    }
  }

  private void signal() {
    if (wip.getAndIncrement() == 0) {
      try {
        delivery.execute(this::drain);
      } catch (RejectedExecutionException e) {
        drain(); // the executor was shut down with the transport; deliver the last signals here
      }
    }
  }

  private void drain() {
    int missed = 1;
    for (;;) {
      try {
        drainOnce();
      } catch (Throwable t) {
        // A subscriber broke rule 2.13 by throwing; treat the subscription as cancelled.
        terminated = true;
        cancelled = true;
        queue.clear();
        source.cancel();
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void drainOnce() {
    Flow.Subscriber<? super ByteBuffer> s = subscriber;
    if (s == null || terminated) {
      if (terminated) {
        queue.clear();
      }
      return;
    }
    boolean emitted = false;
    for (;;) {
      if (cancelled) {
        terminated = true;
        queue.clear();
        return;
      }
      Throwable e = error;
      if (e != null) {
        terminated = true;
        queue.clear();
        s.onError(e);
        return;
      }
      boolean done = complete; // read before the queue: every buffer is queued before complete is set
      long r = demand.get();
      if (r > 0) {
        ByteBuffer b = queue.poll();
        if (b != null) {
          queued.decrementAndGet();
          if (r != Long.MAX_VALUE) {
            demand.decrementAndGet();
          }
          emitted = true;
          s.onNext(b);
          continue;
        }
      }
      if (done && queue.isEmpty()) {
        terminated = true;
        s.onComplete();
        return;
      }
      break;
    }
    if (emitted && demand.get() > 0) {
      source.demand();
    }
  }
}
