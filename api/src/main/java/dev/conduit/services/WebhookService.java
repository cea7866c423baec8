package dev.conduit.services;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.errors.InvalidResponseException;
import dev.conduit.errors.WebhookVerificationException;
import dev.conduit.http.Headers;
import dev.conduit.models.webhooks.WebhookEvent;

/**
 * Checks and reads the events OpenAI delivers to your webhook endpoint. Obtain with
 * {@code client.webhooks()} (the asynchronous client returns the same service: the work is local, no
 * request is made).
 *
 * <p>Deliveries are signed by the <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>
 * scheme: HMAC-SHA256 over {@code {webhook-id}.{webhook-timestamp}.{body}} with the endpoint's signing
 * secret, sent in the {@code webhook-signature} header. A delivery is accepted when one of its
 * {@code v1} signatures matches (compared in constant time) and its timestamp is within five minutes of
 * this machine's clock, either way, which stops replays.
 *
 * <p>The secret ({@code whsec_...}, as the OpenAI dashboard shows it) comes from
 * {@link dev.conduit.OpenAIClient.Builder#webhookSecret(String)}, from {@code OPENAI_WEBHOOK_SECRET} in
 * {@code fromEnv()}, or from the call. It is never logged or put into a message.
 *
 * <pre>{@code
 * // in your HTTP handler: the body exactly as received, and the request's headers
 * WebhookEvent event;
 * try {
 *   event = client.webhooks().unwrap(body, Headers.of(request.headerMap()));
 * } catch (WebhookVerificationException e) {
 *   return 400;
 * }
 * if (event.type().equals(WebhookEventType.RESPONSE_COMPLETED)) { ... event.dataId() ... }
 * }</pre>
 *
 * <p>Pass the raw body as it arrived (decoded as UTF-8), not JSON re-serialized by a framework: any
 * change of whitespace or key order breaks the signature. Implementations are thread-safe.
 */
public interface WebhookService {
  /**
   * Verifies a delivery with the client's secret and returns its event.
   *
   * @param body the request body exactly as received
   * @param headers the request's headers; {@code webhook-id}, {@code webhook-timestamp} and
   *     {@code webhook-signature} are read (any case)
   * @throws WebhookVerificationException if a header is missing, the timestamp is malformed, older or
   *     newer than the tolerance, or no {@code v1} signature matches: do not trust the payload
   * @throws InvalidResponseException if the verified body is not a JSON object
   * @throws ConfigurationException if the client has no webhook secret
   */
  WebhookEvent unwrap(String body, Headers headers);

  /**
   * Verifies a delivery with {@code secret} and returns its event.
   *
   * @throws WebhookVerificationException as {@link #unwrap(String, Headers)}
   * @throws InvalidResponseException if the verified body is not a JSON object
   * @throws IllegalArgumentException if {@code secret} is empty, or starts with {@code whsec_} and the
   *     rest is not base64
   */
  WebhookEvent unwrap(String body, Headers headers, String secret);

  /**
   * Verifies a delivery with the client's secret without reading it; returns normally if it is
   * authentic.
   *
   * @throws WebhookVerificationException as {@link #unwrap(String, Headers)}
   * @throws ConfigurationException if the client has no webhook secret
   */
  void verifySignature(String body, Headers headers);

  /**
   * Verifies a delivery with {@code secret} without reading it; returns normally if it is authentic.
   *
   * @throws WebhookVerificationException as {@link #unwrap(String, Headers)}
   * @throws IllegalArgumentException if {@code secret} is not usable; see {@link #unwrap(String, Headers, String)}
   */
  void verifySignature(String body, Headers headers, String secret);
}
