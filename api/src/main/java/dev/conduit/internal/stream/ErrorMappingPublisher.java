package dev.conduit.internal.stream;

import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** Passes a body publisher through, mapping its transport errors to Conduit's exceptions. */
public final class ErrorMappingPublisher implements Flow.Publisher<ByteBuffer> {
  private final Flow.Publisher<ByteBuffer> upstream;

  public ErrorMappingPublisher(Flow.Publisher<ByteBuffer> upstream) {
    this.upstream = upstream;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    upstream.subscribe(new Flow.Subscriber<ByteBuffer>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(subscription);
      }

      @Override
      public void onNext(ByteBuffer item) {
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
