package dev.conduit.testing.internal;

import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous body of an in-memory response: one buffer per {@link BodyStep.Bytes}, never more
 * than requested; pauses and stalls are timers (no thread is held), a gap longer than the
 * {@code read} timeout fails with {@link TransportTimeoutException}, a reset with an
 * {@link IOException}. Accepts one subscriber.
 */
final class StepPublisher implements Flow.Publisher<ByteBuffer> {
  private final List<BodyStep> steps;
  private final @Nullable Duration readTimeout;
  private final FakeCore core;
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private volatile boolean discarded;

  StepPublisher(List<BodyStep> steps, @Nullable Duration readTimeout, FakeCore core) {
    this.steps = steps;
    this.readTimeout = readTimeout;
    this.core = core;
  }

  /** Abandons the body without a subscriber. */
  void discard() {
    discarded = true;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    java.util.Objects.requireNonNull(subscriber, "subscriber == null");
    if (!subscribed.compareAndSet(false, true) || discarded) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(new IllegalStateException(discarded ? "the body was discarded" : "the body accepts one subscriber"));
      return;
    }
    Sub sub = new Sub(subscriber);
    subscriber.onSubscribe(sub);
    core.addCloseHook(sub.onClose);
    sub.drain();
  }

  private final class Sub implements Flow.Subscription {
    private final Flow.Subscriber<? super ByteBuffer> downstream;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private int index;
    private volatile boolean cancelled;
    private volatile boolean waiting;
    private volatile @Nullable Throwable failure;
    private volatile @Nullable ScheduledFuture<?> timer;
    private boolean done;
    final Runnable onClose = () -> resume(new IOException("the fake OpenAI server was closed"));

    Sub(Flow.Subscriber<? super ByteBuffer> downstream) {
      this.downstream = downstream;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        failure = new IllegalArgumentException("non-positive subscription request: " + n);
        waiting = false;
      } else {
        demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      core.removeCloseHook(onClose);
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
    }

    void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      do {
        loop();
      } while (wip.decrementAndGet() != 0);
    }

    private void loop() {
      while (!cancelled && !done) {
        Throwable f = failure;
        if (f != null) {
          finish(f);
          return;
        }
        if (waiting) {
          return;
        }
        if (index == steps.size()) {
          done = true;
          core.removeCloseHook(onClose);
          downstream.onComplete();
          return;
        }
        BodyStep step = steps.get(index);
        if (step instanceof BodyStep.Bytes) {
          if (demand.get() == 0) {
            return;
          }
          demand.decrementAndGet();
          index++;
          downstream.onNext(ByteBuffer.wrap(((BodyStep.Bytes) step).bytes()).asReadOnlyBuffer());
        } else if (step instanceof BodyStep.Pause) {
          index++;
          idle(((BodyStep.Pause) step).duration());
        } else if (step instanceof BodyStep.Stall) {
          index++;
          idle(((BodyStep.Stall) step).duration());
        } else {
          finish(new SocketException("Connection reset"));
          return;
        }
      }
    }

    private void idle(@Nullable Duration d) {
      boolean timesOut = readTimeout != null && (d == null || d.compareTo(readTimeout) > 0);
      waiting = true;
      if (timesOut) {
        timer = schedule(() -> resume(new TransportTimeoutException(Timeouts.Kind.READ, "read timed out after "
            + readTimeout.toMillis() + " ms without a byte from the fake OpenAI server")), readTimeout.toNanos());
      } else if (d != null) {
        timer = schedule(() -> resume(null), d.toNanos());
      }
      // a stall without a read timeout lasts until the subscriber cancels or the fake closes (close hook)
    }

    private @Nullable ScheduledFuture<?> schedule(Runnable r, long nanos) {
      try {
        return core.timer().schedule(r, nanos, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        failure = new IOException("the fake OpenAI server was closed");
        waiting = false;
        return null;
      }
    }

    private void resume(@Nullable Throwable error) {
      if (error != null) {
        failure = error;
      }
      waiting = false;
      drain();
    }

    private void finish(Throwable error) {
      done = true;
      cancelled = true;
      core.removeCloseHook(onClose);
      downstream.onError(error);
    }
  }
}
