package dev.conduit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.errors.WebhookVerificationException;
import dev.conduit.http.Headers;
import dev.conduit.models.webhooks.WebhookEvent;
import dev.conduit.models.webhooks.WebhookEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code client.webhooks()} with the real Moshi codec and the system clock. The signatures are made
 * here with the JDK's HMAC, independently of Conduit, over the payload of openai-python's test vector.
 */
class WebhooksTest {
  private static final String SECRET = "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=";
  private static final String PAYLOAD = "{\"id\": \"evt_685c059ae3a481909bdc86819b066fb6\", \"object\": \"event\", "
      + "\"created_at\": 1750861210, \"type\": \"response.completed\", \"data\": {\"id\": \"resp_123\"}}";

  private static String sign(String id, long timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
    byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(sig);
  }

  private static Headers headers(String id, long timestamp, String signature) {
    return Headers.of(Map.of("Webhook-Id", java.util.List.of(id), "Webhook-Timestamp", java.util.List.of(Long.toString(timestamp)),
        "Webhook-Signature", java.util.List.of(signature)));
  }

  private static OpenAIClient client() {
    return OpenAIClient.builder().apiKey(Clients.KEY).webhookSecret(SECRET).build();
  }

  @Test
  void unwrapsAFreshDelivery() throws Exception {
    long now = Instant.now().getEpochSecond();
    Headers h = headers("wh_1", now, sign("wh_1", now, PAYLOAD));
    try (OpenAIClient client = client()) {
      WebhookEvent event = client.webhooks().unwrap(PAYLOAD, h);
      assertThat(event.type()).isEqualTo(WebhookEventType.RESPONSE_COMPLETED);
      assertThat(event.id()).isEqualTo("evt_685c059ae3a481909bdc86819b066fb6");
      assertThat(event.createdAt()).isEqualTo(1750861210L);
      assertThat(event.dataId()).isEqualTo("resp_123");
      assertThat(client.async().webhooks()).isSameAs(client.webhooks());
      assertThat(client.toString()).contains("webhookSecret=***").doesNotContain(SECRET, SECRET.substring(6));
    }
  }

  @Test
  void rejectsStaleFutureTamperedAndUnsignedDeliveries() throws Exception {
    long now = Instant.now().getEpochSecond();
    try (OpenAIClient client = client()) {
      long old = now - 600;
      assertThatThrownBy(() -> client.webhooks().unwrap(PAYLOAD, headers("wh_1", old, sign("wh_1", old, PAYLOAD))))
          .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
      long future = now + 600;
      assertThatThrownBy(() -> client.webhooks().unwrap(PAYLOAD, headers("wh_1", future, sign("wh_1", future, PAYLOAD))))
          .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("future");
      String sig = sign("wh_1", now, PAYLOAD);
      assertThatThrownBy(() -> client.webhooks().unwrap(PAYLOAD.replace("resp_123", "resp_666"), headers("wh_1", now, sig)))
          .isInstanceOf(WebhookVerificationException.class);
      assertThatThrownBy(() -> client.webhooks().unwrap(PAYLOAD, Headers.of("webhook-id", "wh_1")))
          .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("missing header");
      assertThatThrownBy(() -> client.webhooks().verifySignature(PAYLOAD, headers("wh_1", now, sig), "whsec_b3RoZXI="))
          .isInstanceOf(WebhookVerificationException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("b3RoZXI", SECRET.substring(6)));
    }
  }
}
