package dev.conduit.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.core.FileUpload;
import dev.conduit.errors.BadRequestException;
import dev.conduit.errors.ConflictException;
import dev.conduit.models.batches.Batch;
import dev.conduit.models.batches.CreateBatchRequest;
import dev.conduit.models.batches.ListBatchesParams;
import dev.conduit.models.files.FileListParams;
import dev.conduit.models.files.FileObject;
import dev.conduit.models.files.FilePurpose;
import dev.conduit.models.uploads.AddUploadPartRequest;
import dev.conduit.models.uploads.CompleteUploadRequest;
import dev.conduit.models.uploads.CreateUploadRequest;
import dev.conduit.models.uploads.Upload;
import dev.conduit.testing.FakeOpenAI;
import dev.conduit.testing.FakeReply;
import dev.conduit.testing.support.Trees;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conduit's generated typed services end to end against the fake: a batch input file sent in parts
 * through {@code client.uploads()}, run with {@code client.batches()}, its results read with
 * {@code client.files()}; in memory and on loopback.
 */
class UploadsAndBatchesClientTest {
  /** Where the fake runs and how the client reaches it. */
  enum Mode {
    IN_MEMORY(FakeOpenAI::inMemory, (b, fake) -> b.transport(fake.transport())),
    LOOPBACK(FakeOpenAI::start, (b, fake) -> b.transport("jdk"));

    private final Supplier<FakeOpenAI> start;
    private final BiFunction<OpenAIClient.Builder, FakeOpenAI, OpenAIClient.Builder> transport;

    Mode(Supplier<FakeOpenAI> start, BiFunction<OpenAIClient.Builder, FakeOpenAI, OpenAIClient.Builder> transport) {
      this.start = start;
      this.transport = transport;
    }

    OpenAIClient client(FakeOpenAI fake) {
      return transport.apply(OpenAIClient.builder().baseUrl(fake.baseUrl()), fake).apiKey("sk-test").maxRetries(0).build();
    }
  }

  private static String line(String customId, String text) {
    return "{\"custom_id\":\"" + customId + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
        + "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}}\n";
  }

  private static CreateBatchRequest chatBatch(String inputId, Map<String, String> metadata) {
    return CreateBatchRequest.builder().inputFileId(inputId).endpoint(CreateBatchRequest.Endpoint.V1_CHAT_COMPLETIONS)
        .metadata(metadata).build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void uploadInPartsThenRunABatchAndReadItsFiles(Mode mode) throws Exception {
    try (FakeOpenAI fake = mode.start.get(); OpenAIClient client = mode.client(fake)) {
      run(fake, client);
    }
  }

  private static void run(FakeOpenAI fake, OpenAIClient client) throws Exception {
    String first = line("q1", "one");
    String second = line("q2", "two") + line("q3", "three");
    byte[] whole = (first + second).getBytes(StandardCharsets.UTF_8);
    Upload upload = client.uploads().create(CreateUploadRequest.builder().filename("requests.jsonl")
        .purpose(CreateUploadRequest.Purpose.BATCH).bytes(whole.length).mimeType("text/jsonl").build());
    assertThat(upload.status()).isEqualTo(Upload.Status.PENDING);
    String p2 = client.uploads().parts().create(upload.id(), AddUploadPartRequest.builder()
        .data(FileUpload.of(second.getBytes(StandardCharsets.UTF_8), "part-2")).build()).id();
    String p1 = client.uploads().parts().create(upload.id(), AddUploadPartRequest.builder()
        .data(FileUpload.of(first.getBytes(StandardCharsets.UTF_8), "part-1")).build()).id();
    assertThatThrownBy(() -> client.uploads().complete(upload.id(), CompleteUploadRequest.builder()
        .partIds(List.of(p1)).build())).isInstanceOf(BadRequestException.class);
    Upload done = client.uploads().complete(upload.id(), CompleteUploadRequest.builder().partIds(List.of(p1, p2)).build());
    assertThat(done.status()).isEqualTo(Upload.Status.COMPLETED);
    String inputId = done.file().id();
    try (InputStream in = client.files().content(inputId)) {
      assertThat(in.readAllBytes()).isEqualTo(whole);
    }

    fake.reply(FakeReply.text("scripted"));
    Batch created = client.batches().create(chatBatch(inputId, Map.of("run", "client-test")));
    assertThat(created.status()).isEqualTo(Batch.Status.VALIDATING);
    assertThat(created.completionWindow()).isEqualTo("24h");
    Batch batch = client.batches().retrieve(created.id());
    assertThat(batch.status()).isEqualTo(Batch.Status.COMPLETED);
    assertThat(batch.requestCounts().total()).isEqualTo(3);
    assertThat(batch.requestCounts().completed()).isEqualTo(3);
    assertThat(batch.errorFileId()).isNull();
    assertThat(batch.metadata()).containsEntry("run", "client-test");
    assertThat(batch.usage().outputTokens()).isPositive();

    FileObject output = client.files().retrieve(batch.outputFileId());
    assertThat(output.purpose()).isEqualTo(FilePurpose.BATCH_OUTPUT);
    assertThat(client.files().list(FileListParams.builder().purpose(FilePurpose.BATCH_OUTPUT).build()).data())
        .extracting(FileObject::id).containsExactly(output.id());
    List<String> answers = new ArrayList<>();
    try (InputStream in = client.files().content(output.id())) {
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        answers.add(Trees.at(Trees.object(l), "custom_id") + "=" + Trees.at(Trees.object(l), "response", "body",
            "choices", 0, "message", "content"));
      }
    }
    assertThat(answers).containsExactly("q1=scripted", "q2=two", "q3=three");

    String other = client.batches().create(chatBatch(inputId, Map.of())).id();
    assertThat(client.batches().cancel(other).status()).isEqualTo(Batch.Status.CANCELLING);
    List<Batch> all = new ArrayList<>();
    client.batches().list(ListBatchesParams.builder().limit(1).build()).autoPager().forEach(all::add);
    assertThat(all).extracting(Batch::id).containsExactly(other, batch.id());
    assertThat(all).extracting(Batch::status).containsExactly(Batch.Status.CANCELLED, Batch.Status.COMPLETED);
    assertThatThrownBy(() -> client.batches().cancel(batch.id())).isInstanceOf(ConflictException.class)
        .hasMessageContaining("Cannot cancel a batch with status 'completed'");
  }
}
