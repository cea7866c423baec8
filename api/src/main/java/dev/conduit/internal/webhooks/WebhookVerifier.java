package dev.conduit.internal.webhooks;

import dev.conduit.errors.WebhookVerificationException;
import dev.conduit.http.Headers;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a webhook delivery by the Standard Webhooks scheme that OpenAI uses: the
 * {@code webhook-signature} header holds space-separated {@code v1,<base64>} entries, each an
 * HMAC-SHA256 over {@code {webhook-id}.{webhook-timestamp}.{raw body}}; one matching entry suffices.
 * The timestamp must lie within the tolerance of the clock, in either direction, against replays.
 * Signatures are compared in constant time. Thread-safe.
 *
 * <p>Never puts the secret, or anything derived from it, into a message.
 */
public final class WebhookVerifier {
  /** The tolerance OpenAI's SDKs use: five minutes each way. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";
  private static final String SECRET_PREFIX = "whsec_";
  private static final int MAX_TIMESTAMP_DIGITS = 18;

  private final Clock clock;
  private final long toleranceSeconds;

  /** A verifier on {@code clock}; tests pass a fixed one. */
  public WebhookVerifier(Clock clock, Duration tolerance) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance < 0: " + tolerance);
    }
    this.toleranceSeconds = tolerance.getSeconds();
  }

  /** A verifier on the system clock with the {@linkplain #DEFAULT_TOLERANCE default tolerance}. */
  public static WebhookVerifier system() {
    return new WebhookVerifier(Clock.systemUTC(), DEFAULT_TOLERANCE);
  }

  /**
   * Returns the HMAC key of a secret: the base64-decoded rest of a {@code whsec_} secret, else the
   * secret's UTF-8 bytes.
   *
   * @throws IllegalArgumentException if the secret is empty or its {@code whsec_} part is not base64
   */
  public static byte[] key(String secret) {
    Objects.requireNonNull(secret, "webhook secret == null");
    byte[] key;
    if (secret.startsWith(SECRET_PREFIX)) {
      try {
        key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the webhook secret starts with whsec_ but the rest is not base64");
      }
    } else {
      key = secret.getBytes(StandardCharsets.UTF_8);
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("the webhook secret is empty");
    }
    return key;
  }

  /**
   * Checks that {@code body} with {@code headers} was signed with {@code secret} within the tolerance.
   *
   * @throws WebhookVerificationException if a header is missing, the timestamp is malformed, too old
   *     or too far in the future, or no {@code v1} signature matches
   * @throws IllegalArgumentException if {@code secret} is not usable (see {@link #key(String)})
   */
  public void verify(byte[] body, Headers headers, String secret) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(headers, "headers == null");
    byte[] key = key(secret);
    String id = required(headers, ID);
    String timestamp = required(headers, TIMESTAMP);
    if (headers.all(SIGNATURE).stream().allMatch(String::isBlank)) {
      throw new WebhookVerificationException("missing header " + SIGNATURE);
    }
    checkTimestamp(timestamp);

    byte[] expected = sign(key, id, timestamp, body);
    boolean sawV1 = false;
    for (String value : headers.all(SIGNATURE)) {
      for (String entry : value.trim().split("\\s+")) {
        if (!entry.startsWith("v1,")) {
          continue; // another scheme (e.g. v1a, asymmetric) or garbage: not ours to judge
        }
        sawV1 = true;
        byte[] given;
        try {
          given = Base64.getDecoder().decode(entry.substring(3));
        } catch (IllegalArgumentException e) {
          continue; // malformed entry: cannot match
        }
        if (MessageDigest.isEqual(expected, given)) {
          return;
        }
      }
    }
    throw new WebhookVerificationException(sawV1
        ? "no signature in " + SIGNATURE + " matches the body: it was changed, or signed with another secret"
        : SIGNATURE + " holds no v1 signature (expected space-separated entries of the form v1,<base64>)");
  }

  private static String required(Headers headers, String name) {
    String v = headers.first(name);
    if (v == null || v.isBlank()) {
      throw new WebhookVerificationException("missing header " + name);
    }
    return v.trim();
  }

  private void checkTimestamp(String timestamp) {
    if (timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new WebhookVerificationException(TIMESTAMP + " is not a Unix time in seconds: " + printable(timestamp));
    }
    long sent = Long.parseLong(timestamp);
    long now = clock.instant().getEpochSecond();
    if (now - sent > toleranceSeconds) {
      throw new WebhookVerificationException("the webhook timestamp is too old: " + (now - sent)
          + " s before now, tolerance " + toleranceSeconds + " s");
    }
    if (sent - now > toleranceSeconds) {
      throw new WebhookVerificationException("the webhook timestamp is too far in the future: " + (sent - now)
          + " s after now, tolerance " + toleranceSeconds + " s");
    }
  }

  /** Returns HMAC-SHA256 over {@code id.timestamp.body} with {@code key}. */
  static byte[] sign(byte[] key, String id, String timestamp, byte[] body) {
    Mac mac;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e); // every JVM must have it
    }
    mac.update(id.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) '.');
    mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) '.');
    mac.update(body);
    return mac.doFinal();
  }

  /** Returns a header value safe to quote in a message: short, no control characters. */
  private static String printable(@Nullable String s) {
    if (s == null) {
      return "null";
    }
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
