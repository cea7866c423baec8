package dev.conduit.internal.stream;

import java.util.concurrent.Flow;

/**
 * Passes a publisher through, mapping its errors (transport I/O failures, timeouts, SSE format
 * errors) to Conduit's exceptions with {@link StreamErrors#map}.
 */
public final class ErrorMappingPublisher<T> implements Flow.Publisher<T> {
  private final Flow.Publisher<T> upstream;

  public ErrorMappingPublisher(Flow.Publisher<T> upstream) {
    this.upstream = upstream;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    upstream.subscribe(new Flow.Subscriber<T>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(subscription);
      }

      @Override
      public void onNext(T item) {
        subscriber.onNext(item);
      }

      @Override
      public void onError(Throwable throwable) {
        subscriber.onError(StreamErrors.map(throwable));
      }

      @Override
      public void onComplete() {
        subscriber.onComplete();
      }
    });
  }
}
