package dev.conduit.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.Headers;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(8));

  @Test
  void retryableStatuses() {
    for (int s : new int[] {408, 409, 429, 500, 502, 503, 504, 599}) {
      assertThat(RetryPolicy.shouldRetry(s, Headers.empty())).as("status %d", s).isTrue();
    }
    for (int s : new int[] {400, 401, 403, 404, 422, 418}) {
      assertThat(RetryPolicy.shouldRetry(s, Headers.empty())).as("status %d", s).isFalse();
    }
  }

  @Test
  void xShouldRetryOverrides() {
    assertThat(RetryPolicy.shouldRetry(400, Headers.of("x-should-retry", "true"))).isTrue();
    assertThat(RetryPolicy.shouldRetry(503, Headers.of("x-should-retry", "false"))).isFalse();
    assertThat(RetryPolicy.shouldRetry(503, Headers.of("x-should-retry", "maybe"))).isTrue();
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    Headers h = Headers.of("retry-after-ms", "250.5", "retry-after", "30");
    assertThat(policy.delay(h, 0)).isEqualTo(Duration.ofNanos(250_500_000));
  }

  @Test
  void retryAfterSecondsAndFractions() {
    assertThat(policy.delay(Headers.of("retry-after", "2"), 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delay(Headers.of("retry-after", "0.5"), 0)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void retryAfterHttpDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
    Duration d = policy.delay(Headers.of("retry-after", date), 0);
    assertThat(d).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
  }

  @Test
  void serverDelaysOverSixtySecondsOrGarbageFallBackToBackoff() {
    for (String v : new String[] {"120", "soon", "-5"}) {
      Duration d = policy.delay(Headers.of("retry-after", v), 0);
      assertThat(d).as(v).isBetween(Duration.ZERO, Duration.ofMillis(500));
    }
  }

  @Test
  void backoffIsExponentialWithFullJitterAndCapped() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.delay(Headers.empty(), 0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
      assertThat(policy.delay(Headers.empty(), 2)).isBetween(Duration.ZERO, Duration.ofMillis(2000));
      assertThat(policy.delay(Headers.empty(), 10)).isBetween(Duration.ZERO, Duration.ofSeconds(8));
    }
    long max = 0;
    for (int i = 0; i < 200; i++) {
      max = Math.max(max, policy.delay(Headers.empty(), 10).toMillis());
    }
    assertThat(max).as("jitter spreads over the capped range").isGreaterThan(4000);
  }
}
