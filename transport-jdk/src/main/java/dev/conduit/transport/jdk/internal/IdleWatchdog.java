package dev.conduit.transport.jdk.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * Fires once when a "waiting" condition has held without progress for longer than a timeout.
 *
 * <p>The owner reports its state with {@link #waiting(boolean)} and {@link #idle()} as it changes;
 * those calls only write a timestamp. A single task on the shared {@link Timers} thread checks the
 * timestamp and reschedules itself for the earliest moment the timeout could expire, so there is at
 * most one wake-up per timeout period and no scheduling per byte.
 */
public final class IdleWatchdog implements Runnable {
  private static final long NOT_WAITING = Long.MIN_VALUE;

  private final long timeoutNanos;
  private final Runnable onTimeout;
  private volatile long waitingSince = NOT_WAITING;
  private volatile boolean stopped;
  private volatile @Nullable ScheduledFuture<?> task;

  /** Creates a stopped watchdog; call {@link #start()} to arm it. */
  public IdleWatchdog(Duration timeout, Runnable onTimeout) {
    this.timeoutNanos = timeout.toNanos();
    this.onTimeout = onTimeout;
  }

  /** Returns a watchdog for {@code timeout}, or null when there is no timeout. */
  public static @Nullable IdleWatchdog of(@Nullable Duration timeout, Runnable onTimeout) {
    return timeout == null ? null : new IdleWatchdog(timeout, onTimeout);
  }

  /** Arms the watchdog. */
  public void start() {
    schedule(timeoutNanos);
  }

  /**
   * Records that the owner is waiting. With {@code progress} the gap restarts now (something just
   * moved); without it an ongoing gap keeps its start.
   */
  public void waiting(boolean progress) {
    if (progress || waitingSince == NOT_WAITING) {
      waitingSince = System.nanoTime();
    }
  }

  /** Records that the owner is not waiting (no demand, or data is buffered). */
  public void idle() {
    waitingSince = NOT_WAITING;
  }

  /** Disarms the watchdog for good; idempotent. */
  public void stop() {
    stopped = true;
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
  }

  /** Timer callback; not for the owner. */
  @Override
  public void run() {
    if (stopped) {
      return;
    }
    long since = waitingSince;
    long now = System.nanoTime();
    if (since != NOT_WAITING && now - since >= timeoutNanos) {
      stopped = true;
      onTimeout.run();
      return;
    }
    schedule(since == NOT_WAITING ? timeoutNanos : since + timeoutNanos - now);
  }

  private void schedule(long delayNanos) {
    if (stopped) {
      return;
    }
    ScheduledFuture<?> t = Timers.schedule(this, delayNanos);
    task = t;
    if (stopped) {
      t.cancel(false);
    }
  }
}
