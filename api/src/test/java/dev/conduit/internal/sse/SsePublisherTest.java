package dev.conduit.internal.sse;

import static dev.conduit.internal.sse.SseFixtures.events;
import static dev.conduit.internal.sse.SseFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.errors.StreamException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SsePublisherTest {

  @Test
  void requestOneAtATimeFromInsideOnNext() {
    TestUpstream upstream = TestUpstream.of(events("a"), events("b"), events("c"), events("[DONE]"));
    TestSubscriber subscriber = new TestSubscriber(1).onItem((s, item) -> s.request(1));
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("a", "b", "c");
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(upstream.requests).containsOnly(1L);
    assertThat(upstream.maxDemand).isEqualTo(1);
    assertThat(upstream.cancels.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void nothingIsRequestedUpstreamWithoutDemand() {
    TestUpstream upstream = TestUpstream.of(events("a", "[DONE]"));
    TestSubscriber subscriber = new TestSubscriber(0);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(upstream.requests).isEmpty();
    assertThat(subscriber.items).isEmpty();
    subscriber.request(1);
    assertThat(subscriber.items).containsExactly("a");
    assertThat(subscriber.completions.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void manyEventsInOneBufferAreEmittedOnlyAsDemandAllows() {
    String[] data = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    TestUpstream upstream = TestUpstream.of(events(data), events("[DONE]"));
    TestSubscriber subscriber = new TestSubscriber(3);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("1", "2", "3");
    assertThat(upstream.requests).containsExactly(1L); // the rest wait in the queue; no more buffers
    subscriber.request(3);
    assertThat(subscriber.items).containsExactly("1", "2", "3", "4", "5", "6");
    subscriber.request(3);
    assertThat(subscriber.items).hasSize(9);
    assertThat(upstream.requests).containsExactly(1L);
    assertThat(subscriber.completions.get()).isZero();
    subscriber.request(3);
    assertThat(subscriber.items).containsExactly(data);
    assertThat(upstream.requests).containsExactly(1L, 1L);
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(upstream.cancels.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void unboundedDemand() {
    List<String> chunks = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      chunks.add(events("x" + i, "y" + i));
      expected.add("x" + i);
      expected.add("y" + i);
    }
    TestUpstream upstream = TestUpstream.of(chunks.toArray(new String[0]));
    TestSubscriber subscriber = new TestSubscriber(Long.MAX_VALUE).onItem((s, item) -> s.request(Long.MAX_VALUE));
    TestMapper mapper = new TestMapper();
    new SsePublisher<>(upstream, mapper).subscribe(subscriber);

    assertThat(subscriber.items).isEqualTo(expected);
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(mapper.endOfInputCalls).containsExactly(false);
    assertThat(upstream.cancels.get()).isZero(); // it completed by itself
    assertThat(upstream.maxDemand).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void oneEventSpreadOverManyBuffers() {
    String big = "{\"delta\":\"" + "é€😀".repeat(40) + "\"}";
    byte[] bytes = utf8(events(big, "[DONE]"));
    TestUpstream upstream = TestUpstream.of();
    for (byte b : bytes) {
      upstream.pending.add(ByteBuffer.wrap(new byte[] {b}));
    }
    TestSubscriber subscriber = new TestSubscriber(1);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly(big);
    // Without demand no more bytes are read, so the end event is not seen yet.
    assertThat(subscriber.completions.get()).isZero();
    int endEventStart = utf8(events(big)).length;
    assertThat(upstream.requests).hasSize(endEventStart).containsOnly(1L);
    subscriber.request(1);
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(upstream.requests).hasSize(bytes.length).containsOnly(1L);
    assertThat(upstream.cancels.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void requestOneInsideOnNextDoesNotGrowTheStack() {
    String[] data = new String[20_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = Integer.toString(i);
    }
    TestUpstream upstream = TestUpstream.of(events(data));
    AtomicInteger minDepth = new AtomicInteger(Integer.MAX_VALUE);
    AtomicInteger maxDepth = new AtomicInteger();
    TestSubscriber subscriber =
        new TestSubscriber(1)
            .onItem(
                (s, item) -> {
                  int depth = Thread.currentThread().getStackTrace().length;
                  minDepth.accumulateAndGet(depth, Math::min);
                  maxDepth.accumulateAndGet(depth, Math::max);
                  s.request(1);
                });
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(subscriber.items).hasSize(data.length);
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(maxDepth.get() - minDepth.get()).isLessThan(30);
    subscriber.assertNoViolations();
  }

  @Test
  void endEventCancelsUpstreamAndCompletesWithoutFurtherDemand() {
    TestUpstream upstream = TestUpstream.of(events("a", "[DONE]", "never"), events("never either"));
    TestMapper mapper = new TestMapper();
    TestSubscriber subscriber = new TestSubscriber(1);
    new SsePublisher<>(upstream, mapper).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("a");
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(upstream.cancels.get()).isEqualTo(1);
    assertThat(upstream.requests).containsExactly(1L);
    assertThat(mapper.endOfInputCalls).isEmpty();
    subscriber.request(5);
    assertThat(subscriber.items).containsExactly("a");
    subscriber.assertNoViolations();
  }

  @Test
  void truncatedStreamFailsThroughTheMapper() {
    TestUpstream upstream = TestUpstream.of(events("a"), "data: b\n");
    TestMapper mapper = new TestMapper();
    TestSubscriber subscriber = new TestSubscriber(10);
    new SsePublisher<>(upstream, mapper).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("a");
    assertThat(mapper.endOfInputCalls).containsExactly(true);
    assertThat(subscriber.error).isInstanceOf(StreamException.class).hasMessage("stream truncated");
    assertThat(subscriber.completions.get()).isZero();
    assertThat(upstream.cancels.get()).isZero();
    subscriber.assertNoViolations();
  }

  @Test
  void endOfInputWaitsUntilPendingItemsAreDelivered() {
    TestUpstream upstream = TestUpstream.of(events("a", "b", "c"));
    TestMapper mapper = new TestMapper();
    TestSubscriber subscriber = new TestSubscriber(1);
    new SsePublisher<>(upstream, mapper).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("a");
    assertThat(mapper.endOfInputCalls).isEmpty();
    subscriber.request(1);
    assertThat(subscriber.completions.get()).isZero();
    subscriber.request(1);
    assertThat(subscriber.items).containsExactly("a", "b", "c");
    assertThat(mapper.endOfInputCalls).containsExactly(false);
    assertThat(subscriber.completions.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void skippedEventsConsumeNoDemand() {
    TestUpstream upstream = TestUpstream.of(events("skip 1", "a", "skip 2", "skip 3"), events("b", "skip 4", "[DONE]"));
    TestSubscriber subscriber = new TestSubscriber(1);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("a");
    subscriber.request(1);
    assertThat(subscriber.items).containsExactly("a", "b");
    assertThat(subscriber.completions.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void mapperExceptionCancelsUpstreamAndFails() {
    TestUpstream upstream = TestUpstream.of(events("a", "boom", "c"), events("d"));
    TestSubscriber subscriber = new TestSubscriber(Long.MAX_VALUE);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("a");
    assertThat(subscriber.error).isInstanceOf(StreamException.class).hasMessage("bad event: boom");
    assertThat(upstream.cancels.get()).isEqualTo(1);
    assertThat(upstream.requests).containsExactly(1L);
    subscriber.assertNoViolations();
  }

  @Test
  void mapperFailureIsNoticedWithoutDemand() {
    TestUpstream upstream = TestUpstream.of(events("a", "boom"));
    TestSubscriber subscriber = new TestSubscriber(1);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("a");
    assertThat(subscriber.error).isInstanceOf(StreamException.class);
    assertThat(upstream.cancels.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void downstreamCancelCancelsUpstreamAndStopsSignals() {
    TestUpstream upstream = TestUpstream.of(events("a", "b", "c"), events("d"));
    TestSubscriber subscriber = new TestSubscriber(1);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);
    assertThat(subscriber.items).containsExactly("a");

    subscriber.subscription().cancel();
    assertThat(upstream.cancels.get()).isEqualTo(1);
    int requestsBefore = upstream.requests.size();
    subscriber.request(5);
    subscriber.subscription().cancel();
    assertThat(subscriber.items).containsExactly("a");
    assertThat(subscriber.completions.get()).isZero();
    assertThat(subscriber.error).isNull();
    assertThat(upstream.requests).hasSize(requestsBefore);
    assertThat(upstream.cancels.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void cancelInsideOnNextStopsAtOnce() {
    TestUpstream upstream = TestUpstream.of(events("a", "b", "c"));
    TestSubscriber subscriber = new TestSubscriber(Long.MAX_VALUE).onItem((s, item) -> s.subscription().cancel());
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("a");
    assertThat(subscriber.completions.get() + subscriber.errors.get()).isZero();
    assertThat(upstream.cancels.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void cancelInsideOnSubscribeStillReleasesUpstream() {
    TestUpstream upstream = TestUpstream.of(events("a"));
    TestSubscriber subscriber = new TestSubscriber(0).onSubscribed(s -> s.cancel());
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);

    assertThat(upstream.subscribeCount).isEqualTo(1);
    assertThat(upstream.cancels.get()).isEqualTo(1);
    assertThat(upstream.requests).isEmpty();
    assertThat(subscriber.items).isEmpty();
    assertThat(subscriber.completions.get() + subscriber.errors.get()).isZero();
  }

  @Test
  void nonPositiveRequestFails() {
    for (long n : new long[] {0, -1, Long.MIN_VALUE}) {
      TestUpstream upstream = TestUpstream.of(events("a"), events("b"));
      TestSubscriber subscriber = new TestSubscriber(1);
      new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);
      assertThat(subscriber.items).containsExactly("a");

      subscriber.subscription().request(n);
      assertThat(subscriber.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
      assertThat(upstream.cancels.get()).isEqualTo(1);
      subscriber.request(1);
      assertThat(subscriber.items).containsExactly("a");
      assertThat(subscriber.errors.get()).isEqualTo(1);
    }
  }

  @Test
  void secondSubscriberIsRejected() {
    TestUpstream upstream = TestUpstream.of(events("a"), events("[DONE]"));
    SsePublisher<String> publisher = new SsePublisher<>(upstream, new TestMapper());
    TestSubscriber first = new TestSubscriber(0);
    TestSubscriber second = new TestSubscriber(0);
    publisher.subscribe(first);
    publisher.subscribe(second);

    assertThat(second.subscription()).isNotNull();
    assertThat(second.error).isInstanceOf(IllegalStateException.class);
    assertThat(upstream.subscribeCount).isEqualTo(1);
    first.request(5);
    assertThat(first.items).containsExactly("a");
    assertThat(first.completions.get()).isEqualTo(1);
  }

  @Test
  void upstreamErrorIsDeliveredPromptlyDroppingPendingItems() {
    TestUpstream upstream = TestUpstream.manual();
    TestSubscriber subscriber = new TestSubscriber(1);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);
    upstream.emit(events("a", "b", "c"));
    assertThat(subscriber.items).containsExactly("a");

    IOException reset = new IOException("connection reset");
    upstream.error(reset);
    assertThat(subscriber.error).isSameAs(reset);
    subscriber.request(5);
    assertThat(subscriber.items).containsExactly("a");
    assertThat(subscriber.errors.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void oversizedLineCancelsUpstreamAndFails() {
    TestUpstream upstream = TestUpstream.of(events("ok"), "data: " + "x".repeat(100), "\n\n");
    TestSubscriber subscriber = new TestSubscriber(Long.MAX_VALUE);
    new SsePublisher<>(upstream, new TestMapper(), 64).subscribe(subscriber);

    assertThat(subscriber.items).containsExactly("ok");
    assertThat(subscriber.error).isInstanceOf(SseFormatException.class).hasMessageContaining("64 bytes");
    assertThat(upstream.cancels.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  void upstreamSubscribingLateIsServedOnce() {
    TestUpstream upstream = TestUpstream.manual();
    upstream.deferOnSubscribe = true;
    TestSubscriber subscriber = new TestSubscriber(2);
    new SsePublisher<>(upstream, new TestMapper()).subscribe(subscriber);
    assertThat(upstream.requests).isEmpty();

    upstream.deliverOnSubscribe();
    assertThat(upstream.requests).containsExactly(1L);
    upstream.emit(events("a", "b", "c"));
    upstream.complete();
    assertThat(subscriber.items).containsExactly("a", "b");
    assertThat(subscriber.completions.get()).isZero();
    subscriber.request(1);
    assertThat(subscriber.items).containsExactly("a", "b", "c");
    assertThat(subscriber.completions.get()).isEqualTo(1);
    subscriber.assertNoViolations();
  }

  @Test
  @Timeout(60)
  void upstreamOnAnotherThreadWhileRequestingHere() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 10; round++) {
      int count = 3000;
      String[] data = new String[count];
      for (int i = 0; i < count; i++) {
        data[i] = "{\"seq\":" + i + ",\"delta\":\"" + "é".repeat(random.nextInt(5)) + "\"}";
      }
      boolean endWithDone = round % 2 == 0;
      byte[] bytes = utf8(events(data) + (endWithDone ? events("[DONE]") : ""));
      List<ByteBuffer> buffers = new ArrayList<>();
      for (int pos = 0; pos < bytes.length; ) {
        int n = Math.min(bytes.length - pos, 1 + random.nextInt(400));
        buffers.add(ByteBuffer.wrap(bytes, pos, n).slice());
        pos += n;
      }
      ThreadedUpstream upstream = new ThreadedUpstream(buffers);
      TestMapper mapper = new TestMapper();
      TestSubscriber subscriber = new TestSubscriber(0);
      new SsePublisher<>(upstream, mapper).subscribe(subscriber);

      long requested = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (subscriber.completions.get() + subscriber.errors.get() == 0) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "round " + round + " stalled at " + subscriber.items.size() + " items; upstream: " + upstream.violations);
        }
        if (requested - subscriber.items.size() < 8) {
          long n = 1 + random.nextInt(8);
          requested += n;
          subscriber.request(n);
        } else {
          Thread.onSpinWait();
        }
      }
      upstream.thread.join(10_000);

      assertThat(subscriber.error).isNull();
      assertThat(subscriber.items).containsExactly(data);
      assertThat(subscriber.completions.get()).isEqualTo(1);
      subscriber.assertNoViolations();
      assertThat(upstream.violations).isEmpty();
      assertThat(upstream.cancelled).isEqualTo(endWithDone);
      assertThat(mapper.endOfInputCalls).isEqualTo(endWithDone ? List.of() : List.of(false));
    }
  }
}
