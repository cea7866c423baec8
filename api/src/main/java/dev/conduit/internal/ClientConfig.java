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
import java.util.Objects;
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

  /**
   * Decides where a request goes: maps a resource's path to the path sent, relative to the base URL.
   * Azure OpenAI's deployment routing is one ({@code dev.conduit.internal.azure.AzureRouting}).
   */
  @FunctionalInterface
  public interface Routing {
    /** Sends every path as it is. */
    Routing DIRECT = (path, model) -> path;

    /**
     * Returns the path to send, relative to the base URL and without a leading slash.
     *
     * @param path the resource's path, relative and without a leading slash (e.g. {@code chat/completions})
     * @param model the {@code model} field of the request's JSON body, or null if it has none
     */
    String route(String path, @Nullable String model);
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
  /** Where requests go; {@link Routing#DIRECT} unless a provider such as Azure needs more. */
  public final Routing routing;
  /** The webhook signing secret, or null. A secret: never log or print it. */
  public final @Nullable String webhookSecret;

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
    this.routing = Routing.DIRECT;
    this.webhookSecret = null;
  }

  private ClientConfig(ClientConfig c, Routing routing, @Nullable String webhookSecret) {
    this.baseUrl = c.baseUrl;
    this.apiKey = c.apiKey;
    this.auth = c.auth;
    this.organization = c.organization;
    this.project = c.project;
    this.defaultHeaders = c.defaultHeaders;
    this.defaultQuery = c.defaultQuery;
    this.timeouts = c.timeouts;
    this.maxRetries = c.maxRetries;
    this.retryInitialDelay = c.retryInitialDelay;
    this.retryMaxDelay = c.retryMaxDelay;
    this.interceptors = c.interceptors;
    this.transport = c.transport;
    this.transportName = c.transportName;
    this.codec = c.codec;
    this.codecName = c.codecName;
    this.routing = routing;
    this.webhookSecret = webhookSecret;
  }

  /** Returns a copy that sends requests where {@code routing} says. */
  public ClientConfig withRouting(Routing routing) {
    return new ClientConfig(this, Objects.requireNonNull(routing, "routing == null"), webhookSecret);
  }

  /** Returns a copy with this webhook signing secret (null for none). */
  public ClientConfig withWebhookSecret(@Nullable String webhookSecret) {
    return new ClientConfig(this, routing, webhookSecret);
  }

  @Override
  public String toString() {
    return "ClientConfig{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", auth=" + auth
        + ", organization=" + organization + ", project=" + project + ", timeouts=" + timeouts + ", maxRetries=" + maxRetries
        + (routing == Routing.DIRECT ? "" : ", routing=" + routing) + (webhookSecret == null ? "" : ", webhookSecret=***")
        + ", transport=" + transportName + ", json=" + codecName + "}";
  }
}
