package dev.conduit.testing.internal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** Sleeping in short slices so that a pause or stall ends as soon as its exchange is abandoned. */
final class Waits {
  private static final long SLICE_NANOS = 20_000_000L;

  private Waits() {}

  /**
   * Waits {@code duration} (forever when null), checking {@code abort} between slices.
   *
   * @return true if the whole duration passed, false if {@code abort} ended the wait
   * @throws InterruptedIOException if the thread is interrupted
   */
  static boolean sleep(@Nullable Duration duration, BooleanSupplier abort) throws InterruptedIOException {
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    while (true) {
      if (abort.getAsBoolean()) {
        return false;
      }
      long left = deadline == Long.MAX_VALUE ? SLICE_NANOS : deadline - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(left, SLICE_NANOS) / 1_000_000L), (int) (Math.min(left, SLICE_NANOS) % 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the fake OpenAI server was pausing");
      }
    }
  }
}
