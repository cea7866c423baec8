package dev.conduit.testing.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.MultipartField;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.NotFoundException;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.batches.BatchListParams;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import com.openai.models.models.Model;
import com.openai.models.responses.CompactedResponse;
import com.openai.models.responses.ResponseCompactParams;
import com.openai.models.responses.ResponseCompactionItem;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputMessage;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.inputtokens.InputTokenCountParams;
import com.openai.models.responses.inputtokens.InputTokenCountResponse;
import com.openai.models.uploads.Upload;
import com.openai.models.uploads.UploadCompleteParams;
import com.openai.models.uploads.UploadCreateParams;
import com.openai.models.uploads.parts.PartCreateParams;
import com.openai.models.uploads.parts.UploadPart;
import dev.conduit.testing.FakeOpenAI;
import dev.conduit.testing.FakeReply;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conformance against a client nobody here wrote: the official {@code com.openai:openai-java} SDK
 * talks to the loopback fake, and every object it receives must pass the SDK's own strict
 * {@code validate()} (required fields present, types right).
 */
class OfficialSdkFidelityTest {
  private static FakeOpenAI fake;
  private static OpenAIClient sdk;

  @BeforeAll
  static void start() {
    fake = FakeOpenAI.start();
    sdk = OpenAIOkHttpClient.builder().apiKey("sk-official-sdk").baseUrl(fake.baseUrl()).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    sdk.close();
    fake.close();
  }

  @BeforeEach
  void fresh() {
    fake.reset();
  }

  private static String text(Response r) {
    return r.output().stream().flatMap(o -> o.message().stream()).map(ResponseOutputMessage::content)
        .flatMap(List::stream).flatMap(c -> c.outputText().stream()).map(ResponseOutputText::text)
        .collect(Collectors.joining());
  }

  @Test
  void modelsList() {
    List<Model> models = sdk.models().list().data();
    models.forEach(Model::validate);
    assertThat(models).extracting(Model::id).contains("gpt-4o", "text-embedding-3-small");
    assertThat(sdk.models().retrieve("gpt-4o").ownedBy()).isEqualTo("system");
  }

  @Test
  void responsesCreate() {
    Response r = sdk.responses().create(ResponseCreateParams.builder().model("gpt-4o").input("Hello, official SDK").build());
    r.validate();
    assertThat(r.status()).contains(ResponseStatus.COMPLETED);
    assertThat(text(r)).isEqualTo("Hello, official SDK");
    assertThat(r.usage().orElseThrow().totalTokens()).isPositive();
    assertThat(fake.lastRequest().header("authorization")).isEqualTo("Bearer sk-official-sdk");
    Response again = sdk.responses().retrieve(r.id());
    again.validate();
    assertThat(again.id()).isEqualTo(r.id());
  }

  @Test
  void responsesCompactAndInputTokens() {
    Response first = sdk.responses().create(ResponseCreateParams.builder().model("gpt-4o").input("My name is Ada.").build());
    InputTokenCountResponse count = sdk.responses().inputTokens().count(InputTokenCountParams.builder().model("gpt-4o")
        .previousResponseId(first.id()).input("What is my name?").build());
    count.validate();
    Response second = sdk.responses().create(ResponseCreateParams.builder().model("gpt-4o").previousResponseId(first.id())
        .input("What is my name?").build());
    assertThat(count.inputTokens()).isEqualTo(second.usage().orElseThrow().inputTokens());

    CompactedResponse compacted = sdk.responses().compact(ResponseCompactParams.builder().model("gpt-4o")
        .previousResponseId(second.id()).build());
    // not compacted.validate(): the SDK types this output as output items, whose message content must be
    // output_text, while the kept user messages carry input_text, as in the API reference's example
    compacted.usage().validate();
    assertThat(compacted.output().get(0).isMessage()).isTrue();
    assertThat(compacted.id()).startsWith("resp_");
    assertThat(compacted.createdAt()).isPositive();
    assertThat(compacted.output()).hasSize(3);
    ResponseCompactionItem item = compacted.output().get(2).asCompaction();
    item.validate();
    assertThat(item.id()).startsWith("cmp_");
    assertThat(item.encryptedContent()).startsWith("gAAAAAB");
    assertThat(compacted.usage().inputTokens()).isEqualTo(sdk.responses().inputTokens().count(InputTokenCountParams
        .builder().model("gpt-4o").previousResponseId(second.id()).build()).inputTokens());
  }

  @Test
  void responsesStream() {
    fake.reply(FakeReply.reasoning("Plan.").plus(FakeReply.text("Streamed through the SDK")));
    List<ResponseStreamEvent> events;
    try (StreamResponse<ResponseStreamEvent> s = sdk.responses().createStreaming(ResponseCreateParams.builder()
        .model("o4-mini").input("go").build())) {
      events = s.stream().collect(Collectors.toList());
    }
    events.forEach(ResponseStreamEvent::validate);
    assertThat(events.get(0).created()).isPresent();
    assertThat(events.get(1).inProgress()).isPresent();
    String deltas = events.stream().flatMap(e -> e.outputTextDelta().stream()).map(d -> d.delta())
        .collect(Collectors.joining());
    assertThat(deltas).isEqualTo("Streamed through the SDK");
    ResponseStreamEvent last = events.get(events.size() - 1);
    assertThat(last.isCompleted()).isTrue();
    assertThat(text(last.asCompleted().response())).isEqualTo("Streamed through the SDK");
  }

