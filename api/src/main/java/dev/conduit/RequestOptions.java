package dev.conduit;

import dev.conduit.http.Headers;
import dev.conduit.http.Timeouts;
import dev.conduit.internal.json.Json;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Per-call overrides, passed as the last argument of any resource method: timeouts, retries, extra
 * headers, query parameters and body fields, and the idempotency key. Anything left unset inherits
 * from the client. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * RequestOptions slow = RequestOptions.builder()
 *     .timeouts(Timeouts.none().withRead(Duration.ofMinutes(30)))
 *     .maxRetries(0)
 *     .header("X-Trace", traceId)
 *     .build();
 * client.responses().create(params, slow);
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final Timeouts timeouts;
  private final @Nullable Integer maxRetries;
  private final Headers headers;
  private final Map<String, String> query;
  private final Map<String, @Nullable Object> body;
  private final @Nullable String idempotencyKey;

  private RequestOptions(Builder b) {
    this.timeouts = b.timeouts;
    this.maxRetries = b.maxRetries;
    this.headers = b.headers.build();
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
    this.body = Json.freezeMap(new LinkedHashMap<>(b.body));
    this.idempotencyKey = b.idempotencyKey;
  }

  /** Returns options that override nothing. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeouts = timeouts;
    b.maxRetries = maxRetries;
    b.headers = headers.newBuilder();
    b.query.putAll(query);
    b.body.putAll(body);
    b.idempotencyKey = idempotencyKey;
    return b;
  }

  /** Returns the timeout overrides; unset kinds inherit from the client. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** Returns the retry override, or null to inherit. */
  public @Nullable Integer maxRetries() {
    return maxRetries;
  }

  /** Returns extra headers, sent after (and so replacing) the client's. */
  public Headers headers() {
    return headers;
  }

  /** Returns extra query parameters. */
  public Map<String, String> query() {
    return query;
  }

  /** Returns extra top-level JSON body fields, merged into JSON request bodies. */
  public Map<String, @Nullable Object> body() {
    return body;
  }

  /** Returns the idempotency key to send instead of a generated one, or null. */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  @Override
  public String toString() {
    return "RequestOptions{timeouts=" + timeouts + ", maxRetries=" + maxRetries + ", headers="
        + headers + ", query=" + query.keySet() + ", body=" + body.keySet() + "}";
  }

  /** A builder of {@link RequestOptions}. */
  public static final class Builder {
    private Timeouts timeouts = Timeouts.none();
    private @Nullable Integer maxRetries;
    private Headers.Builder headers = Headers.builder();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, @Nullable Object> body = new LinkedHashMap<>();
    private @Nullable String idempotencyKey;

    private Builder() {}

    /** Sets timeout overrides; unset kinds inherit from the client. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts == null");
      return this;
    }

    /** Sets one timeout override. */
    public Builder timeout(Timeouts.Kind kind, Duration value) {
      this.timeouts = timeouts.with(kind, value);
      return this;
    }

    /** Sets how many times a failed attempt is retried (0 disables retries). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** Sets an extra header, replacing a client default of the same name. */
    public Builder header(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /** Sets an extra query parameter. */
    public Builder queryParam(String name, String value) {
      query.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Sets an extra top-level JSON body field (converted like {@code putJsonField} on models). */
    public Builder bodyField(String name, @Nullable Object value) {
      body.put(Objects.requireNonNull(name, "name == null"), Json.toTree(value));
      return this;
    }

    /** Sets the {@code Idempotency-Key} sent on every attempt of this call. */
    public Builder idempotencyKey(String key) {
      this.idempotencyKey = Objects.requireNonNull(key, "key == null");
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
