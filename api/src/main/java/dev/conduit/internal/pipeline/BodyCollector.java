package dev.conduit.internal.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** Collects an asynchronous body into a byte array, optionally stopping (and cancelling) at a limit. */
public final class BodyCollector implements Flow.Subscriber<ByteBuffer> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final long limit;
  private Flow.Subscription subscription;

  private BodyCollector(long limit) {
    this.limit = limit;
  }

  /** Collects the whole body, or its first {@code limit} bytes (then cancels the rest). */
  public static CompletableFuture<byte[]> collect(Flow.Publisher<ByteBuffer> body, long limit) {
    BodyCollector c = new BodyCollector(limit);
    body.subscribe(c);
    c.result.whenComplete((b, e) -> {
      if (c.result.isCancelled() && c.subscription != null) {
        c.subscription.cancel();
      }
    });
    return c.result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(ByteBuffer item) {
    if (result.isDone()) {
      return;
    }
    int n = item.remaining();
    if (item.hasArray()) {
      bytes.write(item.array(), item.arrayOffset() + item.position(), n);
    } else {
      byte[] copy = new byte[n];
      item.get(copy);
      bytes.write(copy, 0, n);
    }
    if (bytes.size() >= limit) {
      subscription.cancel();
      result.complete(bytes.toByteArray());
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
