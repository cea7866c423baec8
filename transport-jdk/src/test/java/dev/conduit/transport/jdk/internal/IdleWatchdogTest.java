package dev.conduit.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdleWatchdogTest {
  @Test
  void firesOnceWhenWaitingLongerThanTheTimeout() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    IdleWatchdog w = new IdleWatchdog(Duration.ofMillis(100), fired::countDown);
    w.start();
    long start = System.nanoTime();
    w.waiting(true);
    assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(95));
  }

  @Test
  void neverFiresWhileIdleOrStopped() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    IdleWatchdog idle = new IdleWatchdog(Duration.ofMillis(50), fired::countDown);
    idle.start();
    IdleWatchdog stopped = new IdleWatchdog(Duration.ofMillis(50), fired::countDown);
    stopped.start();
    stopped.waiting(true);
    stopped.stop();
    assertThat(fired.await(300, TimeUnit.MILLISECONDS)).isFalse();
    idle.stop();
  }

  @Test
  void progressRestartsTheGap() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    IdleWatchdog w = new IdleWatchdog(Duration.ofMillis(150), fired::countDown);
    w.start();
    long start = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      w.waiting(true); // a byte arrived, and we are waiting again
      Thread.sleep(50);
    }
    assertThat(fired.getCount()).isEqualTo(1);
    assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
  }
}
