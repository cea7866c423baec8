package dev.conduit.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.errors.InvalidResponseException;
import dev.conduit.errors.WebhookVerificationException;
import dev.conduit.http.Headers;
import dev.conduit.internal.services.WebhookServiceImpl;
import dev.conduit.models.webhooks.WebhookEvent;
import dev.conduit.models.webhooks.WebhookEventType;
import dev.conduit.services.WebhookService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service over the verifier: secret resolution, then decoding into a typed event. */
class WebhookServiceTest {
  // the values of webhook-test-vector.json (see WebhookVerifierTest, which loads the file itself)
  private static final String SECRET = "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=";
  private static final String ID = "wh_685c059ae39c8190af8c71ed1022a24d";
  private static final String TIMESTAMP = "1750861210";
  private static final String BODY = "{\"id\": \"evt_685c059ae3a481909bdc86819b066fb6\", \"object\": \"event\", "
      + "\"created_at\": 1750861210, \"type\": \"response.completed\", \"data\": {\"id\": \"resp_123\"}}";
  private static final String SIGNATURE = "v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=";
  private static final Headers HEADERS = Headers.of("webhook-id", ID, "webhook-timestamp", TIMESTAMP, "webhook-signature", SIGNATURE);

  private static WebhookVerifier atVectorTime() {
    return new WebhookVerifier(Clock.fixed(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)), ZoneOffset.UTC),
        WebhookVerifier.DEFAULT_TOLERANCE);
  }

  private static WebhookService service(String secret) {
    return new WebhookServiceImpl(new TreeCodec(), secret, atVectorTime());
  }

  @Test
  void unwrapVerifiesAndReturnsTheTypedEvent() {
    WebhookEvent event = service(SECRET).unwrap(BODY, HEADERS);

    assertThat(event.id()).isEqualTo("evt_685c059ae3a481909bdc86819b066fb6");
    assertThat(event.type()).isEqualTo(WebhookEventType.RESPONSE_COMPLETED);
    assertThat(event.type()).isSameAs(WebhookEventType.RESPONSE_COMPLETED);
    assertThat(event.createdAt()).isEqualTo(1750861210L);
    assertThat(event.object()).isEqualTo("event");
    assertThat(event.dataId()).isEqualTo("resp_123");
    assertThat(event.data()).isEqualTo(Map.of("id", "resp_123"));
    assertThat(event.toJson()).containsOnlyKeys("id", "object", "created_at", "type", "data");
  }

  @Test
  void verifySignatureAcceptsTheVectorAndRejectsTampering() {
    WebhookService s = service(SECRET);
    assertThatCode(() -> s.verifySignature(BODY, HEADERS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> s.verifySignature(BODY.replace("resp_123", "resp_999"), HEADERS))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> s.unwrap(BODY.replace("resp_123", "resp_999"), HEADERS))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aPerCallSecretOverridesTheClientsOrStandsInForIt() {
    WebhookService wrongClientSecret = service("whsec_" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> wrongClientSecret.unwrap(BODY, HEADERS)).isInstanceOf(WebhookVerificationException.class);
    assertThat(wrongClientSecret.unwrap(BODY, HEADERS, SECRET).dataId()).isEqualTo("resp_123");

    WebhookService none = new WebhookServiceImpl(new TreeCodec(), null, atVectorTime());
    assertThatCode(() -> none.verifySignature(BODY, HEADERS, SECRET)).doesNotThrowAnyException();
    assertThatThrownBy(() -> none.unwrap(BODY, HEADERS))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OPENAI_WEBHOOK_SECRET");
    assertThatThrownBy(() -> none.verifySignature(BODY, HEADERS)).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void aSignedBodyThatIsNotAJsonObjectIsAnInvalidResponse() {
    String secret = "plain-secret";
    for (String body : new String[] {"not json", "[1,2]", "{\"id\":"}) {
      String sig = "v1," + Base64.getEncoder().encodeToString(
          WebhookVerifier.sign(secret.getBytes(StandardCharsets.UTF_8), ID, TIMESTAMP, body.getBytes(StandardCharsets.UTF_8)));
      Headers h = Headers.of("webhook-id", ID, "webhook-timestamp", TIMESTAMP, "webhook-signature", sig);
      WebhookService s = service(secret);
      assertThatCode(() -> s.verifySignature(body, h)).doesNotThrowAnyException();
      assertThatThrownBy(() -> s.unwrap(body, h))
          .as(body)
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("webhook body is signed but");
    }
  }

  @Test
  void nonAsciiBodiesAreSignedAsUtf8() {
    String secret = "whsec_" + Base64.getEncoder().encodeToString("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
    String body = "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":1750861210,\"type\":\"batch.failed\","
        + "\"data\":{\"id\":\"batch_é✓\"},\"new_field\":true}";
    String sig = "v1," + Base64.getEncoder().encodeToString(
        WebhookVerifier.sign(WebhookVerifier.key(secret), ID, TIMESTAMP, body.getBytes(StandardCharsets.UTF_8)));
    WebhookEvent e = service(secret).unwrap(body, Headers.of("webhook-id", ID, "webhook-timestamp", TIMESTAMP, "webhook-signature", sig));
    assertThat(e.type()).isEqualTo(WebhookEventType.BATCH_FAILED);
    assertThat(e.dataId()).isEqualTo("batch_é✓");
    assertThat(e.jsonField("new_field")).isEqualTo(true);
  }
}
