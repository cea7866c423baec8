package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.dataEvents;
import static dev.conduit.it.ScriptedServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.core.EventStream;
import dev.conduit.core.FileUpload;
import dev.conduit.errors.StreamException;
import dev.conduit.models.audio.CreateSpeechRequest;
import dev.conduit.models.audio.CreateSpeechResponseStreamEvent;
import dev.conduit.models.audio.CreateTranscriptionRequest;
import dev.conduit.models.audio.CreateTranscriptionResponseStreamEvent;
import dev.conduit.models.audio.SpeechAudioDeltaEvent;
import dev.conduit.models.audio.SpeechAudioDoneEvent;
import dev.conduit.models.audio.TranscriptTextDeltaEvent;
import dev.conduit.models.audio.TranscriptTextDoneEvent;
import dev.conduit.models.beta.BetaCreateResponse;
import dev.conduit.models.beta.BetaResponseCompletedEvent;
import dev.conduit.models.beta.BetaResponseCreatedEvent;
import dev.conduit.models.beta.BetaResponseStreamEvent;
import dev.conduit.models.beta.BetaResponseTextDeltaEvent;
import dev.conduit.models.images.CreateImageEditRequest;
import dev.conduit.models.images.CreateImageRequest;
import dev.conduit.models.images.ImageEditCompletedEvent;
import dev.conduit.models.images.ImageEditPartialImageEvent;
import dev.conduit.models.images.ImageEditStreamEvent;
import dev.conduit.models.images.ImageGenCompletedEvent;
import dev.conduit.models.images.ImageGenPartialImageEvent;
import dev.conduit.models.images.ImageGenStreamEvent;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every generated SSE endpoint streams, blocking and asynchronously, with typed events: images
 * (generation and edits, partial images), speech, transcriptions and the beta Responses API; each
 * request asks for the stream the way its endpoint expects ({@code stream: true}, a multipart
 * {@code stream} field, or {@code stream_format: sse}).
 */
class GeneratedStreamsTest {
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

  /** Follows an accessor chain such as {@code vectorStores.files} from a client. */
  static Object resolve(Object client, String accessor) throws Exception {
    Object o = client;
    for (String segment : accessor.split("\\.")) {
      Method m = o.getClass().getMethod(segment);
      o = m.invoke(o);
    }
    return o;
  }

  private static <T> List<T> drain(EventStream<T> stream) {
    List<T> out = new ArrayList<>();
    try (EventStream<T> s = stream) {
      s.forEach(out::add);
    }
    return out;
  }

  @Test
  void imageGenerationStreamsPartialImages() throws Exception {
    List<String> events = dataEvents(
        "{\"type\":\"image_generation.partial_image\",\"b64_json\":\"AAA\",\"partial_image_index\":0,\"created_at\":1,\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\"}",
        "{\"type\":\"image_generation.completed\",\"b64_json\":\"BBB\",\"created_at\":2,\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\",\"usage\":{\"total_tokens\":3,\"input_tokens\":1,\"output_tokens\":2,\"input_tokens_details\":{\"text_tokens\":1,\"image_tokens\":0}}}");
    server.enqueue(sse(events, Duration.ZERO, false), sse(events, Duration.ZERO, false));
    CreateImageRequest params = CreateImageRequest.builder().prompt("a lighthouse").partialImages(1).build();

    List<ImageGenStreamEvent> got = drain(client.images().generateStream(params));
    assertThat(got).hasSize(2);
    assertThat(got.get(0)).isInstanceOf(ImageGenPartialImageEvent.class);
    assertThat(((ImageGenPartialImageEvent) got.get(0)).b64Json()).isEqualTo("AAA");
    assertThat(((ImageGenPartialImageEvent) got.get(0)).partialImageIndex()).isZero();
    assertThat(got.get(1)).isInstanceOf(ImageGenCompletedEvent.class);
    assertThat(((ImageGenCompletedEvent) got.get(1)).usage().totalTokens()).isEqualTo(3);
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.path).isEqualTo("/v1/images/generations");
    assertThat(r.header("accept")).contains("text/event-stream");
    assertThat(r.bodyText()).contains("\"stream\":true").contains("\"prompt\":\"a lighthouse\"");

