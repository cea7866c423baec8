package dev.conduit.internal;

import dev.conduit.Interceptor;
import dev.conduit.http.Headers;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.json.JsonCodec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a built client knows, immutable. Holds the API key: never log or print it;
 * {@link #toString()} leaves it out.
 */
public final class ClientConfig {
  /** How the API key is sent. */
  public enum Auth {
    /** {@code Authorization: Bearer <key>}: OpenAI and most compatible providers. */
    BEARER,
    /** {@code api-key: <key>}: Azure OpenAI's key authentication. */
    API_KEY_HEADER
  }

  public final URI baseUrl;
  public final @Nullable String apiKey;
  public final Auth auth;
  public final @Nullable String organization;
  public final @Nullable String project;
  public final Headers defaultHeaders;
  public final Map<String, String> defaultQuery;
  public final Timeouts timeouts;
  public final int maxRetries;
  public final Duration retryInitialDelay;
  public final Duration retryMaxDelay;
  public final List<Interceptor> interceptors;
  public final Transport transport;
  public final String transportName;
  public final JsonCodec codec;
  public final String codecName;

  public ClientConfig(URI baseUrl, @Nullable String apiKey, Auth auth, @Nullable String organization, @Nullable String project,
      Headers defaultHeaders, Map<String, String> defaultQuery, Timeouts timeouts, int maxRetries, Duration retryInitialDelay,
      Duration retryMaxDelay, List<Interceptor> interceptors, Transport transport, String transportName, JsonCodec codec, String codecName) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.auth = auth;
    this.organization = organization;
    this.project = project;
    this.defaultHeaders = defaultHeaders;
    this.defaultQuery = Map.copyOf(defaultQuery);
    this.timeouts = timeouts;
    this.maxRetries = maxRetries;
    this.retryInitialDelay = retryInitialDelay;
    this.retryMaxDelay = retryMaxDelay;
    this.interceptors = List.copyOf(interceptors);
    this.transport = transport;
    this.transportName = transportName;
    this.codec = codec;
    this.codecName = codecName;
  }

  @Override
  public String toString() {
    return "ClientConfig{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", auth=" + auth
        + ", organization=" + organization + ", project=" + project + ", timeouts=" + timeouts + ", maxRetries=" + maxRetries
        + ", transport=" + transportName + ", json=" + codecName + "}";
  }
}