  @Test
  void chatCreate() {
    ChatCompletion c = sdk.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
        .addUserMessage("Bonjour le SDK").build());
    c.validate();
    assertThat(c.choices().get(0).message().content()).contains("Bonjour le SDK");
    assertThat(c.choices().get(0).finishReason().asString()).isEqualTo("stop");
    assertThat(c.usage().orElseThrow().completionTokens()).isEqualTo(3);
  }

  @Test
  void chatStreamWithUsage() {
    List<ChatCompletionChunk> chunks;
    try (StreamResponse<ChatCompletionChunk> s = sdk.chat().completions().createStreaming(ChatCompletionCreateParams
        .builder().model("gpt-4o").addUserMessage("chunk me up")
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
      chunks = s.stream().collect(Collectors.toList());
    }
    chunks.forEach(ChatCompletionChunk::validate);
    String text = chunks.stream().flatMap(ch -> ch.choices().stream()).flatMap(ch -> ch.delta().content().stream())
        .collect(Collectors.joining());
    assertThat(text).isEqualTo("chunk me up");
    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.choices()).isEmpty();
    assertThat(last.usage().orElseThrow().completionTokens()).isEqualTo(3);
  }

  @Test
  void embeddings() {
    CreateEmbeddingResponse e = sdk.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").input("embed me").dimensions(64).build());
    e.validate();
    List<Float> v = e.data().get(0).embedding();
    assertThat(v).hasSize(64);
    double norm = Math.sqrt(v.stream().mapToDouble(f -> f * f).sum());
    assertThat(norm).isBetween(0.999, 1.001);
    assertThat(fake.lastRequest().bodyJson()).containsKey("model");
  }

  @Test
  void filesUploadListRetrieveContentDelete() throws Exception {
    byte[] content = "{\"text\":\"official\"}\n".getBytes(StandardCharsets.UTF_8);
    FileObject f = sdk.files().create(FileCreateParams.builder()
        .file(MultipartField.<InputStream>builder().value(new ByteArrayInputStream(content)).filename("data.jsonl").build())
        .purpose(FilePurpose.USER_DATA).build());
    f.validate();
    assertThat(f.filename()).isEqualTo("data.jsonl");
    assertThat(f.bytes()).isEqualTo(content.length);
    assertThat(fake.lastRequest().header("content-type")).startsWith("multipart/form-data");

    assertThat(sdk.files().list().data()).extracting(FileObject::id).containsExactly(f.id());
    FileObject again = sdk.files().retrieve(f.id());
    again.validate();
    assertThat(again.purpose().asString()).isEqualTo("user_data");
    try (HttpResponse body = sdk.files().content(f.id())) {
      assertThat(body.body().readAllBytes()).isEqualTo(content);
    }
    assertThat(sdk.files().delete(f.id()).deleted()).isTrue();
    assertThatThrownBy(() -> sdk.files().retrieve(f.id())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("No such File object");
  }

  @Test
  void uploadsThenBatchesCreateRetrieveListCancel() throws Exception {
    String line = "{\"custom_id\":\"one\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":"
        + "{\"model\":\"text-embedding-3-small\",\"input\":\"official batch\"}}\n";
    byte[] content = line.getBytes(StandardCharsets.UTF_8);
    int half = content.length / 2;
    Upload upload = sdk.uploads().create(UploadCreateParams.builder().filename("in.jsonl").purpose(FilePurpose.BATCH)
        .bytes(content.length).mimeType("text/jsonl").build());
    upload.validate();
    UploadPart a = sdk.uploads().parts().create(upload.id(), PartCreateParams.builder()
        .data(java.util.Arrays.copyOfRange(content, 0, half)).build());
    UploadPart b = sdk.uploads().parts().create(upload.id(), PartCreateParams.builder()
        .data(java.util.Arrays.copyOfRange(content, half, content.length)).build());
    a.validate();
    Upload done = sdk.uploads().complete(upload.id(), UploadCompleteParams.builder().addPartId(a.id()).addPartId(b.id())
        .build());
    done.validate();
    assertThat(done.status()).isEqualTo(Upload.Status.COMPLETED);
    String inputId = done.file().orElseThrow().id();

    Batch created = sdk.batches().create(BatchCreateParams.builder().inputFileId(inputId)
        .endpoint(BatchCreateParams.Endpoint.V1_EMBEDDINGS).completionWindow(BatchCreateParams.CompletionWindow._24H)
        .build());
    created.validate();
    assertThat(created.status()).isEqualTo(Batch.Status.VALIDATING);
    Batch batch = sdk.batches().retrieve(created.id());
    batch.validate();
    assertThat(batch.status()).isEqualTo(Batch.Status.COMPLETED);
    assertThat(batch.requestCounts().orElseThrow().completed()).isEqualTo(1);
    try (HttpResponse out = sdk.files().content(batch.outputFileId().orElseThrow())) {
      assertThat(new String(out.body().readAllBytes(), StandardCharsets.UTF_8)).contains("\"custom_id\":\"one\"")
          .contains("\"status_code\":200");
    }
    Batch cancelling = sdk.batches().cancel(sdk.batches().create(BatchCreateParams.builder().inputFileId(inputId)
        .endpoint(BatchCreateParams.Endpoint.V1_EMBEDDINGS).completionWindow(BatchCreateParams.CompletionWindow._24H)
        .build()).id());
    cancelling.validate();
    assertThat(cancelling.status()).isEqualTo(Batch.Status.CANCELLING);
    List<Batch> listed = sdk.batches().list(BatchListParams.builder().limit(1).build()).autoPager().stream()
        .collect(Collectors.toList());
    listed.forEach(Batch::validate);
    assertThat(listed).extracting(Batch::id).containsExactly(cancelling.id(), batch.id());
    assertThatThrownBy(() -> sdk.batches().cancel(batch.id())).isInstanceOfSatisfying(OpenAIServiceException.class,
        e -> assertThat(e.statusCode()).isEqualTo(409));
  }
}