    List<ImageGenStreamEvent> async = GeneratedPagingTest.collect(client.async().images().generateStream(params));
    assertThat(async).extracting(ImageGenStreamEvent::type)
        .containsExactly("image_generation.partial_image", "image_generation.completed");
  }

  @Test
  void imageEditStreamsAsAMultipartUpload() throws Exception {
    server.enqueue(sse(dataEvents(
        "{\"type\":\"image_edit.partial_image\",\"b64_json\":\"AAA\",\"partial_image_index\":0}",
        "{\"type\":\"image_edit.completed\",\"b64_json\":\"BBB\"}"), Duration.ZERO, false));
    CreateImageEditRequest params = CreateImageEditRequest.builder()
        .image(List.of(FileUpload.of("png-bytes".getBytes(StandardCharsets.UTF_8), "in.png").withContentType("image/png")))
        .prompt("add a hat")
        .build();
    List<ImageEditStreamEvent> got = drain(client.images().editStream(params));
    assertThat(got).hasSize(2);
    assertThat(got.get(0)).isInstanceOf(ImageEditPartialImageEvent.class);
    assertThat(got.get(1)).isInstanceOf(ImageEditCompletedEvent.class);
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.header("content-type")).startsWith("multipart/form-data; boundary=");
    assertThat(r.bodyText())
        .contains("name=\"prompt\"\r\n\r\nadd a hat\r\n")
        .contains("name=\"stream\"\r\n\r\ntrue\r\n")
        .contains("name=\"image\"; filename=\"in.png\"\r\nContent-Type: image/png\r\n\r\npng-bytes\r\n");
  }

  @Test
  void speechStreamsAudioDeltasAndDownloadsAsBytes() throws Exception {
    server.enqueue(
        sse(dataEvents("{\"type\":\"speech.audio.delta\",\"audio\":\"UklG\"}",
            "{\"type\":\"speech.audio.done\",\"usage\":{\"input_tokens\":3,\"output_tokens\":5,\"total_tokens\":8}}"),
            Duration.ZERO, false),
        ScriptedServer.respond(200, "application/octet-stream", "RIFF-audio"));
    CreateSpeechRequest params = CreateSpeechRequest.builder()
        .model(CreateSpeechRequest.Model.of("gpt-4o-mini-tts")).input("Hello").voice("alloy").build();

    List<CreateSpeechResponseStreamEvent> got = drain(client.audio().speech().stream(params));
    assertThat(got.get(0)).isInstanceOf(SpeechAudioDeltaEvent.class);
    assertThat(((SpeechAudioDeltaEvent) got.get(0)).audio()).isEqualTo("UklG");
    assertThat(got.get(1)).isInstanceOf(SpeechAudioDoneEvent.class);
    assertThat(server.takeRequest().bodyText()).contains("\"stream_format\":\"sse\"");

    try (var in = client.audio().speech().create(params)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("RIFF-audio");
    }
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.header("accept")).isEqualTo("application/octet-stream");
    assertThat(r.bodyText()).doesNotContain("stream_format");
  }

  @Test
  void transcriptionStreamsTextDeltas() throws Exception {
    List<String> events = dataEvents("{\"type\":\"transcript.text.delta\",\"delta\":\"Hel\"}",
        "{\"type\":\"transcript.text.delta\",\"delta\":\"lo\"}",
        "{\"type\":\"transcript.text.done\",\"text\":\"Hello\"}");
    server.enqueue(sse(events, Duration.ZERO, false), sse(events, Duration.ZERO, false));
    CreateTranscriptionRequest params = CreateTranscriptionRequest.builder()
        .file(FileUpload.of(new byte[] {1, 2, 3}, "a.wav"))
        .model(CreateTranscriptionRequest.Model.of("gpt-4o-transcribe"))
        .build();
    List<CreateTranscriptionResponseStreamEvent> got = drain(client.audio().transcriptions().stream(params));
    assertThat(got).hasSize(3);
    StringBuilder text = new StringBuilder();
    for (CreateTranscriptionResponseStreamEvent e : got) {
      if (e instanceof TranscriptTextDeltaEvent) {
        text.append(((TranscriptTextDeltaEvent) e).delta());
      }
    }
    assertThat(text).hasToString("Hello");
    assertThat(((TranscriptTextDoneEvent) got.get(2)).text()).isEqualTo("Hello");
    assertThat(server.takeRequest().bodyText()).contains("name=\"stream\"\r\n\r\ntrue\r\n").contains("name=\"file\"; filename=\"a.wav\"");

    assertThat(GeneratedPagingTest.collect(client.async().audio().transcriptions().stream(params))).hasSize(3);
  }

  @Test
  void betaResponsesStreamTypedEvents() throws Exception {
    server.enqueue(sse(dataEvents(
        "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"in_progress\"}}",
        "{\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}",
        "{\"type\":\"response.some_future_event\",\"sequence_number\":2}",
        "{\"type\":\"response.completed\",\"sequence_number\":3,\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\"}}"),
        Duration.ZERO, false));
    BetaCreateResponse params = BetaCreateResponse.builder().putJsonField("model", "gpt-5").putJsonField("input", "Hi").build();
    List<BetaResponseStreamEvent> got = drain(client.beta().responses().stream(params));
    assertThat(got).hasSize(4);
    assertThat(got.get(0)).isInstanceOf(BetaResponseCreatedEvent.class);
    assertThat(got.get(1)).isInstanceOf(BetaResponseTextDeltaEvent.class);
    assertThat(((BetaResponseTextDeltaEvent) got.get(1)).delta()).isEqualTo("Hi");
    assertThat(got.get(2)).isInstanceOf(BetaResponseStreamEvent.Unknown.class);
    assertThat(got.get(2).type()).isEqualTo("response.some_future_event");
    assertThat(got.get(3)).isInstanceOf(BetaResponseCompletedEvent.class);
    assertThat(server.takeRequest().bodyText()).contains("\"stream\":true");
  }

  @Test
  void aStreamThatEndsBeforeItsLastEventIsTruncated() throws Exception {
    server.enqueue(sse(dataEvents("{\"type\":\"transcript.text.delta\",\"delta\":\"Hel\"}"), Duration.ZERO, false));
    CreateTranscriptionRequest params = CreateTranscriptionRequest.builder()
        .file(FileUpload.of(new byte[] {1}, "a.wav")).model(CreateTranscriptionRequest.Model.of("gpt-4o-transcribe")).build();
    assertThatThrownBy(() -> drain(client.audio().transcriptions().stream(params)))
        .isInstanceOf(StreamException.class).hasMessageContaining("truncated");
  }
}
