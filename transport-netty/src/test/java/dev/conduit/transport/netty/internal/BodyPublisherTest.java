package dev.conduit.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The body publisher's Reactive Streams behaviour, without a network. */
class BodyPublisherTest {
  /** Counts what the publisher asks of the exchange. */
  static final class FakeSource implements BodyPublisher.Source {
    final AtomicInteger demands = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();

    @Override
    public void demand() {
      demands.incrementAndGet();
    }

    @Override
    public void cancel() {
      cancels.incrementAndGet();
    }
  }

  /** Records signals; requests {@code perItem} more from inside each onNext. */
  static final class Recorder implements Flow.Subscriber<ByteBuffer> {
    final List<String> signals = new ArrayList<>();
    final long initial;
    final long perItem;
    Flow.Subscription subscription;

    Recorder(long initial, long perItem) {
      this.initial = initial;
      this.perItem = perItem;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
      subscription = s;
      signals.add("subscribe");
      if (initial > 0) {
        s.request(initial);
      }
    }

    @Override
    public synchronized void onNext(ByteBuffer item) {
      signals.add(StandardCharsets.UTF_8.decode(item).toString());
      if (perItem > 0) {
        subscription.request(perItem);
      }
    }

    @Override
    public synchronized void onError(Throwable t) {
      signals.add("error:" + t.getClass().getSimpleName());
    }

    @Override
    public synchronized void onComplete() {
      signals.add("complete");
    }

    synchronized List<String> signals() {
      return List.copyOf(signals);
    }
  }

  static ByteBuffer b(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void deliversOnlyWhatWasRequestedThenCompletes() {
    FakeSource source = new FakeSource();
    BodyPublisher p = new BodyPublisher(Runnable::run, source);
    p.offer(b("a"));
    p.offer(b("b"));
    p.offer(b("c"));
    p.complete();
    Recorder r = new Recorder(0, 0);
    p.subscribe(r);
    assertThat(r.signals()).containsExactly("subscribe");
    r.subscription.request(2);
    assertThat(r.signals()).containsExactly("subscribe", "a", "b");
    r.subscription.request(1);
    assertThat(r.signals()).containsExactly("subscribe", "a", "b", "c", "complete");
    assertThat(source.cancels).hasValue(0);
  }

  @Test
  void requestFromInsideOnNextDoesNotRecurse() {
    BodyPublisher p = new BodyPublisher(Runnable::run, new FakeSource());
    for (int i = 0; i < 10_000; i++) {
      p.offer(b("x"));
    }
    p.complete();
    Recorder r = new Recorder(1, 1); // would overflow the stack if request re-entered the drain
    p.subscribe(r);
    assertThat(r.signals()).hasSize(10_002).endsWith("complete");
  }

  @Test
  void unmetDemandAsksTheSourceForMore() {
    FakeSource source = new FakeSource();
    BodyPublisher p = new BodyPublisher(Runnable::run, source);
    Recorder r = new Recorder(2, 0);
    p.subscribe(r);
    assertThat(source.demands.get()).isPositive();
    assertThat(p.wantsMore()).isTrue();
    p.offer(b("a"));
    p.offer(b("b"));
    assertThat(p.wantsMore()).isFalse();
    assertThat(r.signals()).containsExactly("subscribe", "a", "b");
  }

  @Test
  void errorIsDeliveredWithoutDemandAndEndsTheBody() {
    BodyPublisher p = new BodyPublisher(Runnable::run, new FakeSource());
    Recorder r = new Recorder(0, 0);
    p.subscribe(r);
    p.offer(b("a"));
    p.fail(new java.io.IOException("reset"));
    p.complete();
    assertThat(r.signals()).containsExactly("subscribe", "error:IOException");
  }

  @Test
  void nonPositiveRequestIsAnErrorAndCancelsTheExchange() {
    FakeSource source = new FakeSource();
    BodyPublisher p = new BodyPublisher(Runnable::run, source);
    Recorder r = new Recorder(0, 0);
    p.subscribe(r);
    r.subscription.request(-1);
    assertThat(r.signals()).containsExactly("subscribe", "error:IllegalArgumentException");
    assertThat(source.cancels).hasValue(1);
  }

  @Test
  void cancelStopsDeliveryAndAbortsTheExchange() {
    FakeSource source = new FakeSource();
    BodyPublisher p = new BodyPublisher(Runnable::run, source);
    Recorder r = new Recorder(0, 0);
    p.subscribe(r);
    r.subscription.request(5);
    p.offer(b("a"));
    r.subscription.cancel();
    r.subscription.cancel();
    p.offer(b("b"));
    p.complete();
    assertThat(r.signals()).containsExactly("subscribe", "a");
    assertThat(source.cancels).hasValue(1);
  }

  @Test
  void secondSubscriberGetsAnError() {
    BodyPublisher p = new BodyPublisher(Runnable::run, new FakeSource());
    p.subscribe(new Recorder(0, 0));
    Recorder second = new Recorder(0, 0);
    p.subscribe(second);
    assertThat(second.signals()).containsExactly("subscribe", "error:IllegalStateException");
  }

  @Test
  void signalsFromManyThreadsStaySerialAndOrdered() throws Exception {
    ExecutorService delivery = Executors.newFixedThreadPool(4);
    try {
      BodyPublisher p = new BodyPublisher(delivery, new FakeSource());
      AtomicInteger concurrent = new AtomicInteger();
      AtomicInteger maxConcurrent = new AtomicInteger();
      List<String> seen = new ArrayList<>();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      p.subscribe(
          new Flow.Subscriber<ByteBuffer>() {
            Flow.Subscription s;

            @Override
            public void onSubscribe(Flow.Subscription s) {
              this.s = s;
              s.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
              maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
              seen.add(StandardCharsets.UTF_8.decode(item).toString());
              concurrent.decrementAndGet();
              s.request(1);
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onComplete() {
              done.countDown();
            }
          });
      for (int i = 0; i < 2000; i++) {
        p.offer(b(Integer.toString(i)));
      }
      p.complete();
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(maxConcurrent.get()).isEqualTo(1);
      assertThat(seen).hasSize(2000);
      for (int i = 0; i < 2000; i++) {
        assertThat(seen.get(i)).isEqualTo(Integer.toString(i));
      }
    } finally {
      delivery.shutdownNow();
    }
  }
}
