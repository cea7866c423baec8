package dev.conduit.internal.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous event publisher that accumulates every event passing to its one subscriber and
 * completes a future with the result when the stream ends.
 *
 * @param <E> the event type
 * @param <R> the accumulated result
 */
public abstract class AsyncAccumulatingStream<E, R> implements Flow.Publisher<E> {
  private final Flow.Publisher<E> events;
  private final Consumer<E> accumulate;
  private final Supplier<R> result;
  private final CompletableFuture<R> done = new CompletableFuture<>();
  private final AtomicBoolean subscribed = new AtomicBoolean();

  protected AsyncAccumulatingStream(Flow.Publisher<E> events, Consumer<E> accumulate, Supplier<R> result) {
    this.events = events;
    this.accumulate = accumulate;
    this.result = result;
  }

  @Override
  public final void subscribe(Flow.Subscriber<? super E> subscriber) {
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
    events.subscribe(new Flow.Subscriber<E>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(new Flow.Subscription() {
          @Override
          public void request(long n) {
            subscription.request(n);
          }

          @Override
          public void cancel() {
            subscription.cancel();
            done.cancel(false);
          }
        });
      }

      @Override
      public void onNext(E item) {
        accumulate.accept(item);
        subscriber.onNext(item);
      }

      @Override
      public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
        subscriber.onError(throwable);
      }

      @Override
      public void onComplete() {
        try {
          done.complete(result.get());
        } catch (RuntimeException e) {
          done.completeExceptionally(e);
        }
        subscriber.onComplete();
      }
    });
  }

  /** Returns a publisher of {@code view} applied to each event, skipping events it maps to null. */
  protected final Flow.Publisher<String> view(Function<E, @Nullable String> view) {
    return new FilterMapPublisher<>(this, view);
  }

  /** Returns the accumulated result, subscribing and reading every event if nobody has subscribed yet. */
  protected final CompletableFuture<R> result() {
    if (!subscribed.get()) {
      subscribe(new Flow.Subscriber<E>() {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
          subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(E item) {}

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
      });
    }
    return done;
  }
}
