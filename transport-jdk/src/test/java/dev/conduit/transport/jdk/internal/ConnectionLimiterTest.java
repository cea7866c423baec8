package dev.conduit.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
  @Test
  void permitsUpToMaxAreImmediate() {
    ConnectionLimiter limiter = new ConnectionLimiter(2, Runnable::run);
    assertThat(limiter.acquire(null)).isCompleted();
    assertThat(limiter.acquire(null)).isCompleted();
    assertThat(limiter.acquire(null)).isNotDone();
    assertThat(limiter.inUse()).isEqualTo(2);
  }

  @Test
  void releasedPermitGoesToTheLongestWaiter() throws Exception {
    ConnectionLimiter limiter = new ConnectionLimiter(1, Runnable::run);
    ConnectionLimiter.Permit first = limiter.acquire(null).get();
    CompletableFuture<ConnectionLimiter.Permit> second = limiter.acquire(null);
    CompletableFuture<ConnectionLimiter.Permit> third = limiter.acquire(null);
    first.release();
    first.release(); // idempotent: must not free a second permit
    assertThat(second).isCompleted();
    assertThat(third).isNotDone();
    second.get().release();
    assertThat(third).isCompleted();
    third.get().release();
    assertThat(limiter.inUse()).isZero();
  }

  @Test
  void waitingLongerThanThePoolTimeoutFailsWithPool() throws Exception {
    ConnectionLimiter limiter = new ConnectionLimiter(1, Runnable::run);
    limiter.acquire(null).get();
    long start = System.nanoTime();
    CompletableFuture<ConnectionLimiter.Permit> waiter = limiter.acquire(Duration.ofMillis(100));
    assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(TransportTimeoutException.class)
        .hasMessageContaining("pool")
        .hasMessageContaining("100 ms");
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));
    assertThat(((TransportTimeoutException) catchCause(waiter)).kind()).isEqualTo(Timeouts.Kind.POOL);
  }

  @Test
  void blockingAcquireRethrowsThePoolTimeoutOnTheCallersStack() throws Exception {
    ConnectionLimiter limiter = new ConnectionLimiter(1, Runnable::run);
    limiter.acquireBlocking(null);
    assertThatThrownBy(() -> limiter.acquireBlocking(Duration.ofMillis(50)))
        .isInstanceOf(TransportTimeoutException.class)
        .satisfies(e -> assertThat(((TransportTimeoutException) e).kind()).isEqualTo(Timeouts.Kind.POOL));
  }

  @Test
  void cancelledAndTimedOutWaitersAreSkipped() throws Exception {
    ConnectionLimiter limiter = new ConnectionLimiter(1, Runnable::run);
    ConnectionLimiter.Permit held = limiter.acquire(null).get();
    CompletableFuture<ConnectionLimiter.Permit> cancelled = limiter.acquire(null);
    CompletableFuture<ConnectionLimiter.Permit> timedOut = limiter.acquire(Duration.ofMillis(20));
    CompletableFuture<ConnectionLimiter.Permit> patient = limiter.acquire(null);
    cancelled.cancel(false);
    assertThatThrownBy(() -> timedOut.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    held.release();
    assertThat(patient.get(1, TimeUnit.SECONDS)).isNotNull();
    assertThat(limiter.inUse()).isEqualTo(1);
  }

  private static Throwable catchCause(CompletableFuture<?> f) {
    try {
      f.get();
      throw new AssertionError("not failed");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
