package dev.conduit.internal.sse;

import static dev.conduit.internal.sse.SseFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A body publisher on the caller's thread that honours demand and records requests and
 * cancellation. With {@code of(...)} it serves its buffers as demand allows and then completes;
 * with {@code manual()} the test emits, and an emit without demand is an error.
 */
final class TestUpstream implements Flow.Publisher<ByteBuffer> {
  final Deque<ByteBuffer> pending = new ArrayDeque<>();
  final List<Long> requests = new ArrayList<>();
  final AtomicInteger cancels = new AtomicInteger();
  private final boolean auto;
  long demand;
  long maxDemand;
  int subscribeCount;
  boolean deferOnSubscribe;
  private Flow.@Nullable Subscriber<? super ByteBuffer> subscriber;
  private boolean pumping;
  private boolean terminated;

  private TestUpstream(boolean auto) {
    this.auto = auto;
  }

  static TestUpstream of(String... chunks) {
    TestUpstream upstream = new TestUpstream(true);
    for (String c : chunks) {
      upstream.pending.add(ByteBuffer.wrap(utf8(c)));
    }
    return upstream;
  }

  static TestUpstream manual() {
    return new TestUpstream(false);
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
    subscribeCount++;
    subscriber = s;
    if (!deferOnSubscribe) {
      deliverOnSubscribe();
    }
  }

  void deliverOnSubscribe() {
    subscriber()
        .onSubscribe(
            new Flow.Subscription() {
              @Override
              public void request(long n) {
                requests.add(n);
                demand += n;
                maxDemand = Math.max(maxDemand, demand);
                pump();
              }

              @Override
              public void cancel() {
                cancels.incrementAndGet();
              }
            });
    pump();
  }

  private Flow.Subscriber<? super ByteBuffer> subscriber() {
    Flow.Subscriber<? super ByteBuffer> s = subscriber;
    assertThat(s).isNotNull();
    return s;
  }

  private void pump() {
    if (!auto || pumping) {
      return;
    }
    pumping = true;
    try {
      while (cancels.get() == 0 && !terminated) {
        if (!pending.isEmpty() && demand > 0) {
          demand--;
          subscriber().onNext(pending.poll());
        } else if (pending.isEmpty()) {
          terminated = true;
          subscriber().onComplete();
        } else {
          break;
        }
      }
    } finally {
      pumping = false;
    }
  }

  void emit(String chunk) {
    assertThat(demand).as("upstream demand").isPositive();
    demand--;
    subscriber().onNext(ByteBuffer.wrap(utf8(chunk)));
  }

  void complete() {
    subscriber().onComplete();
  }

  void error(Throwable t) {
    subscriber().onError(t);
  }
}
