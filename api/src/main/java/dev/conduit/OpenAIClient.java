package dev.conduit;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.http.Headers;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportProvider;
import dev.conduit.internal.ClientConfig;
import dev.conduit.internal.Discovery;
import dev.conduit.internal.azure.AzureEnvironment;
import dev.conduit.internal.azure.AzureRouting;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.internal.services.ChatCompletionServiceImpl;
import dev.conduit.internal.services.EmbeddingServiceImpl;
import dev.conduit.internal.services.FileServiceImpl;
import dev.conduit.internal.services.ModelServiceImpl;
import dev.conduit.internal.services.ResponseServiceImpl;
import dev.conduit.internal.services.WebhookServiceImpl;
import dev.conduit.internal.webhooks.WebhookVerifier;
import dev.conduit.json.JsonCodec;
import dev.conduit.json.JsonCodecProvider;
import dev.conduit.services.ChatService;
import dev.conduit.services.EmbeddingService;
import dev.conduit.services.FileService;
import dev.conduit.services.ModelService;
import dev.conduit.services.ResponseService;
import dev.conduit.services.WebhookService;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The blocking client of the OpenAI REST API and of every provider that speaks it.
 *
 * <pre>{@code
 * OpenAIClient client = OpenAIClient.fromEnv(); // OPENAI_API_KEY, OPENAI_BASE_URL, ...
 * Response r = client.responses().create(ResponseCreateParams.builder()
 *     .model("gpt-5")
 *     .input("Say hello")
 *     .build());
 * System.out.println(r.outputText());
 * }</pre>
 *
 * <p>Any compatible provider works by changing the base URL:
 *
 * <pre>{@code
 * OpenAIClient ollama = OpenAIClient.builder().baseUrl("http://localhost:11434/v1").build();
 * }</pre>
 *
 * <p>Azure OpenAI has its own URL scheme and key header; {@link Builder#azure(String, String)} sets
 * them up, or {@link #fromAzureEnv()} from Azure's usual variables:
 *
 * <pre>{@code
 * OpenAIClient azure = OpenAIClient.builder()
 *     .azure("https://my-resource.openai.azure.com", "2024-10-21")
 *     .apiKey(System.getenv("AZURE_OPENAI_API_KEY"))
 *     .build(); // chat completions for model "my-gpt" go to /openai/deployments/my-gpt/chat/completions
 * }</pre>
 *
 * <p>The HTTP stack and the JSON library are whatever Conduit transport and codec modules are on the
 * classpath (see {@link Builder#transport(String)}). A client is thread-safe and meant to be shared:
 * it owns a connection pool. {@link #async()} returns its asynchronous twin, and
 * {@link #withOptions(Consumer)} derives clients with other settings; both share the pool. Close the
 * client you built to release the pool; derived and twin clients need no closing.
 */
public final class OpenAIClient implements AutoCloseable {
  /** The default base URL: OpenAI's v1 API. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private final ClientCore core;
  private final @Nullable Transport ownedTransport;
  private final ModelService models;
  private final ResponseService responses;
  private final ChatService chat;
  private final EmbeddingService embeddings;
  private final FileService files;
  private final WebhookService webhooks;
  private @Nullable OpenAIClientAsync async;

  OpenAIClient(ClientCore core, @Nullable Transport ownedTransport) {
    this.core = core;
    this.ownedTransport = ownedTransport;
    this.models = new ModelServiceImpl(core);
    this.responses = new ResponseServiceImpl(core);
    this.chat = ChatCompletionServiceImpl.chat(core);
    this.embeddings = new EmbeddingServiceImpl(core);
    this.files = new FileServiceImpl(core);
    this.webhooks = new WebhookServiceImpl(core);
  }

  /**
   * Returns a client configured from the environment: {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
   * {@code OPENAI_ORG_ID} and {@code OPENAI_PROJECT_ID}.
   *
   * @throws ConfigurationException if no API key is set for the OpenAI base URL, or no transport or
   *     codec is on the classpath
   */
  public static OpenAIClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Returns a client of Azure OpenAI configured from the environment: {@code AZURE_OPENAI_ENDPOINT},
   * {@code AZURE_OPENAI_API_KEY} and, for the versioned deployment-based API, {@code OPENAI_API_VERSION}
   * (without it, Azure's v1 surface). See {@link Builder#fromAzureEnv()}.
   *
   * @throws ConfigurationException if the endpoint or the key is not set, or no transport or codec is
   *     on the classpath
   */
  public static OpenAIClient fromAzureEnv() {
    Builder b = builder();
    AzureEnvironment.apply(b, b.environment, true);
    return b.build();
  }

  /** Returns a new builder with Conduit's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the asynchronous twin of this client, sharing its pool and settings. */
  public synchronized OpenAIClientAsync async() {
    if (async == null) {
      async = new OpenAIClientAsync(core, this);
    }
    return async;
  }

  /** The {@code /models} endpoints. */
  public ModelService models() {
    return models;
  }

  /** The {@code /responses} endpoints of the Responses API. */
  public ResponseService responses() {
    return responses;
  }

  /** The {@code /chat} endpoints; {@code chat().completions()} for chat completions. */
  public ChatService chat() {
    return chat;
  }

  /** The {@code /embeddings} endpoint. */
  public EmbeddingService embeddings() {
    return embeddings;
  }

  /** The {@code /files} endpoints. */
  public FileService files() {
    return files;
  }

  /** Verification and decoding of the events OpenAI delivers to webhooks; no request is made. */
  public WebhookService webhooks() {
    return webhooks;
  }

  // <generated-accessors> Written by conduit-generator (see generator/README.md); do not edit by hand.

  /** The {@code beta} resource: {@link dev.conduit.services.BetaService}. */
  public dev.conduit.services.BetaService beta() {
    return new dev.conduit.internal.services.generated.BetaServiceImpl(core);
  }

  /** The {@code audio} resource: {@link dev.conduit.services.AudioService}. */
  public dev.conduit.services.AudioService audio() {
    return new dev.conduit.internal.services.generated.AudioServiceImpl(core);
  }

  /** The {@code batches} resource: {@link dev.conduit.services.BatchService}. */
  public dev.conduit.services.BatchService batches() {
    return new dev.conduit.internal.services.generated.BatchServiceImpl(core);
  }

  /** The {@code completions} resource: {@link dev.conduit.services.CompletionService}. */
  public dev.conduit.services.CompletionService completions() {
    return new dev.conduit.internal.services.generated.CompletionServiceImpl(core);
  }

  /** The {@code containers} resource: {@link dev.conduit.services.ContainerService}. */
  public dev.conduit.services.ContainerService containers() {
    return new dev.conduit.internal.services.generated.ContainerServiceImpl(core);
  }

  /** The {@code conversations} resource: {@link dev.conduit.services.ConversationService}. */
  public dev.conduit.services.ConversationService conversations() {
    return new dev.conduit.internal.services.generated.ConversationServiceImpl(core);
  }

  /** The {@code evals} resource: {@link dev.conduit.services.EvalService}. */
  public dev.conduit.services.EvalService evals() {
    return new dev.conduit.internal.services.generated.EvalServiceImpl(core);
  }

  /** The {@code fineTuning} resource: {@link dev.conduit.services.FineTuningService}. */
  public dev.conduit.services.FineTuningService fineTuning() {
    return new dev.conduit.internal.services.generated.FineTuningServiceImpl(core);
  }

  /** The {@code images} resource: {@link dev.conduit.services.ImageService}. */
  public dev.conduit.services.ImageService images() {
    return new dev.conduit.internal.services.generated.ImageServiceImpl(core);
  }

  /** The {@code moderations} resource: {@link dev.conduit.services.ModerationService}. */
  public dev.conduit.services.ModerationService moderations() {
    return new dev.conduit.internal.services.generated.ModerationServiceImpl(core);
  }

  /** The {@code admin} resource: {@link dev.conduit.services.admin.AdminService}. */
  public dev.conduit.services.admin.AdminService admin() {
    return new dev.conduit.internal.services.generated.AdminServiceImpl(core);
  }

  /** The {@code realtime} resource: {@link dev.conduit.services.RealtimeService}. */
  public dev.conduit.services.RealtimeService realtime() {
    return new dev.conduit.internal.services.generated.RealtimeServiceImpl(core);
  }

  /** The {@code uploads} resource: {@link dev.conduit.services.UploadService}. */
  public dev.conduit.services.UploadService uploads() {
    return new dev.conduit.internal.services.generated.UploadServiceImpl(core);
  }

  /** The {@code vectorStores} resource: {@link dev.conduit.services.VectorStoreService}. */
  public dev.conduit.services.VectorStoreService vectorStores() {
    return new dev.conduit.internal.services.generated.VectorStoreServiceImpl(core);
  }

  /**
   * The {@code contentProvenanceChecks} resource: {@link dev.conduit.services.ContentProvenanceCheckService}.
   */
  public dev.conduit.services.ContentProvenanceCheckService contentProvenanceChecks() {
    return new dev.conduit.internal.services.generated.ContentProvenanceCheckServiceImpl(core);
  }

  /** The {@code videos} resource: {@link dev.conduit.services.VideoService}. */
  @Deprecated
  public dev.conduit.services.VideoService videos() {
    return new dev.conduit.internal.services.generated.VideoServiceImpl(core);
  }

  /** The {@code skills} resource: {@link dev.conduit.services.SkillService}. */
  public dev.conduit.services.SkillService skills() {
    return new dev.conduit.internal.services.generated.SkillServiceImpl(core);
  }
  // </generated-accessors>

  /**
   * Returns a client with the same pool and settings, changed by {@code change}; for example a
   * client with a longer timeout for one job:
   *
   * <pre>{@code
   * OpenAIClient patient = client.withOptions(b -> b.timeouts(Timeouts.none().withRead(Duration.ofMinutes(30))));
   * }</pre>
   *
   * The derived client shares the transport; closing it does nothing.
   */
  public OpenAIClient withOptions(Consumer<Builder> change) {
    Builder b = new Builder(core.config());
    change.accept(b);
    return new OpenAIClient(new ClientCore(b.config(core.config().transport, core.config().transportName,
        core.config().codec, core.config().codecName)), null);
  }

  /**
   * Runs {@code call} against this client and returns its result together with the HTTP response it
   * came from (status, headers, request id); if {@code call} makes several requests, the last
   * successful one is reported.
   *
   * <pre>{@code
   * RawResponse<Model> raw = client.withRawResponse(c -> c.models().retrieve("gpt-5"));
   * System.out.println(raw.requestId() + " " + raw.body().ownedBy());
   * }</pre>
   *
   * @throws IllegalStateException if {@code call} made no request through the client it was given
   */
  public <T> RawResponse<T> withRawResponse(Function<OpenAIClient, T> call) {
    AtomicReference<RawResponse<Void>> seen = new AtomicReference<>();
    OpenAIClient scoped = new OpenAIClient(core.withObserver((status, headers) -> seen.set(new RawResponse<>(status, headers, null))), null);
    T result = call.apply(scoped);
    RawResponse<Void> head = seen.get();
    if (head == null) {
      throw new IllegalStateException("withRawResponse: the function made no request through the client it was given");
    }
    return new RawResponse<>(head.statusCode(), head.headers(), result);
  }

  /** Returns the base URL requests are sent to. */
  public URI baseUrl() {
    return core.config().baseUrl;
  }

  ClientCore core() {
    return core;
  }

  /** Releases the connection pool if this client created its transport; idempotent. */
  @Override
  public void close() {
    if (ownedTransport != null) {
      ownedTransport.close();
    }
  }

  /** Shows the settings, never the API key. */
  @Override
  public String toString() {
    return "OpenAIClient" + core.config().toString().substring("ClientConfig".length());
  }

  /**
   * Configures an {@link OpenAIClient}. Every setting has a default; only an API key is needed for
   * OpenAI itself.
   */
  public static final class Builder {
    private @Nullable String apiKey;
    private URI baseUrl = URI.create(DEFAULT_BASE_URL);
    private boolean baseUrlSet;
    private ClientConfig.Auth auth = ClientConfig.Auth.BEARER;
    private @Nullable String organization;
    private @Nullable String project;
    private final Headers.Builder headers = Headers.builder();
    private final Map<String, String> query = new LinkedHashMap<>();
    private Timeouts timeouts = Timeouts.defaults();
    private int maxRetries = 2;
    private Duration retryInitialDelay = Duration.ofMillis(500);
    private Duration retryMaxDelay = Duration.ofSeconds(8);
    private final List<Interceptor> interceptors = new ArrayList<>();
    private @Nullable Transport transport;
    private @Nullable String transportName;
    private @Nullable JsonCodec codec;
    private @Nullable String codecName;
    private int maxConnections = TransportOptions.defaults().maxConnections();
    private Discovery.Environment environment = Discovery.Environment.SYSTEM;
    private ClientConfig.Routing routing = ClientConfig.Routing.DIRECT;
    private @Nullable String webhookSecret;

    Builder() {}

    Builder(ClientConfig c) {
      this.apiKey = c.apiKey;
      this.baseUrl = c.baseUrl;
      this.baseUrlSet = true;
      this.auth = c.auth;
      this.organization = c.organization;
      this.project = c.project;
      this.headers.addAll(c.defaultHeaders);
      this.query.putAll(c.defaultQuery);
      this.timeouts = c.timeouts;
      this.maxRetries = c.maxRetries;
      this.retryInitialDelay = c.retryInitialDelay;
      this.retryMaxDelay = c.retryMaxDelay;
      this.interceptors.addAll(c.interceptors);
      this.routing = c.routing;
      this.webhookSecret = c.webhookSecret;
    }

    /**
     * Reads {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_ORG_ID},
     * {@code OPENAI_PROJECT_ID} and {@code OPENAI_WEBHOOK_SECRET}; variables that are unset leave the
     * current values alone.
     *
     * @throws ConfigurationException if {@code OPENAI_WEBHOOK_SECRET} is set but not a usable secret
     */
    public Builder fromEnv() {
      String key = environment.variable("OPENAI_API_KEY");
      if (key != null && !key.isBlank()) {
        apiKey(key.trim());
      }
      String url = environment.variable("OPENAI_BASE_URL");
      if (url != null && !url.isBlank()) {
        baseUrl(url.trim());
      }
      String org = environment.variable("OPENAI_ORG_ID");
      if (org != null && !org.isBlank()) {
        organization(org.trim());
      }
      String proj = environment.variable("OPENAI_PROJECT_ID");
      if (proj != null && !proj.isBlank()) {
        project(proj.trim());
      }
      String whsec = environment.variable("OPENAI_WEBHOOK_SECRET");
      if (whsec != null && !whsec.isBlank()) {
        try {
          webhookSecret(whsec.trim());
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException("OPENAI_WEBHOOK_SECRET is not usable: " + e.getMessage());
        }
      }
      return this;
    }

    /**
     * Configures the client for Azure OpenAI from {@code AZURE_OPENAI_ENDPOINT}, {@code OPENAI_API_VERSION}
     * (the versioned API, {@link #azure(String, String)}, when set; else the v1 surface,
     * {@link #azure(String)}) and {@code AZURE_OPENAI_API_KEY} if set. Without a key, authenticate
     * another way, e.g. {@code defaultHeader("Authorization", "Bearer " + entraToken)}.
     *
     * @throws ConfigurationException if {@code AZURE_OPENAI_ENDPOINT} is unset or not a URL
     */
    public Builder fromAzureEnv() {
      AzureEnvironment.apply(this, environment, false);
      return this;
    }

    /** For tests: where {@link #fromEnv()} and discovery read variables and properties. */
    Builder environment(Discovery.Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * Sets the API key, sent as {@code Authorization: Bearer <key>}; for Azure (after
     * {@link #azure(String, String)} or {@link #azure(String)}) it is sent as {@code api-key: <key>}.
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      this.auth = routing instanceof AzureRouting ? ClientConfig.Auth.API_KEY_HEADER : ClientConfig.Auth.BEARER;
      return this;
    }

    /** Sets the API key sent as an {@code api-key} header, as Azure OpenAI's key authentication wants. */
    public Builder apiKeyHeader(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      this.auth = ClientConfig.Auth.API_KEY_HEADER;
      return this;
    }

    /** Sets the base URL, e.g. {@code http://localhost:11434/v1} for Ollama. Default: OpenAI's. */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
      }
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
      }
      this.baseUrl = uri;
      this.baseUrlSet = true;
      return this;
    }

    /**
     * Targets the versioned Azure OpenAI API of the resource at {@code endpoint}
     * ({@code https://my-resource.openai.azure.com}): the base URL becomes {@code {endpoint}/openai},
     * every request carries {@code api-version}, and the API key is sent as {@code api-key}. The
     * deployment-scoped operations (chat completions, completions, embeddings, audio, image generation
     * and edits) go to {@code /openai/deployments/{deployment}/...}, where the deployment is the one
     * set with {@link #azureDeployment(String)}, else the request's {@code model}; other operations
     * (files, models, responses, ...) go to {@code /openai/...}.
     *
     * @param endpoint the resource's endpoint; a trailing {@code /openai} is accepted and dropped
     * @param apiVersion e.g. {@code "2024-10-21"}
     * @throws IllegalArgumentException if {@code endpoint} is not an absolute http(s) URL or
     *     {@code apiVersion} is blank
     */
    public Builder azure(String endpoint, String apiVersion) {
      AzureRouting r = AzureRouting.deployments(endpoint, apiVersion);
      String deployment = routing instanceof AzureRouting ? ((AzureRouting) routing).deployment() : null;
      return azure(deployment == null ? r : r.withDeployment(deployment));
    }

    /**
     * Targets Azure OpenAI's v1 surface of the resource at {@code endpoint}: the base URL becomes
     * {@code {endpoint}/openai/v1}, paths are OpenAI's, no {@code api-version} is sent, the request's
     * {@code model} names the deployment, and the API key is sent as {@code api-key}.
     *
     * @throws IllegalArgumentException if {@code endpoint} is not an absolute http(s) URL
     */
    public Builder azure(String endpoint) {
      return azure(AzureRouting.v1(endpoint));
    }

    private Builder azure(AzureRouting r) {
      this.routing = r;
      this.baseUrl = r.baseUrl();
      this.baseUrlSet = true;
      this.auth = ClientConfig.Auth.API_KEY_HEADER;
      String version = r.apiVersion();
      if (version != null) {
        query.put("api-version", version);
      } else {
        query.remove("api-version");
      }
      return this;
    }

    /**
     * Sends every deployment-scoped operation to this Azure deployment, whatever the request's
     * {@code model}; see {@link #azure(String, String)}.
     *
     * @throws IllegalStateException unless {@link #azure(String, String)} was called first
     * @throws IllegalArgumentException if {@code deployment} is blank
     */
    public Builder azureDeployment(String deployment) {
      Objects.requireNonNull(deployment, "deployment == null");
      if (!(routing instanceof AzureRouting)) {
        throw new IllegalStateException("azureDeployment needs azure(endpoint, apiVersion) to be called first");
      }
      this.routing = ((AzureRouting) routing).withDeployment(deployment);
      return this;
    }

    /**
     * Sets the secret that {@link OpenAIClient#webhooks()} verifies deliveries with, as the OpenAI
     * dashboard shows it ({@code whsec_...}); never logged or printed.
     *
     * @throws IllegalArgumentException if it is empty, or starts with {@code whsec_} and the rest is
     *     not base64
     */
    public Builder webhookSecret(String secret) {
      WebhookVerifier.key(secret);
      this.webhookSecret = secret;
      return this;
    }

    /** Sets the organization sent as {@code OpenAI-Organization}. */
    public Builder organization(@Nullable String organization) {
      this.organization = organization;
      return this;
    }

    /** Sets the project sent as {@code OpenAI-Project}. */
    public Builder project(@Nullable String project) {
      this.project = project;
      return this;
    }

    /** Adds a header sent with every request, replacing an earlier value of the same name. */
    public Builder defaultHeader(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /** Adds a query parameter sent with every request (Azure's {@code api-version}, say). */
    public Builder defaultQueryParam(String name, String value) {
      query.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Sets the client's timeouts; unset kinds keep Conduit's {@linkplain Timeouts#defaults() defaults}. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts == null").orElse(Timeouts.defaults());
      return this;
    }

    /** Sets how many times a failed attempt is retried; default 2, 0 disables retries. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the exponential backoff between retries when the server gives no {@code retry-after}:
     * the n-th retry waits a random time up to {@code min(initial * 2^(n-1), max)}. Default 0.5 s, 8 s.
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      if (initial.isNegative() || max.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("need 0 <= initial <= max: " + initial + ", " + max);
      }
      this.retryInitialDelay = initial;
      this.retryMaxDelay = max;
      return this;
    }

    /** Adds an interceptor that sees every attempt; see {@link Interceptor}. */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /**
     * Uses this transport instead of discovering one. The client does not close a transport handed
     * in; its owner does.
     */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport, "transport == null");
      return this;
    }

    /**
     * Chooses a discovered transport by name ({@code "jdk"}, {@code "okhttp"}, {@code "netty"}). Without
     * this, the system property {@code conduit.transport}, then the environment variable
     * {@code CONDUIT_TRANSPORT}, then the highest priority found, decide.
     */
    public Builder transport(String name) {
      this.transportName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Uses this JSON codec instead of discovering one. */
    public Builder jsonCodec(JsonCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec == null");
      return this;
    }

    /**
     * Chooses a discovered JSON codec by name ({@code "moshi"}). Without this, the system property
     * {@code conduit.json}, then the environment variable {@code CONDUIT_JSON}, then the highest
     * priority found, decide.
     */
    public Builder jsonCodec(String name) {
      this.codecName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets the most connections a discovered transport keeps open per host; default 64. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections < 1: " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    private void checkApiKey() {
      if (apiKey == null && !baseUrlSet) {
        throw new ConfigurationException("No API key: set OPENAI_API_KEY, or call apiKey(...) on the builder "
            + "(a key may be left out only for a custom base URL, such as a local server)");
      }
    }

    ClientConfig config(Transport transport, String transportName, JsonCodec codec, String codecName) {
      checkApiKey();
      return new ClientConfig(baseUrl, apiKey, auth, organization, project, headers.build(), query, timeouts, maxRetries,
          retryInitialDelay, retryMaxDelay, interceptors, transport, transportName, codec, codecName)
          .withRouting(routing).withWebhookSecret(webhookSecret);
    }

    /**
     * Builds the client, discovering a transport and a codec unless instances were handed in.
     *
     * @throws ConfigurationException if no API key is set for OpenAI's base URL, or no transport or
     *     codec (or none of the chosen name) is found
     */
    public OpenAIClient build() {
      checkApiKey();
      JsonCodec c = codec;
      String cName = "custom";
      if (c == null) {
        JsonCodecProvider p = Discovery.codecProvider(codecName, environment);
        c = p.create();
        cName = p.name();
      }
      Transport t = transport;
      String tName = "custom";
      Transport owned = null;
      if (t == null) {
        TransportProvider p = Discovery.transportProvider(transportName, environment);
        t = p.create(TransportOptions.defaults().withTimeouts(timeouts).withMaxConnections(maxConnections));
        tName = p.name();
        owned = t;
      }
      return new OpenAIClient(new ClientCore(config(t, tName, c, cName)), owned);
    }
  }
}
