package dev.conduit.internal.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A cold publisher whose source is opened when it is subscribed to: the HTTP request of an
 * asynchronous stream is sent on {@code subscribe}, and a failure before the first event (an error
 * status, a refused connection) reaches the subscriber through {@code onError}. Demand requested and
 * cancellation before the source is open are remembered and applied when it opens. One subscriber.
 */
public final class DeferredPublisher<T> implements Flow.Publisher<T> {
  private final Supplier<CompletableFuture<? extends Flow.Publisher<T>>> opener;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  public DeferredPublisher(Supplier<CompletableFuture<? extends Flow.Publisher<T>>> opener) {
    this.opener = opener;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(new IllegalStateException("this stream accepts one subscriber and already has one"));
      return;
    }
    Deferred<T> deferred = new Deferred<>(subscriber);
    subscriber.onSubscribe(deferred);
    if (deferred.cancelled.get()) {
      return;
    }
    CompletableFuture<? extends Flow.Publisher<T>> future;
    try {
      future = opener.get();
    } catch (RuntimeException e) {
      deferred.fail(e);
      return;
    }
    deferred.opening = future;
    if (deferred.cancelled.get()) {
      future.cancel(true);
    }
    future.whenComplete((publisher, error) -> {
      if (error != null) {
        deferred.fail(StreamErrors.map(error));
      } else {
        publisher.subscribe(deferred.forwarder());
      }
    });
  }

  private static final class Deferred<T> implements Flow.Subscription {
    final Flow.Subscriber<? super T> downstream;
    final AtomicLong pending = new AtomicLong();
    final AtomicBoolean cancelled = new AtomicBoolean();
    final AtomicBoolean terminated = new AtomicBoolean();
    final AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();
    volatile CompletableFuture<?> opening;

    Deferred(Flow.Subscriber<? super T> downstream) {
      this.downstream = downstream;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        fail(new IllegalArgumentException("request(n) needs n > 0 (Reactive Streams rule 3.9): " + n));
        return;
      }
      Flow.Subscription up = upstream.get();
      if (up != null) {
        up.request(n);
        return;
      }
      pending.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      up = upstream.get();
      if (up != null) {
        long p = pending.getAndSet(0);
        if (p > 0) {
          up.request(p);
        }
      }
    }

    @Override
    public void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        CompletableFuture<?> f = opening;
        if (f != null) {
          f.cancel(true);
        }
        Flow.Subscription up = upstream.get();
        if (up != null) {
          up.cancel();
        }
      }
    }

    void fail(Throwable t) {
      if (!cancelled.get() && terminated.compareAndSet(false, true)) {
        downstream.onError(t);
      }
    }

    Flow.Subscriber<T> forwarder() {
      return new Flow.Subscriber<T>() {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
          if (!upstream.compareAndSet(null, subscription)) {
            subscription.cancel();
            return;
          }
          if (cancelled.get()) {
            subscription.cancel();
            return;
          }
          long p = pending.getAndSet(0);
          if (p > 0) {
            subscription.request(p);
          }
        }

        @Override
        public void onNext(T item) {
          if (!cancelled.get()) {
            downstream.onNext(item);
          }
        }

        @Override
        public void onError(Throwable throwable) {
          fail(throwable);
        }

        @Override
        public void onComplete() {
          if (!cancelled.get() && terminated.compareAndSet(false, true)) {
            downstream.onComplete();
          }
        }
      };
    }
  }
}
