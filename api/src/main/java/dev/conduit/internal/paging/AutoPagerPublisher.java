package dev.conduit.internal.paging;

import dev.conduit.core.AsyncPage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes every item from a first page on, fetching the next page only when the subscriber still
 * has demand and the current page is used up. Signals are serialised by a drain loop; no thread is
 * created or blocked.
 */
final class AutoPagerPublisher<T> implements Flow.Publisher<T> {
  private final AsyncPage<T> first;

  AutoPagerPublisher(AsyncPage<T> first) {
    this.first = first;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Drain<T> d = new Drain<>(first, subscriber);
    subscriber.onSubscribe(d);
    d.drain();
  }

  private static final class Drain<T> implements Flow.Subscription {
    private final Flow.Subscriber<? super T> downstream;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile AsyncPage<T> page;
    private volatile int index;
    private volatile boolean fetching;
    private volatile boolean done;
    private volatile Throwable error;
    private volatile CompletableFuture<AsyncPage<T>> inFlight;

    Drain(AsyncPage<T> first, Flow.Subscriber<? super T> downstream) {
      this.page = first;
      this.downstream = downstream;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        error = new IllegalArgumentException("request(n) needs n > 0 (Reactive Streams rule 3.9): " + n);
      } else {
        demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      }
      drain();
    }

    @Override
    public void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        CompletableFuture<AsyncPage<T>> f = inFlight;
        if (f != null) {
          f.cancel(true);
        }
      }
    }

    void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      while (true) {
        if (cancelled.get() || done) {
          return;
        }
        Throwable e = error;
        if (e != null) {
          done = true;
          downstream.onError(e);
          return;
        }
        if (!fetching) {
          AsyncPage<T> p = page;
          while (demand.get() > 0 && index < p.data().size() && !cancelled.get()) {
            T item = p.data().get(index++);
            demand.decrementAndGet();
            downstream.onNext(item);
          }
          if (index >= p.data().size()) {
            if (!p.hasNextPage()) {
              done = true;
              if (!cancelled.get()) {
                downstream.onComplete();
              }
              return;
            }
            if (demand.get() > 0 && !cancelled.get()) {
              fetching = true;
              CompletableFuture<AsyncPage<T>> f = p.nextPage();
              inFlight = f;
              f.whenComplete((next, err) -> {
                if (err != null) {
                  error = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
                } else {
                  page = next;
                  index = 0;
                }
                fetching = false;
                drain();
              });
            }
          }
        }
        missed = wip.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }
  }
}
