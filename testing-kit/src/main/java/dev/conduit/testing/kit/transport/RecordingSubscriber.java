package dev.conduit.testing.kit.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A body subscriber for tests that records everything and checks the Reactive Streams rules a
 * response body publisher must keep: one {@code onSubscribe}, never more {@code onNext} than
 * requested, nothing after a terminal signal, nothing after {@code cancel}.
 */
public final class RecordingSubscriber implements Flow.Subscriber<ByteBuffer> {
  /** How the subscriber requests. */
  public enum Mode {
    /** Requests {@code Long.MAX_VALUE} on subscription. */
    UNBOUNDED,
    /** Requests 1 on subscription and 1 more after each item. */
    ONE_AT_A_TIME,
    /** Requests only when the test calls {@link #request}. */
    MANUAL
  }

  private final Mode mode;
  private final boolean keepBytes;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final AtomicLong requested = new AtomicLong();
  private final AtomicLong items = new AtomicLong();
  private final AtomicInteger subscriptions = new AtomicInteger();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final Payload.Digester digester = new Payload.Digester();
  private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;
  private volatile boolean terminated;
  private volatile boolean cancelled;
  private volatile BiConsumer<RecordingSubscriber, ByteBuffer> onItem = (s, b) -> {};

  /** Creates a subscriber that keeps the body bytes (for small bodies). */
  public RecordingSubscriber(Mode mode) {
    this(mode, true);
  }

  /** Creates a subscriber; with {@code keepBytes} false only a digest of the body is kept. */
  public RecordingSubscriber(Mode mode, boolean keepBytes) {
    this.mode = mode;
    this.keepBytes = keepBytes;
  }

  /** Sets a hook run after each item is recorded (e.g. to cancel); returns this. */
  public RecordingSubscriber onItem(BiConsumer<RecordingSubscriber, ByteBuffer> hook) {
    this.onItem = hook;
    return this;
  }

  /** Requests {@code n} more items. */
  public void request(long n) {
    requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    subscription.request(n);
  }

  /** Cancels the subscription. */
  public void cancel() {
    cancelled = true;
    subscription.cancel();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (subscriptions.incrementAndGet() > 1) {
      violations.add("onSubscribe called more than once");
      s.cancel();
      return;
    }
    subscription = s;
    if (mode == Mode.UNBOUNDED) {
      request(Long.MAX_VALUE);
    } else if (mode == Mode.ONE_AT_A_TIME) {
      request(1);
    }
  }

  @Override
  public void onNext(ByteBuffer item) {
    if (terminated) {
      violations.add("onNext after a terminal signal");
    }
    if (cancelled) {
      violations.add("onNext after cancel");
    }
    long n = items.incrementAndGet();
    if (n > requested.get()) {
      violations.add("onNext #" + n + " exceeds demand " + requested.get());
    }
    synchronized (this) {
      digester.update(item);
      if (keepBytes) {
        ByteBuffer copy = item.duplicate();
        byte[] b = new byte[copy.remaining()];
        copy.get(b);
        bytes.write(b, 0, b.length);
      }
    }
    onItem.accept(this, item);
    if (mode == Mode.ONE_AT_A_TIME && !cancelled) {
      request(1);
    }
  }

  @Override
  public void onError(Throwable t) {
    if (terminated) {
      violations.add("onError after a terminal signal: " + t);
    }
    terminated = true;
    done.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    if (terminated) {
      violations.add("onComplete after a terminal signal");
    }
    terminated = true;
    done.complete(null);
  }

  /** Waits for {@code onComplete} and returns the body; fails if {@code onError} came instead. */
  public byte[] awaitBody(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
    done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    synchronized (this) {
      return bytes.toByteArray();
    }
  }

  /** Waits for {@code onError} and returns its throwable; fails if the body completed normally. */
  public Throwable awaitError(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected onError, but the body completed normally");
  }

  /** Returns the future completed by the terminal signal. */
  public CompletableFuture<Void> done() {
    return done;
  }

  /** Returns the number of {@code onNext} calls so far. */
  public long items() {
    return items.get();
  }

  /** Returns the total demand signalled so far. */
  public long requested() {
    return requested.get();
  }

  /** Returns the digest of the bytes received so far. */
  public synchronized Payload.Digest digest() {
    return digester.digest();
  }

  /** Returns the number of bytes received so far. */
  public synchronized long byteCount() {
    return digester.length();
  }

  /** Returns the rule violations seen, empty if none. */
  public List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }
}
