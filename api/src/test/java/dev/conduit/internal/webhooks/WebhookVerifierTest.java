package dev.conduit.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.WebhookVerificationException;
import dev.conduit.http.Headers;
import dev.conduit.testutil.TestJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks verification against openai-python's known-good vector, then every way a delivery can be bad. */
class WebhookVerifierTest {
  private static Map<String, Object> vector;
  private static String secret;
  private static String id;
  private static String timestamp;
  private static byte[] body;
  private static String signature;

  @BeforeAll
  static void loadVector() throws IOException {
    try (InputStream in = WebhookVerifierTest.class.getResourceAsStream("webhook-test-vector.json")) {
      assertThat(in).as("test resource webhook-test-vector.json").isNotNull();
      vector = TestJson.object(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat((String) vector.get("source")).startsWith("openai/openai-python tests/lib/test_webhooks.py");
    secret = (String) vector.get("secret");
    id = (String) vector.get("webhook_id");
    timestamp = (String) vector.get("webhook_timestamp");
    body = ((String) vector.get("payload")).getBytes(StandardCharsets.UTF_8);
    signature = (String) vector.get("expected_signature_header");
  }

  private static WebhookVerifier at(long epochSecond) {
    return new WebhookVerifier(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), WebhookVerifier.DEFAULT_TOLERANCE);
  }

  private static WebhookVerifier atVectorTime() {
    return at(Long.parseLong(timestamp));
  }

  private static Headers headers(String id, String timestamp, String signature) {
    return Headers.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
  }

  private static Headers vectorHeaders() {
    return headers(id, timestamp, signature);
  }

  private static String sign(String secret, String id, String timestamp, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(WebhookVerifier.sign(WebhookVerifier.key(secret), id, timestamp, body));
  }

  @Test
  void acceptsTheKnownGoodVector() {
    assertThat(vector.get("tolerance_seconds")).isEqualTo(300L);
    assertThat(sign(secret, id, timestamp, body)).isEqualTo(signature);
    assertThatCode(() -> atVectorTime().verify(body, vectorHeaders(), secret)).doesNotThrowAnyException();
  }

  @Test
  void headerNamesAreMatchedInAnyCase() {
    Headers upper = Headers.of("Webhook-Id", id, "WEBHOOK-TIMESTAMP", timestamp, "Webhook-Signature", signature);
    assertThatCode(() -> atVectorTime().verify(body, upper, secret)).doesNotThrowAnyException();
  }

  @Test
  void rejectsATamperedBody() {
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("resp_123", "resp_124").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> atVectorTime().verify(tampered, vectorHeaders(), secret))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("no signature in webhook-signature matches");
    byte[] extraSpace = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> atVectorTime().verify(extraSpace, vectorHeaders(), secret))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void rejectsATamperedIdOrTimestamp() {
    assertThatThrownBy(() -> atVectorTime().verify(body, headers("wh_other", timestamp, signature), secret))
        .isInstanceOf(WebhookVerificationException.class);
    String nextSecond = Long.toString(Long.parseLong(timestamp) + 1);
    assertThatThrownBy(() -> atVectorTime().verify(body, headers(id, nextSecond, signature), secret))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void rejectsAWrongSecretWithoutRevealingEitherSecret() {
    String wrong = "whsec_" + Base64.getEncoder().encodeToString("another-secret-of-32-bytes-long!".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> atVectorTime().verify(body, vectorHeaders(), wrong))
        .isInstanceOf(WebhookVerificationException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong, secret, secret.substring(6), wrong.substring(6)));
    // the same bytes without the whsec_ prefix are a different (UTF-8) key
    assertThatThrownBy(() -> atVectorTime().verify(body, vectorHeaders(), secret.substring(6)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aSecretWithoutPrefixIsUsedAsUtf8Bytes() {
    String plain = "my-plain-secret-é";
    String sig = sign(plain, id, timestamp, body);
    byte[] expected = WebhookVerifier.sign(plain.getBytes(StandardCharsets.UTF_8), id, timestamp, body);
    assertThat(sig).isEqualTo("v1," + Base64.getEncoder().encodeToString(expected));
    assertThatCode(() -> atVectorTime().verify(body, headers(id, timestamp, sig), plain)).doesNotThrowAnyException();
  }

  @Test
  void toleranceIsFiveMinutesEachWayInclusive() {
    long t = Long.parseLong(timestamp);
    assertThatCode(() -> at(t + 300).verify(body, vectorHeaders(), secret)).doesNotThrowAnyException();
    assertThatCode(() -> at(t - 300).verify(body, vectorHeaders(), secret)).doesNotThrowAnyException();
    assertThatThrownBy(() -> at(t + 301).verify(body, vectorHeaders(), secret))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
    assertThatThrownBy(() -> at(t - 301).verify(body, vectorHeaders(), secret))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too far in the future");
  }

  @Test
  void aStaleDeliveryIsRejectedEvenWithAValidSignature() {
    long t = Long.parseLong(timestamp);
    assertThatThrownBy(() -> at(t + Duration.ofDays(1).toSeconds()).verify(body, vectorHeaders(), secret))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
    assertThatThrownBy(() -> WebhookVerifier.system().verify(body, vectorHeaders(), secret))
        .as("the vector was signed in 2025; the system clock is later")
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
  }

  @Test
  void aCustomToleranceIsHonoured() {
    long t = Long.parseLong(timestamp);
    WebhookVerifier strict = new WebhookVerifier(Clock.fixed(Instant.ofEpochSecond(t + 11), ZoneOffset.UTC), Duration.ofSeconds(10));
    assertThatThrownBy(() -> strict.verify(body, vectorHeaders(), secret)).isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> new WebhookVerifier(Clock.systemUTC(), Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMissingOrBlankHeaders() {
    WebhookVerifier v = atVectorTime();
    assertThatThrownBy(() -> v.verify(body, Headers.of("webhook-timestamp", timestamp, "webhook-signature", signature), secret))
        .isInstanceOf(WebhookVerificationException.class).hasMessage("missing header webhook-id");
    assertThatThrownBy(() -> v.verify(body, Headers.of("webhook-id", id, "webhook-signature", signature), secret))
        .isInstanceOf(WebhookVerificationException.class).hasMessage("missing header webhook-timestamp");
    assertThatThrownBy(() -> v.verify(body, Headers.of("webhook-id", id, "webhook-timestamp", timestamp), secret))
        .isInstanceOf(WebhookVerificationException.class).hasMessage("missing header webhook-signature");
    assertThatThrownBy(() -> v.verify(body, headers(" ", timestamp, signature), secret))
        .isInstanceOf(WebhookVerificationException.class).hasMessage("missing header webhook-id");
    assertThatThrownBy(() -> v.verify(body, headers(id, timestamp, "  "), secret))
        .isInstanceOf(WebhookVerificationException.class).hasMessage("missing header webhook-signature");
    assertThatThrownBy(() -> v.verify(body, Headers.empty(), secret)).isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void rejectsMalformedTimestamps() {
    for (String bad : new String[] {"abc", "1750861210.5", "-1750861210", "+1750861210", "1e9", "99999999999999999999999"}) {
      assertThatThrownBy(() -> atVectorTime().verify(body, headers(id, bad, signature), secret))
          .as(bad)
          .isInstanceOf(WebhookVerificationException.class)
          .hasMessageContaining("webhook-timestamp is not a Unix time in seconds");
    }
  }

  @Test
  void rejectsMalformedSignatures() {
    String b64 = signature.substring(3);
    WebhookVerifier v = atVectorTime();
    assertThatThrownBy(() -> v.verify(body, headers(id, timestamp, b64), secret))
        .as("no version prefix").isInstanceOf(WebhookVerificationException.class).hasMessageContaining("holds no v1 signature");
    assertThatThrownBy(() -> v.verify(body, headers(id, timestamp, "v2," + b64), secret))
        .as("other version").isInstanceOf(WebhookVerificationException.class).hasMessageContaining("holds no v1 signature");
    assertThatThrownBy(() -> v.verify(body, headers(id, timestamp, "v1,not*base64!"), secret))
        .as("bad base64").isInstanceOf(WebhookVerificationException.class).hasMessageContaining("matches");
    assertThatThrownBy(() -> v.verify(body, headers(id, timestamp, "v1," + b64.substring(0, 20)), secret))
        .as("truncated").isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> v.verify(body, headers(id, timestamp, "v1,"), secret))
        .as("empty").isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> v.verify(body, headers(id, timestamp, "v1, " + b64), secret))
        .as("split by a space").isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void anyMatchingEntryAmongSeveralPasses() {
    String wrong = "v1," + Base64.getEncoder().encodeToString(new byte[32]);
    WebhookVerifier v = atVectorTime();
    assertThatCode(() -> v.verify(body, headers(id, timestamp, wrong + " v1a,ignored " + signature), secret)).doesNotThrowAnyException();
    assertThatCode(() -> v.verify(body, headers(id, timestamp, "  " + signature + "\t" + wrong + " "), secret)).doesNotThrowAnyException();
    Headers repeated = Headers.builder().add("webhook-id", id).add("webhook-timestamp", timestamp)
        .add("webhook-signature", wrong).add("webhook-signature", signature).build();
    assertThatCode(() -> v.verify(body, repeated, secret)).doesNotThrowAnyException();
    assertThatThrownBy(() -> v.verify(body, headers(id, timestamp, wrong + " " + wrong), secret))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void unusableSecretsAreMisuseAndNeverQuoted() {
    assertThatThrownBy(() -> WebhookVerifier.key("whsec_***not-base64***"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the webhook secret starts with whsec_ but the rest is not base64");
    assertThatThrownBy(() -> WebhookVerifier.key("whsec_")).isInstanceOf(IllegalArgumentException.class).hasMessage("the webhook secret is empty");
    assertThatThrownBy(() -> WebhookVerifier.key("")).isInstanceOf(IllegalArgumentException.class).hasMessage("the webhook secret is empty");
    assertThatThrownBy(() -> atVectorTime().verify(body, vectorHeaders(), "whsec_%%%"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
