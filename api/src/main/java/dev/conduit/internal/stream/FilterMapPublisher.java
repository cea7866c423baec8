package dev.conduit.internal.stream;

import java.util.concurrent.Flow;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Maps the items of a publisher, dropping those mapped to null; each dropped item is replaced by a
 * request for one more upstream, so the subscriber's demand is met exactly.
 */
public final class FilterMapPublisher<T, R> implements Flow.Publisher<R> {
  private final Flow.Publisher<T> upstream;
  private final Function<T, @Nullable R> mapper;

  public FilterMapPublisher(Flow.Publisher<T> upstream, Function<T, @Nullable R> mapper) {
    this.upstream = upstream;
    this.mapper = mapper;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super R> subscriber) {
    upstream.subscribe(new Flow.Subscriber<T>() {
      private Flow.Subscription subscription;
      private boolean done;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        subscriber.onSubscribe(s);
      }

      @Override
      public void onNext(T item) {
        if (done) {
          return;
        }
        R mapped;
        try {
          mapped = mapper.apply(item);
        } catch (RuntimeException e) {
          done = true;
          subscription.cancel();
          subscriber.onError(e);
          return;
        }
        if (mapped == null) {
          subscription.request(1);
        } else {
          subscriber.onNext(mapped);
        }
      }

      @Override
      public void onError(Throwable t) {
        if (!done) {
          done = true;
          subscriber.onError(t);
        }
      }

      @Override
      public void onComplete() {
        if (!done) {
          done = true;
          subscriber.onComplete();
        }
      }
    });
  }
}
