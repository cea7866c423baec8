package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.core.FileUpload;
import dev.conduit.errors.NotFoundException;
import dev.conduit.models.batches.Batch;
import dev.conduit.models.batches.CreateBatchRequest;
import dev.conduit.models.beta.BetaGetResponseParams;
import dev.conduit.models.conversations.ConversationItem;
import dev.conduit.models.shared.Message;
import dev.conduit.models.shared.MessageContent;
import dev.conduit.models.uploads.AddUploadPartRequest;
import dev.conduit.models.uploads.UploadPart;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other shapes of generated operations: JSON, unions, uploads with progress, downloads, void, SDP, headers. */
class GeneratedCallsTest {
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
  void jsonBodiesAndModels() throws Exception {
    server.enqueue(json(200, "{\"id\":\"batch_1\",\"object\":\"batch\",\"endpoint\":\"/v1/responses\",\"input_file_id\":\"file_1\","
        + "\"completion_window\":\"24h\",\"status\":\"validating\",\"created_at\":1711471533,\"brand_new_field\":{\"x\":1}}"));
    CreateBatchRequest params = CreateBatchRequest.builder()
        .inputFileId("file_1")
        .endpoint(CreateBatchRequest.Endpoint.V1_RESPONSES)
        .putJsonField("completion_window", "24h")
        .metadata(Map.of("job", "nightly"))
        .build();
    Batch batch = client.batches().create(params);
    assertThat(batch.id()).isEqualTo("batch_1");
    assertThat(batch.status()).isEqualTo(Batch.Status.VALIDATING);
    assertThat(batch.createdAt()).isEqualTo(1711471533L);
    assertThat(batch.completedAt()).isNull();
    assertThat(batch.jsonField("brand_new_field")).isEqualTo(Map.of("x", 1L));
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.method).isEqualTo("POST");
    assertThat(r.path).isEqualTo("/v1/batches");
    assertThat(r.bodyText()).contains("\"input_file_id\":\"file_1\"").contains("\"endpoint\":\"/v1/responses\"")
        .contains("\"metadata\":{\"job\":\"nightly\"}");
    assertThat(r.header("idempotency-key")).isNotBlank();

    assertThatThrownBy(() -> CreateBatchRequest.builder().inputFileId("file_1").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("endpoint");
  }

  @Test
  void openEnumsKeepUnknownValues() throws Exception {
    server.enqueue(json(200, "{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"defrosting\"}"));
    Batch batch = client.async().batches().retrieve("batch_1").get(10, TimeUnit.SECONDS);
    assertThat(batch.status().value()).isEqualTo("defrosting");
    assertThat(batch.status()).isNotEqualTo(Batch.Status.COMPLETED);
    assertThat(server.takeRequest().path).isEqualTo("/v1/batches/batch_1");
  }

  @Test
  void unionsDecodeToTheirVariant() throws Exception {
    server.enqueue(json(200, "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\",\"annotations\":[]}]}"),
        json(200, "{\"type\":\"hologram\",\"id\":\"h_1\"}"));
    ConversationItem item = client.conversations().items().retrieve("conv 1", "msg_1");
    assertThat(item).isInstanceOf(Message.class);
    Message m = (Message) item;
    assertThat(m.content()).hasSize(1);
    MessageContent part = m.content().get(0);
    assertThat(part.toJson()).containsEntry("text", "Hi");
    assertThat(server.takeRequest().path).isEqualTo("/v1/conversations/conv%201/items/msg_1");

    ConversationItem unknown = client.conversations().items().retrieve("conv_1", "h_1");
    assertThat(unknown).isInstanceOf(ConversationItem.Unknown.class);
    assertThat(unknown.toJson()).containsEntry("type", "hologram");
  }

  @Test
  void uploadPartsReportProgress(@TempDir Path dir) throws Exception {
    byte[] data = new byte[100_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('a' + i % 26);
    }
    Path file = dir.resolve("chunk.bin");
    Files.write(file, data);
    List<long[]> progress = new ArrayList<>();
    server.enqueue(json(200, "{\"id\":\"part_1\",\"object\":\"upload.part\",\"created_at\":1,\"upload_id\":\"upload_1\"}"));
    UploadPart part = client.uploads().parts().create("upload_1", AddUploadPartRequest.builder()
        .data(FileUpload.of(file).withProgress((sent, total) -> progress.add(new long[] {sent, total})))
        .build());
    assertThat(part.id()).isEqualTo("part_1");
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.path).isEqualTo("/v1/uploads/upload_1/parts");
    assertThat(r.bodyText()).contains("name=\"data\"; filename=\"chunk.bin\"").contains(new String(data, StandardCharsets.US_ASCII));
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(0)).containsExactly(0, 100_000);
    assertThat(progress.get(progress.size() - 1)).containsExactly(100_000, 100_000);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
    }
  }

  @Test
  void binaryDownloadsStream() throws Exception {
    server.enqueue(ScriptedServer.respond(200, "application/octet-stream", "file-content"),
        ScriptedServer.respond(200, "application/octet-stream", "file-content"),
        json(404, "{\"error\":{\"message\":\"No such file\",\"type\":\"invalid_request_error\"}}"));
    try (InputStream in = client.containers().files().content("cntr_1", "file_1")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("file-content");
    }
    assertThat(server.takeRequest().path).isEqualTo("/v1/containers/cntr_1/files/file_1/content");

    List<ByteBuffer> chunks = GeneratedPagingTest.collect(
        client.async().containers().files().content("cntr_1", "file_1").get(10, TimeUnit.SECONDS));
    StringBuilder sb = new StringBuilder();
    chunks.forEach(b -> sb.append(StandardCharsets.UTF_8.decode(b)));
    assertThat(sb).hasToString("file-content");
    server.takeRequest();

    assertThatThrownBy(() -> client.containers().files().content("cntr_1", "nope")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void operationsWithoutAnAnswerBody() throws Exception {
    server.enqueue(ScriptedServer.respond(200, "application/json", ""), ScriptedServer.respond(200, "application/json", ""));
    client.containers().delete("cntr_1");
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.method).isEqualTo("DELETE");
    assertThat(r.path).isEqualTo("/v1/containers/cntr_1");
    client.async().realtime().calls().hangup("call_1").get(10, TimeUnit.SECONDS);
    assertThat(server.takeRequest().path).isEqualTo("/v1/realtime/calls/call_1/hangup");
  }

  @Test
  void realtimeCallsExchangeSdp() throws Exception {
    server.enqueue(ScriptedServer.respond(201, "application/sdp", "v=0\r\no=answer\r\n"));
    String answer = client.realtime().calls().create("v=0\r\no=offer\r\n");
    assertThat(answer).isEqualTo("v=0\r\no=answer\r\n");
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.header("content-type")).isEqualTo("application/sdp");
    assertThat(r.bodyText()).isEqualTo("v=0\r\no=offer\r\n");
  }

  @Test
  void headerParametersAreSentAsHeaders() throws Exception {
    server.enqueue(json(200, "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\"}"));
    client.beta().responses().retrieve("resp_1", BetaGetResponseParams.builder()
        .openaiBeta(List.of("responses_multi_agent=v1")).includeObfuscation(false).build());
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.header("openai-beta")).isEqualTo("responses_multi_agent=v1");
    assertThat(r.path).isEqualTo("/v1/responses/resp_1?include_obfuscation=false");
  }
}
