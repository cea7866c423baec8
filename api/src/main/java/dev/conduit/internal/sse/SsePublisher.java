package dev.conduit.internal.sse;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Flow.Publisher} of the items an {@link EventMapper} makes from the server-sent events of an
 * HTTP body publisher, with real backpressure.
 *
 * <p>It accepts exactly one subscriber; a later one gets {@code onError(IllegalStateException)}. It
 * requests one body buffer at a time, and only while its subscriber has unmet demand and no parsed
 * events are pending, so a slow subscriber slows the socket. One buffer may yield many events; they wait
 * in a queue and are emitted as demand allows, never more {@code onNext} than requested. At most one
 * item is mapped ahead of demand, so an end event, a skipped event or a mapper failure right after the
 * last requested item is noticed without further demand.
 *
 * <p>Termination:
 *
 * <ul>
 *   <li>an event for which {@link EventMapper#isEnd} is true cancels the body (releasing the
 *       connection) and completes;
 *   <li>the body ending without an end event calls {@link EventMapper#onEndOfInput} once every pending
 *       item has been delivered, then completes, or fails with what it threw;
 *   <li>an exception from the mapper, or a line or event over the size limit ({@link
 *       SseFormatException}), cancels the body and is delivered through {@code onError};
 *   <li>an error from the body is delivered through {@code onError} at once: events parsed but not yet
 *       delivered are dropped, since the stream is broken anyway;
 *   <li>{@code request(n)} with {@code n <= 0} cancels the body and signals {@code
 *       IllegalArgumentException} (rule 3.9);
 *   <li>{@code cancel()} cancels the body, after which no further signal is sent.
 * </ul>
 *
 * <p>Threads: body signals may arrive on one thread while the subscriber requests and cancels on
 * another. Subscriber signals are serial and are sent from whichever of those threads is draining at
 * the time, never while a lock is held and never re-entrantly, so {@code request(1)} from inside
 * {@code onNext} does not grow the stack. Each body buffer is parsed completely before the body's
 * {@code onNext} returns, so a transport may recycle it afterwards. No threads are created.
 *
 * @param <T> the type of items
 */
public final class SsePublisher<T> implements Flow.Publisher<T> {
  private static final Logger LOG = LoggerFactory.getLogger(SsePublisher.class);

  private final Flow.Publisher<ByteBuffer> upstream;
  private final EventMapper<T> mapper;
  private final int maxSize;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  /** Creates a publisher whose lines and events are limited to {@link SseParser#DEFAULT_MAX_SIZE}. */
  public SsePublisher(Flow.Publisher<ByteBuffer> upstream, EventMapper<T> mapper) {
    this(upstream, mapper, SseParser.DEFAULT_MAX_SIZE);
  }

  /**
   * Creates a publisher.
   *
   * @param upstream the body publisher; it must honour demand, and accept one subscriber
   * @param mapper turns events into items and decides how the stream ends
   * @param maxSize the maximum size in bytes of a line and of an event's data
   * @throws IllegalArgumentException if {@code maxSize <= 0}
   */
  public SsePublisher(Flow.Publisher<ByteBuffer> upstream, EventMapper<T> mapper, int maxSize) {
    if (maxSize <= 0) {
      throw new IllegalArgumentException("maxSize <= 0: " + maxSize);
    }
    this.upstream = Objects.requireNonNull(upstream, "upstream == null");
    this.mapper = Objects.requireNonNull(mapper, "mapper == null");
    this.maxSize = maxSize;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber == null");
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(NoopSubscription.INSTANCE);
      subscriber.onError(new IllegalStateException("SsePublisher accepts only one subscriber"));
      return;
    }
    new Bridge<>(subscriber, mapper, new SseParser(maxSize)).start(upstream);
  }

  private enum NoopSubscription implements Flow.Subscription {
    INSTANCE;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }

  /** Subscribes to the body and serves as the subscriber's subscription. */
  private static final class Bridge<T> implements Flow.Subscriber<ByteBuffer>, Flow.Subscription {
    private final Flow.Subscriber<? super T> downstream;
    private final EventMapper<T> mapper;
    /** Used only from body signals, which are serial (rule 1.3). */
    private final SseParser parser;
    private final ConcurrentLinkedQueue<ServerSentEvent> events = new ConcurrentLinkedQueue<>();
    private final Consumer<ServerSentEvent> sink = events::offer;

    /** Drain-loop ownership; start() holds it while the subscriber's onSubscribe runs. */
    private final AtomicInteger wip = new AtomicInteger(1);
    private final AtomicLong requested = new AtomicLong();
    private volatile Flow.@Nullable Subscription upstreamSubscription;
    private volatile boolean cancelled;
    private volatile @Nullable Throwable requestFailure;
    /** A buffer was requested from the body and has not been parsed yet. */
    private volatile boolean awaitingBuffer;
    /** Written before upstreamDone. */
    private volatile boolean endedMidEvent;
    private volatile boolean upstreamDone;
    /** Written before upstreamFailure: whether the body must be cancelled (it did not fail itself). */
    private volatile boolean cancelOnFailure;
    private volatile @Nullable Throwable upstreamFailure;
    /** A terminal signal was sent, or the subscriber cancelled; written only by the drain loop. */
    private volatile boolean done;

    // Used only by the drain loop.
    private @Nullable T held;
    private boolean cancelUpstreamWanted;
    private boolean upstreamCancelCalled;

    Bridge(Flow.Subscriber<? super T> downstream, EventMapper<T> mapper, SseParser parser) {
      this.downstream = downstream;
      this.mapper = mapper;
      this.parser = parser;
    }

    void start(Flow.Publisher<ByteBuffer> upstream) {
      try {
        downstream.onSubscribe(this);
      } catch (RuntimeException e) {
        LOG.warn("Subscriber.onSubscribe threw; cancelling the stream (rule 2.13)", e);
        cancelled = true;
      }
      try {
        upstream.subscribe(this); // even when cancelled, so that the body is released
      } catch (RuntimeException e) {
        if (upstreamFailure == null) {
          upstreamFailure = e;
        }
      }
      drainLoop(1);
    }

    // Flow.Subscription, called by the subscriber.

    @Override
    public void request(long n) {
      if (n <= 0) {
        if (requestFailure == null) {
          requestFailure = new IllegalArgumentException("request(n) with n <= 0 (rule 3.9): " + n);
        }
      } else {
        for (;;) {
          long current = requested.get();
          long next = current + n;
          if (current == Long.MAX_VALUE || requested.compareAndSet(current, next < 0 ? Long.MAX_VALUE : next)) {
            break;
          }
        }
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      drain();
    }

    // Flow.Subscriber, called by the body publisher.

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      Objects.requireNonNull(subscription, "subscription == null");
      if (upstreamSubscription != null) {
        subscription.cancel(); // rule 2.5
        return;
      }
      upstreamSubscription = subscription;
      drain();
    }

    @Override
    public void onNext(ByteBuffer buffer) {
      Objects.requireNonNull(buffer, "buffer == null");
      if (done || cancelled || upstreamDone || upstreamFailure != null) {
        return;
      }
      try {
        parser.feed(buffer, sink);
      } catch (SseFormatException e) {
        cancelOnFailure = true;
        upstreamFailure = e;
      }
      awaitingBuffer = false; // after the events are queued: see requestUpstreamIfNeeded
      drain();
    }

    @Override
    public void onError(Throwable throwable) {
      Objects.requireNonNull(throwable, "throwable == null");
      if (upstreamFailure == null) {
        upstreamFailure = throwable;
      }
      drain();
    }

    @Override
    public void onComplete() {
      if (upstreamFailure == null && !upstreamDone) {
        parser.finish(sink);
        endedMidEvent = parser.hasPartialEvent();
        upstreamDone = true;
      }
      drain();
    }

    // The drain loop.

    private void drain() {
      if (wip.getAndIncrement() == 0) {
        drainLoop(1);
      }
    }

    private void drainLoop(int missed) {
      for (;;) {
        drainOnce();
        missed = wip.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }

    private void drainOnce() {
      if (done) {
        cancelUpstreamIfWanted(); // the body may have subscribed after the end
        events.clear();
        return;
      }
      long r = requested.get();
      long e = 0;
      for (;;) {
        if (cancelled) {
          terminate(true);
          return;
        }
        Throwable failure = requestFailure;
        if (failure != null) {
          terminate(true);
          downstream.onError(failure);
          return;
        }
        failure = upstreamFailure;
        if (failure != null) {
          terminate(cancelOnFailure);
          downstream.onError(failure);
          return;
        }
        if (held == null) {
          boolean inputEnded = upstreamDone; // read before polling: all events are queued by then
          ServerSentEvent event = events.poll();
          if (event == null) {
            if (inputEnded) {
              endOfInput();
              return;
            }
            break;
          }
          if (!accept(event)) {
            return;
          }
          continue;
        }
        if (e == r) {
          break;
        }
        T item = held;
        held = null;
        if (!emit(item)) {
          return;
        }
        e++;
      }
      if (e != 0 && r != Long.MAX_VALUE) {
        requested.addAndGet(-e);
      }
      requestUpstreamIfNeeded();
    }

    /** Maps one event into {@link #held}; returns false if the stream terminated. */
    private boolean accept(ServerSentEvent event) {
      try {
        if (mapper.isEnd(event)) {
          terminate(true);
          downstream.onComplete();
          return false;
        }
        held = mapper.map(event);
        return true;
      } catch (Throwable t) {
        terminate(true);
        rethrowIfFatal(t);
        downstream.onError(t);
        return false;
      }
    }

    private void endOfInput() {
      try {
        mapper.onEndOfInput(endedMidEvent);
      } catch (Throwable t) {
        terminate(false);
        rethrowIfFatal(t);
        downstream.onError(t);
        return;
      }
      terminate(false);
      downstream.onComplete();
    }

    private boolean emit(T item) {
      try {
        downstream.onNext(item);
        return true;
      } catch (Throwable t) {
        terminate(true);
        rethrowIfFatal(t);
        LOG.warn("Subscriber.onNext threw; cancelling the stream (rule 2.13)", t);
        return false;
      }
    }

    private void requestUpstreamIfNeeded() {
      Flow.Subscription s = upstreamSubscription;
      // awaitingBuffer is read before events: once onNext has cleared it, its events are visible.
      if (s == null
          || awaitingBuffer
          || !events.isEmpty()
          || held != null
          || upstreamDone
          || upstreamFailure != null
          || cancelled
          || requested.get() == 0) {
        return;
      }
      awaitingBuffer = true;
      s.request(1);
    }

    private void terminate(boolean cancelUpstream) {
      done = true;
      held = null;
      events.clear();
      if (cancelUpstream) {
        cancelUpstreamWanted = true;
        cancelUpstreamIfWanted();
      }
    }

    private void cancelUpstreamIfWanted() {
      if (cancelUpstreamWanted && !upstreamCancelCalled) {
        Flow.Subscription s = upstreamSubscription;
        if (s != null) {
          upstreamCancelCalled = true;
          s.cancel();
        }
      }
    }

    private static void rethrowIfFatal(Throwable t) {
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      if (t instanceof LinkageError) {
        throw (LinkageError) t;
      }
    }
  }
}
