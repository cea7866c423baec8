package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.RawResponse;
import dev.conduit.RequestOptions;
import dev.conduit.core.Page;
import dev.conduit.errors.ConfigurationException;
import dev.conduit.errors.InternalServerException;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.chat.ChatCompletionTool;
import dev.conduit.models.embeddings.CreateEmbeddingResponse;
import dev.conduit.models.embeddings.EmbeddingCreateParams;
import dev.conduit.models.files.FileCreateParams;
import dev.conduit.models.files.FileObject;
import dev.conduit.models.files.FilePurpose;
import dev.conduit.models.models.Model;
import dev.conduit.models.responses.FunctionTool;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseFunctionToolCall;
import dev.conduit.models.responses.ResponseItem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesTest {
  public record Weather(String city, Unit unit) {}

  public enum Unit { CELSIUS, FAHRENHEIT }

  private ScriptedServer server;
  private OpenAIClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new ScriptedServer();
    client = Clients.client(server);
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void functionToolFromRecordWithTypedArguments() throws Exception {
    String call = "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"get_weather\","
        + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\",\\\"unit\\\":\\\"CELSIUS\\\"}\",\"status\":\"completed\"}";
    server.enqueue(json(200, Fixtures.response("resp_1", "completed", "[" + call + "]")));

    Response response = client.responses().create(ResponseCreateParams.builder().model("gpt-5").input("Weather in Paris?")
        .addTool(FunctionTool.fromRecord("get_weather", "Current weather", Weather.class)).build());

    ResponseFunctionToolCall toolCall = (ResponseFunctionToolCall) response.output().get(0);
    assertThat(toolCall.arguments(Weather.class)).isEqualTo(new Weather("Paris", Unit.CELSIUS));
    Map<String, Object> sent = TreeOf.json(server.takeRequest().bodyText());
    assertThat(sent.get("tools").toString()).contains("get_weather", "strict=true", "additionalProperties=false", "CELSIUS");
  }

  @Test
  void chatFunctionToolFromRecord() {
    String completion = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-5\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\",\\\"unit\\\":\\\"FAHRENHEIT\\\"}\"}}]},"
        + "\"finish_reason\":\"tool_calls\"}]}";
    server.enqueue(json(200, completion));

    ChatCompletion c = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-5")
        .addUserMessage("Weather?").addTool(ChatCompletionTool.fromRecord("get_weather", null, Weather.class)).build());

    assertThat(c.choices().get(0).message().toolCalls().get(0).function().arguments(Weather.class))
        .isEqualTo(new Weather("Oslo", Unit.FAHRENHEIT));
  }

  @Test
  void embeddingsAskForBase64AndDecodeBothForms() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putFloat(0.5f).putFloat(-1.25f).putFloat(3f);
    String base64 = Base64.getEncoder().encodeToString(b.array());
    server.enqueue(json(200, "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":\"" + base64 + "\"}],"
            + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}"),
        json(200, "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.5,-1.25,3]}],"
            + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}"));

    CreateEmbeddingResponse a = client.embeddings().create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input("hi").build());
    assertThat(TreeOf.json(server.takeRequest().bodyText())).containsEntry("encoding_format", "base64");
    CreateEmbeddingResponse f = client.embeddings().create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input("hi")
        .encodingFormat(dev.conduit.models.embeddings.EmbeddingEncodingFormat.FLOAT).build());
    assertThat(TreeOf.json(server.takeRequest().bodyText())).containsEntry("encoding_format", "float");

    assertThat(a.data().get(0).embedding()).containsExactly(0.5f, -1.25f, 3f);
    assertThat(f.data().get(0).embedding()).containsExactly(a.data().get(0).embedding());
  }

  private static String file(String id) {
    return "{\"id\":\"" + id + "\",\"object\":\"file\",\"bytes\":5,\"created_at\":1,\"filename\":\"a.jsonl\",\"purpose\":\"batch\"}";
  }

  @Test
  void fileUploadListPagesAndContent(@TempDir Path dir) throws Exception {
    Path upload = dir.resolve("data.jsonl");
    Files.writeString(upload, "{\"a\":1}\n");
    server.enqueue(json(200, file("file-1")),
        json(200, "{\"object\":\"list\",\"data\":[" + file("file-1") + "," + file("file-2") + "],\"has_more\":true,\"first_id\":\"file-1\",\"last_id\":\"file-2\"}"),
        json(200, "{\"object\":\"list\",\"data\":[" + file("file-3") + "],\"has_more\":false}"),
        ScriptedServer.respond(200, "application/octet-stream", "raw file bytes"));

    FileObject created = client.files().create(FileCreateParams.builder().file(upload).purpose(FilePurpose.BATCH).build());
    assertThat(created.id()).isEqualTo("file-1");
    ScriptedServer.Recorded multipart = server.takeRequest();
    assertThat(multipart.header("content-type")).startsWith("multipart/form-data; boundary=");
    assertThat(multipart.bodyText()).contains("name=\"purpose\"", "batch", "filename=\"data.jsonl\"", "{\"a\":1}");

    Page<FileObject> page = client.files().list();
    assertThat(page.stream().map(FileObject::id).collect(Collectors.toList())).containsExactly("file-1", "file-2", "file-3");
    server.takeRequest();
    assertThat(server.takeRequest().path).contains("after=file-2");

    try (InputStream in = client.files().content("file-1")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("raw file bytes");
    }
    assertThat(server.takeRequest().path).isEqualTo("/v1/files/file-1/content");
  }

  @Test
  void uploadFromAStreamIsNotRetried() {
    server.enqueue(json(503, "{}"), json(200, file("file-9")));

    assertThatThrownBy(() -> client.files().create(FileCreateParams.builder()
        .file(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), "x.txt").purpose(FilePurpose.USER_DATA).build()))
        .isInstanceOf(InternalServerException.class);
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void responsesRetrieveDeleteCancelAndInputItems() throws Exception {
    server.enqueue(json(200, Fixtures.response("resp_1", "completed", "[]")),
        json(200, "{\"id\":\"resp_1\",\"object\":\"response\",\"deleted\":true}"),
        json(200, Fixtures.response("resp_1", "cancelled", "[]")),
        json(200, "{\"object\":\"list\",\"data\":[{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"user\",\"status\":\"completed\","
            + "\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}],\"first_id\":\"msg_1\",\"last_id\":\"msg_1\",\"has_more\":false}"));

    assertThat(client.responses().retrieve("resp_1").id()).isEqualTo("resp_1");
    client.responses().delete("resp_1");
    assertThat(client.responses().cancel("resp_1").status().value()).isEqualTo("cancelled");
    List<ResponseItem> items = client.responses().inputItems().list("resp_1").data();
    assertThat(items).hasSize(1);
    assertThat(items.get(0).type()).isEqualTo("message");

    assertThat(server.takeRequest().path).isEqualTo("/v1/responses/resp_1");
    ScriptedServer.Recorded delete = server.takeRequest();
    assertThat(delete.method).isEqualTo("DELETE");
    ScriptedServer.Recorded cancel = server.takeRequest();
    assertThat(cancel.method + " " + cancel.path).isEqualTo("POST /v1/responses/resp_1/cancel");
    assertThat(server.takeRequest().path).isEqualTo("/v1/responses/resp_1/input_items");
  }

  @Test
  void rawResponseGivesStatusHeadersAndRequestId() {
    server.enqueue(json(200, "{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}", "x-request-id", "req_raw"));

    RawResponse<Model> raw = client.withRawResponse(c -> c.models().retrieve("gpt-5"));

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.requestId()).isEqualTo("req_raw");
    assertThat(raw.headers().first("content-type")).isEqualTo("application/json");
    assertThat(raw.body().ownedBy()).isEqualTo("openai");
  }

  @Test
  void asyncRawResponse() {
    server.enqueue(json(200, "{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}", "x-request-id", "req_a"));

    RawResponse<Model> raw = client.async().withRawResponse(c -> c.models().retrieve("gpt-5")).join();

    assertThat(raw.requestId()).isEqualTo("req_a");
    assertThat(raw.body().id()).isEqualTo("gpt-5");
  }

  @Test
  void postGetsOneIdempotencyKeyAcrossAttemptsAndUserKeyWins() throws Exception {
    server.enqueue(json(500, "{}"), json(429, "{}"), json(200, Fixtures.response("resp_1", "completed", "[]")),
        json(200, Fixtures.response("resp_2", "completed", "[]")));
    ResponseCreateParams params = ResponseCreateParams.builder().model("gpt-5").input("hi").build();

    client.responses().create(params);
    String key = server.takeRequest().header("idempotency-key");
    assertThat(key).startsWith("conduit-");
    assertThat(server.takeRequest().header("idempotency-key")).isEqualTo(key);
    assertThat(server.takeRequest().header("idempotency-key")).isEqualTo(key);

    client.responses().create(params, RequestOptions.builder().idempotencyKey("my-key-1").build());
    assertThat(server.takeRequest().header("idempotency-key")).isEqualTo("my-key-1");
  }

  @Test
  void headersOptionsAndExtraBodyFields() throws Exception {
    server.enqueue(json(200, Fixtures.response("resp_1", "completed", "[]")));
    OpenAIClient configured = client.withOptions(b -> b.organization("org-9").project("proj-9").defaultHeader("X-Team", "a")
        .defaultQueryParam("api-version", "2025-01-01"));

    configured.responses().create(ResponseCreateParams.builder().model("gpt-5").input("hi").putJsonField("new_param", 3).build(),
        RequestOptions.builder().header("X-Team", "b").bodyField("extra", List.of(1, 2)).queryParam("q", "v w").build());

    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.header("authorization")).isEqualTo("Bearer " + Clients.KEY);
    assertThat(r.header("openai-organization")).isEqualTo("org-9");
    assertThat(r.header("openai-project")).isEqualTo("proj-9");
    assertThat(r.header("x-team")).isEqualTo("b");
    assertThat(r.header("user-agent")).startsWith("conduit-java/").contains("transport jdk", "json moshi");
    assertThat(r.path).isEqualTo("/v1/responses?api-version=2025-01-01&q=v%20w");
    assertThat(TreeOf.json(r.bodyText())).containsEntry("new_param", 3L).containsEntry("extra", List.of(1L, 2L));
  }

  @Test
  void azureStyleApiKeyHeader() throws Exception {
    server.enqueue(json(200, "{\"id\":\"m\",\"object\":\"model\",\"created\":1,\"owned_by\":\"azure\"}"));
    try (OpenAIClient azure = OpenAIClient.builder().baseUrl(server.baseUrl()).apiKeyHeader("azure-key").build()) {
      azure.models().retrieve("m");
    }
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.header("api-key")).isEqualTo("azure-key");
    assertThat(r.header("authorization")).isNull();
  }

  @Test
  void discoveryWithOnlyTheJarsNeedsNoConfigurationAndNamesWork() {
    assertThat(client.toString()).contains("transport=jdk", "json=moshi");
    try (OpenAIClient byName = Clients.builder(server).transport("jdk").jsonCodec("moshi").build()) {
      assertThat(byName.toString()).contains("transport=jdk");
    }
    assertThatThrownBy(() -> Clients.builder(server).transport("netty-x").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No transport named 'netty-x'")
        .hasMessageContaining("jdk (priority 100)");
    assertThatThrownBy(() -> Clients.builder(server).jsonCodec("gson").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("moshi (priority 100)")
        .hasMessageContaining("conduit-json-gson");
  }
}
