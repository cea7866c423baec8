package dev.conduit.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Records signals, and flags onNext beyond demand, overlapping signals and signals after the end. */
final class TestSubscriber implements Flow.Subscriber<String> {
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
  private Consumer<Flow.Subscription> onSubscribed = s -> {};

  TestSubscriber(long initialRequest) {
    this.initialRequest = initialRequest;
  }

  TestSubscriber onItem(BiConsumer<TestSubscriber, String> action) {
    this.onItem = action;
    return this;
  }

  TestSubscriber onSubscribed(Consumer<Flow.Subscription> action) {
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
