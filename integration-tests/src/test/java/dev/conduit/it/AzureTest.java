package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static dev.conduit.it.ScriptedServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.errors.NotFoundException;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.embeddings.EmbeddingCreateParams;
import dev.conduit.models.files.FileListParams;
import dev.conduit.services.ChatCompletionStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Azure OpenAI over a real loopback server, JDK transport and Moshi: deployment routing, the
 * {@code api-version} query and {@code api-key} header on the versioned API, and the v1 surface.
 */
class AzureTest {
  private static final String VERSION = "2024-10-21";
  private static final String KEY = "azure-key-0123456789";
  private static final String EMBEDDING = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.5,-1.25]}],"
      + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}";

  private ScriptedServer server;
  private String endpoint;

  @BeforeEach
  void setUp() throws Exception {
    server = new ScriptedServer();
    endpoint = server.baseUrl().substring(0, server.baseUrl().length() - "/v1".length());
  }

  @AfterEach
  void tearDown() throws Exception {
    server.close();
  }

  private OpenAIClient.Builder azure() {
    return OpenAIClient.builder().azure(endpoint, VERSION).apiKey(KEY).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
  }

  private static ChatCompletionCreateParams chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hello").build();
  }

  @Test
  void chatCompletionGoesToTheModelsDeploymentWithApiVersionAndKey() throws Exception {
    server.enqueue(json(200, Fixtures.chatCompletion("\"Hi there\"", "null")));
    try (OpenAIClient client = azure().build()) {
      ChatCompletion c = client.chat().completions().create(chat("gpt-4o"));
      assertThat(c.choices().get(0).message().content()).isEqualTo("Hi there");
    }
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.method).isEqualTo("POST");
    assertThat(r.path).isEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=" + VERSION);
    assertThat(r.header("api-key")).isEqualTo(KEY);
    assertThat(r.header("authorization")).isNull();
    assertThat(TreeOf.json(r.bodyText())).containsEntry("model", "gpt-4o");
  }

  @Test
  void aConfiguredDeploymentRoutesChatStreamsAndEmbeddingsButNotFiles() throws Exception {
    server.enqueue(
        sse(List.of(Fixtures.chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", null), Fixtures.chunk("{\"content\":\"lo\"}", "stop"),
            "data: [DONE]\n\n"), Duration.ZERO, false),
        json(200, EMBEDDING),
        json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":false}"));
    try (OpenAIClient client = azure().azureDeployment("prod gpt").build()) {
      try (ChatCompletionStream s = client.chat().completions().stream(chat("gpt-4o"))) {
        assertThat(s.textDeltas().collect(Collectors.joining())).isEqualTo("Hello");
      }
      client.embeddings().create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input("hi").build());
      client.files().list(FileListParams.builder().build());
    }
    ScriptedServer.Recorded stream = server.takeRequest();
    assertThat(stream.path).isEqualTo("/openai/deployments/prod%20gpt/chat/completions?api-version=" + VERSION);
    assertThat(stream.header("accept")).isEqualTo("text/event-stream");
    assertThat(server.takeRequest().path).isEqualTo("/openai/deployments/prod%20gpt/embeddings?api-version=" + VERSION);
    ScriptedServer.Recorded files = server.takeRequest();
    assertThat(files.method).isEqualTo("GET");
    assertThat(files.path).startsWith("/openai/files?api-version=" + VERSION);
    assertThat(files.header("api-key")).isEqualTo(KEY);
  }

  @Test
  void asyncCallsAndRetriesKeepTheRoutedUrl() throws Exception {
    server.enqueue(json(503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}}"),
        json(200, Fixtures.chatCompletion("\"ok\"", "null")));
    try (OpenAIClient client = azure().build()) {
      ChatCompletion c = client.async().chat().completions().create(chat("gpt-4o-mini")).get();
      assertThat(c.choices().get(0).message().content()).isEqualTo("ok");
    }
    ScriptedServer.Recorded first = server.takeRequest();
    ScriptedServer.Recorded second = server.takeRequest();
    assertThat(first.path).isEqualTo("/openai/deployments/gpt-4o-mini/chat/completions?api-version=" + VERSION);
    assertThat(second.path).isEqualTo(first.path);
    assertThat(second.header("idempotency-key")).isEqualTo(first.header("idempotency-key"));
    assertThat(second.header("api-key")).isEqualTo(KEY);
  }

  @Test
  void anUnknownDeploymentIsANotFound() throws Exception {
    server.enqueue(json(404, "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this resource does not exist.\"}}"));
    try (OpenAIClient client = azure().build()) {
      assertThatThrownBy(() -> client.chat().completions().create(chat("nope")))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("The API deployment for this resource does not exist.");
    }
    assertThat(server.takeRequest().path).isEqualTo("/openai/deployments/nope/chat/completions?api-version=" + VERSION);
  }

  @Test
  void theV1SurfaceUsesOpenAIsPathsUnderOpenaiV1() throws Exception {
    server.enqueue(json(200, Fixtures.response("resp_1", "completed", "[" + Fixtures.message("Hi") + "]")),
        json(200, Fixtures.chatCompletion("\"Hi\"", "null")));
    try (OpenAIClient client = OpenAIClient.builder().azure(endpoint + "/openai/v1/").apiKey(KEY).build()) {
      assertThat(client.responses().retrieve("resp_1").outputText()).isEqualTo("Hi");
      client.chat().completions().create(chat("my-deployment"));
    }
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.path).isEqualTo("/openai/v1/responses/resp_1");
    assertThat(r.header("api-key")).isEqualTo(KEY);
    ScriptedServer.Recorded c = server.takeRequest();
    assertThat(c.path).isEqualTo("/openai/v1/chat/completions");
    assertThat(TreeOf.json(c.bodyText())).containsEntry("model", "my-deployment");
  }
}
