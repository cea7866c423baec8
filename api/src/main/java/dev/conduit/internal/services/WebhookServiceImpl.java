package dev.conduit.internal.services;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.errors.InvalidResponseException;
import dev.conduit.http.Headers;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.internal.webhooks.WebhookVerifier;
import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import dev.conduit.models.webhooks.WebhookEvent;
import dev.conduit.services.WebhookService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Verifies webhook deliveries locally and decodes their events with the client's codec. */
public final class WebhookServiceImpl implements WebhookService {
  private final JsonCodec codec;
  private final @Nullable String secret;
  private final WebhookVerifier verifier;

  public WebhookServiceImpl(ClientCore core) {
    this(core.codec(), core.config().webhookSecret, WebhookVerifier.system());
  }

  /** For tests: a verifier with its own clock. */
  public WebhookServiceImpl(JsonCodec codec, @Nullable String secret, WebhookVerifier verifier) {
    this.codec = Objects.requireNonNull(codec, "codec == null");
    this.secret = secret;
    this.verifier = Objects.requireNonNull(verifier, "verifier == null");
  }

  @Override
  public WebhookEvent unwrap(String body, Headers headers) {
    return unwrap(body, headers, clientSecret());
  }

  @Override
  public WebhookEvent unwrap(String body, Headers headers, String secret) {
    byte[] bytes = bytes(body);
    verifier.verify(bytes, headers, secret);
    Object tree;
    try {
      tree = codec.readTree(bytes);
    } catch (CodecException e) {
      throw new InvalidResponseException("the webhook body is signed but is not valid JSON: " + e.getMessage(), 0, null,
          snippet(body), e);
    }
    if (!(tree instanceof Map)) {
      throw new InvalidResponseException("the webhook body is signed but is a JSON " + Json.typeName(tree) + ", not an object",
          0, null, snippet(body), null);
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) tree;
    return WebhookEvent.fromJson(object);
  }

  @Override
  public void verifySignature(String body, Headers headers) {
    verifySignature(body, headers, clientSecret());
  }

  @Override
  public void verifySignature(String body, Headers headers, String secret) {
    verifier.verify(bytes(body), headers, secret);
  }

  private String clientSecret() {
    if (secret == null) {
      throw new ConfigurationException("No webhook secret: set OPENAI_WEBHOOK_SECRET, call webhookSecret(...) on the "
          + "client builder, or pass the secret to unwrap/verifySignature");
    }
    return secret;
  }

  private static byte[] bytes(String body) {
    return Objects.requireNonNull(body, "body == null").getBytes(StandardCharsets.UTF_8);
  }

  private static String snippet(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
