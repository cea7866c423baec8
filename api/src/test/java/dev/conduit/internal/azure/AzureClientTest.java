package dev.conduit.internal.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.RequestOptions;
import dev.conduit.errors.ConfigurationException;
import dev.conduit.http.HttpRequest;
import dev.conduit.internal.Discovery;
import dev.conduit.internal.webhooks.TreeCodec;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.embeddings.EmbeddingCreateParams;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A built client's requests, through the real pipeline, to a transport that records them. */
class AzureClientTest {
  private static final String ENDPOINT = "https://my-resource.openai.azure.com";
  private static final String KEY = "azure-key-0123456789";
  private static final String ANY_BODY = "{\"id\":\"x\",\"object\":\"list\",\"created\":1,\"model\":\"m\",\"choices\":[],\"data\":[]}";

  private final RecordingTransport transport = new RecordingTransport(ANY_BODY);

  private OpenAIClient.Builder builder() {
    return OpenAIClient.builder().transport(transport).jsonCodec(new TreeCodec()).maxRetries(0);
  }

  private static ChatCompletionCreateParams chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build();
  }

  private static Discovery.Environment env(Map<String, String> variables) {
    return new Discovery.Environment() {
      @Override
      public @Nullable String property(String name) {
        return null;
      }

      @Override
      public @Nullable String variable(String name) {
        return variables.get(name);
      }
    };
  }

  @Test
  void versionedApiRoutesByModelAndSendsApiVersionAndApiKey() {
    try (OpenAIClient client = builder().azure(ENDPOINT, "2024-10-21").apiKey(KEY).build()) {
      client.chat().completions().create(chat("gpt-4o"));
      HttpRequest r = transport.last();
      assertThat(r.uri()).hasToString(ENDPOINT + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
      assertThat(r.headers().first("api-key")).isEqualTo(KEY);
      assertThat(r.headers().contains("authorization")).isFalse();

      client.embeddings().create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input("hi").build());
      assertThat(transport.last().uri())
          .hasToString(ENDPOINT + "/openai/deployments/text-embedding-3-small/embeddings?api-version=2024-10-21");

      client.models().list();
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/models?api-version=2024-10-21");
      client.chat().completions().retrieve("chatcmpl-1");
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/chat/completions/chatcmpl-1?api-version=2024-10-21");
    }
  }

  @Test
  void aConfiguredDeploymentTakesEveryDeploymentScopedCall() {
    try (OpenAIClient client = builder().azure(ENDPOINT + "/openai/", "2024-10-21").azureDeployment("prod").apiKey(KEY).build()) {
      client.chat().completions().create(chat("gpt-4o"));
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/deployments/prod/chat/completions?api-version=2024-10-21");
      client.embeddings().create(EmbeddingCreateParams.builder().model("e").input("hi").build());
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/deployments/prod/embeddings?api-version=2024-10-21");
    }
  }

  @Test
  void aModelOverriddenPerCallPicksTheDeployment() {
    try (OpenAIClient client = builder().azure(ENDPOINT, "2024-10-21").apiKey(KEY).build()) {
      client.chat().completions().create(chat("gpt-4o"), RequestOptions.builder().bodyField("model", "other").build());
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/deployments/other/chat/completions?api-version=2024-10-21");
      client.chat().completions().create(chat("gpt-4o"), RequestOptions.builder().queryParam("api-version", "2025-01-01-preview").build());
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview");
    }
  }

  @Test
  void theAsyncClientRoutesTheSameWay() throws Exception {
    try (OpenAIClient client = builder().azure(ENDPOINT, "2024-10-21").apiKey(KEY).build()) {
      client.async().chat().completions().create(chat("gpt-4o")).get();
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
      assertThat(transport.last().headers().first("api-key")).isEqualTo(KEY);
    }
  }

  @Test
  void theV1SurfaceUsesOpenAIsPathsWithoutApiVersion() {
    try (OpenAIClient client = builder().azure(ENDPOINT).apiKey(KEY).build()) {
      client.chat().completions().create(chat("gpt-4o"));
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/v1/chat/completions");
      assertThat(transport.last().headers().first("api-key")).isEqualTo(KEY);
      assertThat(client.baseUrl()).hasToString(ENDPOINT + "/openai/v1");
    }
    try (OpenAIClient client = builder().azure(ENDPOINT, "2024-10-21").azure(ENDPOINT).apiKey(KEY).build()) {
      client.models().list();
      assertThat(transport.last().uri()).as("switching to v1 drops api-version").hasToString(ENDPOINT + "/openai/v1/models");
    }
  }

  @Test
  void theKeyGoesAsApiKeyWhicheverOrderTheBuilderIsCalledIn() {
    try (OpenAIClient client = builder().apiKey(KEY).azure(ENDPOINT, "2024-10-21").build()) {
      client.models().list();
      assertThat(transport.last().headers().first("api-key")).isEqualTo(KEY);
      assertThat(transport.last().headers().contains("authorization")).isFalse();
    }
    try (OpenAIClient plain = builder().apiKey(KEY).build()) {
      plain.models().list();
      assertThat(transport.last().headers().first("authorization")).isEqualTo("Bearer " + KEY);
      assertThat(transport.last().uri()).hasToString("https://api.openai.com/v1/models");
    }
  }

  @Test
  void derivedClientsKeepTheRoutingAndMayChangeTheDeployment() {
    try (OpenAIClient client = builder().azure(ENDPOINT, "2024-10-21").apiKey(KEY).build()) {
      OpenAIClient derived = client.withOptions(b -> b.azureDeployment("canary"));
      derived.chat().completions().create(chat("gpt-4o"));
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/deployments/canary/chat/completions?api-version=2024-10-21");
      assertThat(transport.last().headers().first("api-key")).isEqualTo(KEY);
      client.withOptions(b -> b.apiKey("rotated")).models().list();
      assertThat(transport.last().headers().first("api-key")).isEqualTo("rotated");
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/models?api-version=2024-10-21");
    }
  }

  @Test
  void azureDeploymentNeedsTheVersionedApi() {
    assertThatThrownBy(() -> OpenAIClient.builder().azureDeployment("d"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("azure(endpoint, apiVersion)");
    assertThatThrownBy(() -> OpenAIClient.builder().azure(ENDPOINT).azureDeployment("d")).isInstanceOf(IllegalStateException.class);
    OpenAIClient.Builder kept = OpenAIClient.builder().azure(ENDPOINT, "2024-06-01").azureDeployment("d").azure(ENDPOINT, "2024-10-21");
    try (OpenAIClient client = kept.transport(transport).jsonCodec(new TreeCodec()).build()) {
      client.chat().completions().create(chat("gpt-4o"));
      assertThat(transport.last().uri()).as("a new api-version keeps the deployment")
          .hasToString(ENDPOINT + "/openai/deployments/d/chat/completions?api-version=2024-10-21");
    }
  }

  @Test
  void toStringShowsTheRoutingButNoSecrets() {
    try (OpenAIClient client = builder().azure(ENDPOINT, "2024-10-21").azureDeployment("d").apiKey(KEY)
        .webhookSecret("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=").build()) {
      assertThat(client.toString())
          .contains("routing=azure(" + ENDPOINT + ", api-version=2024-10-21, deployment=d)", "apiKey=***", "webhookSecret=***")
          .doesNotContain(KEY, "whsec_", "c2VjcmV0");
    }
  }

  @Test
  void fromAzureEnvReadsEndpointVersionAndKey() {
    OpenAIClient.Builder b = AzureEnvironment.apply(builder(), env(Map.of(
        "AZURE_OPENAI_ENDPOINT", " " + ENDPOINT + "/ ", "OPENAI_API_VERSION", "2024-10-21", "AZURE_OPENAI_API_KEY", KEY)), true);
    try (OpenAIClient client = b.build()) {
      client.chat().completions().create(chat("gpt-4o-mini"));
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21");
      assertThat(transport.last().headers().first("api-key")).isEqualTo(KEY);
    }
  }

  @Test
  void fromAzureEnvWithoutVersionTargetsV1() {
    OpenAIClient.Builder b = AzureEnvironment.apply(builder(), env(Map.of("AZURE_OPENAI_ENDPOINT", ENDPOINT, "AZURE_OPENAI_API_KEY", KEY)), true);
    try (OpenAIClient client = b.build()) {
      client.responses().retrieve("resp_1");
      assertThat(transport.last().uri()).hasToString(ENDPOINT + "/openai/v1/responses/resp_1");
    }
  }

  @Test
  void fromAzureEnvFailsClearly() {
    assertThatThrownBy(() -> AzureEnvironment.apply(builder(), env(Map.of("AZURE_OPENAI_API_KEY", KEY)), true))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("AZURE_OPENAI_ENDPOINT");
    assertThatThrownBy(() -> AzureEnvironment.apply(builder(), env(Map.of("AZURE_OPENAI_ENDPOINT", ENDPOINT)), true))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("AZURE_OPENAI_API_KEY");
    assertThatThrownBy(() -> AzureEnvironment.apply(builder(), env(Map.of("AZURE_OPENAI_ENDPOINT", "not a url", "AZURE_OPENAI_API_KEY", KEY)), true))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("AZURE_OPENAI_ENDPOINT");
    // the builder form lets a caller authenticate otherwise, e.g. with an Entra token header
    OpenAIClient.Builder b = AzureEnvironment.apply(builder(), env(Map.of("AZURE_OPENAI_ENDPOINT", ENDPOINT)), false)
        .defaultHeader("Authorization", "Bearer entra-token");
    try (OpenAIClient client = b.build()) {
      client.models().list();
      assertThat(transport.last().headers().first("authorization")).isEqualTo("Bearer entra-token");
      assertThat(transport.last().headers().contains("api-key")).isFalse();
    }
  }
}
