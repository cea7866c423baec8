package dev.conduit.internal.sse;

import static dev.conduit.internal.sse.SseParserTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.errors.StreamException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
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
    TestUpstream upstream = new TestUpstream(true, null);
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
        assertThat(System.nanoTime()).as("round %d stalled at %d items", round, subscriber.items.size()).isLessThan(deadline);
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

  // Fixtures.

  /** Formats one {@code data:} event per value. */
  private static String events(String... data) {
    StringBuilder sb = new StringBuilder();
    for (String d : data) {
      sb.append("data: ").append(d).append("\n\n");
    }
    return sb.toString();
  }

  /** Maps data to itself: {@code [DONE]} ends, {@code skip...} is skipped, {@code boom} fails. */
  private static final class TestMapper implements EventMapper<String> {
    final List<Boolean> endOfInputCalls = new CopyOnWriteArrayList<>();

    @Override
    public boolean isEnd(ServerSentEvent event) {
      return event.data().equals("[DONE]");
    }

    @Override
    public @Nullable String map(ServerSentEvent event) {
      if (event.data().startsWith("skip")) {
        return null;
      }
      if (event.data().equals("boom")) {
        throw new StreamException("bad event: boom", null, null);
      }
      return event.data();
    }

    @Override
    public void onEndOfInput(boolean midEvent) {
      endOfInputCalls.add(midEvent);
      if (midEvent) {
        throw new StreamException("stream truncated", null, null);
      }
    }
  }

  /**
   * A body publisher on the caller's thread that honours demand and records requests and
   * cancellation. With {@code of(...)} it serves its buffers as demand allows and then completes;
   * with {@code manual()} the test emits, and an emit without demand is an error.
   */
  private static final class TestUpstream implements Flow.Publisher<ByteBuffer> {
    final Deque<ByteBuffer> pending = new ArrayDeque<>();
    final List<Long> requests = new ArrayList<>();
    final AtomicInteger cancels = new AtomicInteger();
    private final boolean auto;
    private final @Nullable Throwable failure;
    long demand;
    long maxDemand;
    int subscribeCount;
    boolean deferOnSubscribe;
    private Flow.@Nullable Subscriber<? super ByteBuffer> subscriber;
    private boolean pumping;
    private boolean terminated;

    TestUpstream(boolean auto, @Nullable Throwable failure) {
      this.auto = auto;
      this.failure = failure;
    }

    static TestUpstream of(String... chunks) {
      TestUpstream upstream = new TestUpstream(true, null);
      for (String c : chunks) {
        upstream.pending.add(ByteBuffer.wrap(utf8(c)));
      }
      return upstream;
    }

    static TestUpstream manual() {
      return new TestUpstream(false, null);
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
            if (failure != null) {
              subscriber().onError(failure);
            } else {
              subscriber().onComplete();
            }
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

  /** A body publisher whose own thread signals onSubscribe, each buffer as demand allows, then onComplete. */
  private static final class ThreadedUpstream implements Flow.Publisher<ByteBuffer> {
    final List<String> violations = new CopyOnWriteArrayList<>();
    final Semaphore permits = new Semaphore(0);
    final List<ByteBuffer> buffers;
    volatile boolean cancelled;
    Thread thread = new Thread(() -> {});

    ThreadedUpstream(List<ByteBuffer> buffers) {
      this.buffers = buffers;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
      thread = new Thread(() -> run(s), "test-upstream");
      thread.start();
    }

    private void run(Flow.Subscriber<? super ByteBuffer> s) {
      s.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {
              if (n != 1) {
                violations.add("request(" + n + ")");
              }
              permits.release((int) n);
              if (permits.availablePermits() > 1) {
                violations.add("more than one buffer outstanding");
              }
            }

            @Override
            public void cancel() {
              cancelled = true;
            }
          });
      try {
        for (ByteBuffer b : buffers) {
          while (!permits.tryAcquire(1, TimeUnit.MILLISECONDS)) {
            if (cancelled) {
              return;
            }
          }
          if (cancelled) {
            return;
          }
          s.onNext(b);
        }
        s.onComplete();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Records signals, and flags onNext beyond demand, overlapping signals and signals after the end. */
  private static final class TestSubscriber implements Flow.Subscriber<String> {
    final List<String> items = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = new CopyOnWriteArrayList<>();
    final AtomicInteger completions = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    volatile @Nullable Throwable error;
    private final long initialRequest;
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Flow.@Nullable Subscription subscription;
    private BiConsumer<TestSubscriber, String> onItem = (s, item) -> {};
    private java.util.function.Consumer<Flow.Subscription> onSubscribed = s -> {};

    TestSubscriber(long initialRequest) {
      this.initialRequest = initialRequest;
    }

    TestSubscriber onItem(BiConsumer<TestSubscriber, String> action) {
      this.onItem = action;
      return this;
    }

    TestSubscriber onSubscribed(java.util.function.Consumer<Flow.Subscription> action) {
      this.onSubscribed = action;
      return this;
    }

    Flow.Subscription subscription() {
      Flow.Subscription s = subscription;
      assertThat(s).as("subscription").isNotNull();
      return s;
    }

    void request(long n) {
      outstanding.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      subscription().request(n);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      enter("onSubscribe");
      try {
        if (subscription != null) {
          violations.add("onSubscribe twice");
        }
        subscription = s;
        onSubscribed.accept(s);
        if (initialRequest > 0) {
          request(initialRequest);
        }
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public void onNext(String item) {
      enter("onNext");
      try {
        if (outstanding.getAndUpdate(v -> v == Long.MAX_VALUE ? v : v - 1) <= 0) {
          violations.add("onNext beyond demand: " + item);
        }
        items.add(item);
        onItem.accept(this, item);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public void onError(Throwable t) {
      enter("onError");
      error = t;
      errors.incrementAndGet();
      inFlight.decrementAndGet();
    }

    @Override
    public void onComplete() {
      enter("onComplete");
      completions.incrementAndGet();
      inFlight.decrementAndGet();
    }

    private void enter(String signal) {
      if (inFlight.incrementAndGet() != 1) {
        violations.add(signal + " overlaps another signal");
      }
      if (completions.get() + errors.get() > 0) {
        violations.add(signal + " after the end");
      }
      if (subscription == null && !signal.equals("onSubscribe")) {
        violations.add(signal + " before onSubscribe");
      }
    }

    void assertNoViolations() {
      assertThat(violations).isEmpty();
      assertThat(completions.get() + errors.get()).isLessThanOrEqualTo(1);
    }
  }
}
