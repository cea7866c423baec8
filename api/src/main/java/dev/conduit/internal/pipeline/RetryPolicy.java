package dev.conduit.internal.pipeline;

import dev.conduit.http.Headers;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When to retry and how long to wait, per DESIGN §4: connection errors and 408, 409, 429, 5xx are
 * retried; {@code x-should-retry} overrides; the wait is {@code retry-after-ms}, else
 * {@code retry-after} (seconds or an HTTP date), when it is between 0 and 60 s, else exponential
 * backoff with full jitter.
 */
final class RetryPolicy {
  static final Duration MAX_SERVER_DELAY = Duration.ofSeconds(60);

  private final Duration initialDelay;
  private final Duration maxDelay;

  RetryPolicy(Duration initialDelay, Duration maxDelay) {
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  /** Returns whether a response with this status and these headers should be retried. */
  static boolean shouldRetry(int status, Headers headers) {
    String override = headers.first("x-should-retry");
    if (override != null) {
      if (override.trim().equalsIgnoreCase("true")) {
        return true;
      }
      if (override.trim().equalsIgnoreCase("false")) {
        return false;
      }
    }
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * Returns how long to wait before retry number {@code retriesSoFar + 1}.
   *
   * @param headers the failed response's headers, or empty after a connection failure
   */
  Duration delay(Headers headers, int retriesSoFar) {
    Duration fromServer = serverDelay(headers);
    if (fromServer != null && !fromServer.isNegative() && fromServer.compareTo(MAX_SERVER_DELAY) <= 0) {
      return fromServer;
    }
    double base = initialDelay.toNanos() * Math.pow(2, Math.min(retriesSoFar, 30));
    double capped = Math.min(base, maxDelay.toNanos());
    return Duration.ofNanos((long) (capped * ThreadLocalRandom.current().nextDouble()));
  }

  static @Nullable Duration serverDelay(Headers headers) {
    String ms = headers.first("retry-after-ms");
    if (ms != null) {
      try {
        double v = Double.parseDouble(ms.trim());
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
          return Duration.ofNanos((long) (v * 1_000_000));
        }
      } catch (NumberFormatException ignored) {
        // fall through to retry-after
      }
    }
    String after = headers.first("retry-after");
    if (after == null) {
      return null;
    }
    String v = after.trim();
    try {
      double seconds = Double.parseDouble(v);
      if (!Double.isNaN(seconds) && !Double.isInfinite(seconds)) {
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
      }
      return null;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
        return Duration.between(ZonedDateTime.now(at.getZone()), at);
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
