package dev.conduit.transport.okhttp.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The one timer thread every OkHttp transport in the JVM shares to emulate the timeouts OkHttp
 * lacks (connect including TLS, response, pool). It is a daemon, started on first use. Tasks run on
 * it must be short and never block.
 */
public final class Timers {
  private Timers() {}

  private static final class Holder {
    static final ScheduledThreadPoolExecutor TIMER = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor timer =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "conduit-okhttp-timer");
                t.setDaemon(true);
                return t;
              });
      timer.setRemoveOnCancelPolicy(true);
      timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      return timer;
    }
  }

  /** Runs {@code task} on the timer thread after {@code delayNanos}. */
  public static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return Holder.TIMER.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  /** Formats a timeout for messages, e.g. {@code "250 ms"}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    return ms < 10_000 ? ms + " ms" : d.toSeconds() + " s";
  }

  /** Returns {@code d} in nanoseconds, saturating at {@link Long#MAX_VALUE} for absurdly long ones. */
  public static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** Returns {@code d} as OkHttp's int milliseconds: 0 (no timeout) for null, at least 1 otherwise. */
  public static int millis(@Nullable Duration d) {
    if (d == null) {
      return 0;
    }
    long ms = d.toMillis();
    return ms <= 0 ? 1 : (int) Math.min(ms, Integer.MAX_VALUE);
  }
}
