package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static dev.conduit.it.ScriptedServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.RequestOptions;
import dev.conduit.errors.ApiTimeoutException;
import dev.conduit.errors.StreamException;
import dev.conduit.http.Timeouts;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionChunk;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseStatus;
import dev.conduit.models.responses.ResponseStreamEvent;
import dev.conduit.models.responses.ResponseTextDeltaEvent;
import dev.conduit.services.ChatCompletionStream;
import dev.conduit.services.ResponseStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingTest {
  private static final ResponseCreateParams PARAMS = ResponseCreateParams.builder().model("gpt-5").input("Say hello").build();
  private static final ChatCompletionCreateParams CHAT = ChatCompletionCreateParams.builder().model("gpt-5")
      .addUserMessage("Say hello").build();
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
  void responseStreamTextDeltasAndFinalResponse() throws Exception {
    server.enqueue(sse(Fixtures.responseEvents("Hel", "lo, ", "wör", "ld! 😀"), Duration.ofMillis(2), false));

    try (ResponseStream s = client.responses().stream(PARAMS)) {
      assertThat(s.textDeltas().collect(Collectors.joining())).isEqualTo("Hello, wörld! 😀");
      Response done = s.finalResponse();
      assertThat(done.status()).isEqualTo(ResponseStatus.COMPLETED);
      assertThat(done.outputText()).isEqualTo("Hello, wörld! 😀");
    }
    ScriptedServer.Recorded request = server.takeRequest();
    assertThat(request.header("accept")).isEqualTo("text/event-stream");
    assertThat(request.bodyText()).contains("\"stream\":true");
    assertThat(request.header("idempotency-key")).startsWith("conduit-");
  }

  @Test
  void typedEventsInOrder() {
    server.enqueue(sse(Fixtures.responseEvents("a", "b"), Duration.ZERO, false));

    try (ResponseStream s = client.responses().stream(PARAMS)) {
      List<String> types = new ArrayList<>();
      for (ResponseStreamEvent e : s) {
        types.add(e.type());
      }
      assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
          "response.content_part.added", "response.output_text.delta", "response.output_text.delta", "response.output_text.done",
          "response.content_part.done", "response.output_item.done", "response.completed");
      assertThat(s.finalResponse().outputText()).isEqualTo("ab");
    }
  }

  @Test
  void errorEventBecomesStreamException() {
    List<String> events = new ArrayList<>(Fixtures.responseEvents("x").subList(0, 3));
    events.add(Fixtures.event("error", "{\"type\":\"error\",\"code\":\"server_error\",\"message\":\"The model crashed\",\"param\":null,\"sequence_number\":3}"));
    server.enqueue(sse(events, Duration.ZERO, false));

    try (ResponseStream s = client.responses().stream(PARAMS)) {
      assertThatThrownBy(() -> s.stream().count())
          .isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.error()).isNotNull();
            assertThat(e.error().code()).isEqualTo("server_error");
            assertThat(e.getMessage()).contains("The model crashed");
          });
    }
  }

  @Test
  void truncatedStreamIsAStreamException() {
    server.enqueue(sse(Fixtures.responseEvents("a", "b", "c").subList(0, 6), Duration.ZERO, false));

    try (ResponseStream s = client.responses().stream(PARAMS)) {
      assertThatThrownBy(s::finalResponse).isInstanceOf(StreamException.class).hasMessageContaining("truncated");
    }
  }

  @Test
  void resetMidStreamIsAStreamExceptionAndNotRetried() {
    server.enqueue(sse(Fixtures.responseEvents("a", "b", "c").subList(0, 5), Duration.ofMillis(100), true), json(200, "{}"));

    try (ResponseStream s = client.responses().stream(PARAMS)) {
      Iterator<ResponseStreamEvent> it = s.iterator();
      assertThat(it.next().type()).isEqualTo("response.created");
      assertThatThrownBy(() -> {
        while (it.hasNext()) {
          it.next();
        }
      }).isInstanceOf(StreamException.class);
    }
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void streamIsRetriedBeforeItsFirstEvent() {
    server.enqueue(json(503, "{\"error\":{\"message\":\"busy\"}}"), sse(Fixtures.responseEvents("ok"), Duration.ZERO, false));

    try (ResponseStream s = client.responses().stream(PARAMS)) {
      assertThat(s.finalResponse().outputText()).isEqualTo("ok");
    }
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void closingEarlyReleasesTheConnection() throws Exception {
    server.enqueue(ScriptedServer.endlessSse(Fixtures.event("response.output_text.delta",
        "{\"type\":\"response.output_text.delta\",\"item_id\":\"m\",\"output_index\":0,\"content_index\":0,\"delta\":\"x\"}"), Duration.ofMillis(20)));

    ResponseStream s = client.responses().stream(PARAMS);
    Iterator<ResponseStreamEvent> it = s.iterator();
    assertThat(it.next()).isInstanceOf(ResponseTextDeltaEvent.class);
    assertThat(it.next()).isInstanceOf(ResponseTextDeltaEvent.class);
    s.close();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.connectionsClosedByClient.get() == 0 && server.activeStreams() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.activeStreams()).as("the server saw the client go away").isZero();
  }

  @Test
  void readTimeoutGuardsAStream() {
    server.enqueue(sse(Fixtures.responseEvents("a", "b"), Duration.ofSeconds(2), false));

    try (ResponseStream s = client.responses().stream(PARAMS,
        RequestOptions.builder().timeout(Timeouts.Kind.READ, Duration.ofMillis(300)).build())) {
      assertThatThrownBy(s::finalResponse)
          .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.READ));
    }
  }

  @Test
  void malformedEventIsAStreamException() {
    server.enqueue(sse(List.of("data: {\"type\":\"response.created\",\n\n"), Duration.ZERO, false));

    try (ResponseStream s = client.responses().stream(PARAMS)) {
      assertThatThrownBy(s::finalResponse).isInstanceOf(StreamException.class).hasMessageContaining("malformed event");
    }
  }

  @Test
  void jsonAnswerToAStreamRequestCarryingAnError() {
    server.enqueue(json(200, "{\"error\":{\"message\":\"streaming is not supported\",\"type\":\"invalid_request_error\"}}"));

    assertThatThrownBy(() -> client.responses().stream(PARAMS))
        .isInstanceOf(StreamException.class)
        .hasMessageContaining("streaming is not supported");
  }

  @Test
  void chatStreamAccumulatesContentAndToolCalls() {
    server.enqueue(sse(List.of(
        Fixtures.chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
        Fixtures.chunk("{\"content\":\"Let me \"}", null),
        Fixtures.chunk("{\"content\":\"check.\"}", null),
        Fixtures.chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null),
        Fixtures.chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null),
        Fixtures.chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", null),
        Fixtures.chunk("{}", "tool_calls"),
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1741476542,\"model\":\"gpt-5\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}\n\n",
        "data: [DONE]\n\n"), Duration.ofMillis(1), false));

    try (ChatCompletionStream s = client.chat().completions().stream(CHAT)) {
      assertThat(s.textDeltas().collect(Collectors.joining())).isEqualTo("Let me check.");
      ChatCompletion done = s.finalCompletion();
      assertThat(done.choices().get(0).message().content()).isEqualTo("Let me check.");
      assertThat(done.choices().get(0).message().toolCalls()).hasSize(1);
      assertThat(done.choices().get(0).message().toolCalls().get(0).function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
      assertThat(done.usage().totalTokens()).isEqualTo(15);
    }
  }

  @Test
  void chatStreamWithoutDoneAndWithoutFinishIsTruncated() {
    server.enqueue(sse(List.of(Fixtures.chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null)), Duration.ZERO, false));

    try (ChatCompletionStream s = client.chat().completions().stream(CHAT)) {
      assertThatThrownBy(s::finalCompletion).isInstanceOf(StreamException.class).hasMessageContaining("[DONE]");
    }
  }

  @Test
  void asyncStreamHonoursDemandAndCompletesFinalResponse() throws Exception {
    server.enqueue(sse(Fixtures.responseEvents("one ", "two ", "three"), Duration.ofMillis(1), false));

    var stream = client.async().responses().stream(PARAMS);
    List<String> types = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    stream.subscribe(new Flow.Subscriber<ResponseStreamEvent>() {
      private Flow.Subscription subscription;
      private int outstanding;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        outstanding = 1;
        s.request(1);
      }

      @Override
      public void onNext(ResponseStreamEvent item) {
        if (--outstanding < 0) {
          done.completeExceptionally(new AssertionError("more items than requested"));
        }
        types.add(item.type());
        outstanding++;
        subscription.request(1);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    done.get(10, TimeUnit.SECONDS);
    assertThat(types).hasSize(11).endsWith("response.completed");
    assertThat(stream.finalResponse().get(5, TimeUnit.SECONDS).outputText()).isEqualTo("one two three");
  }

  @Test
  void asyncTextDeltasAndErrors() throws Exception {
    server.enqueue(sse(Fixtures.responseEvents("a", "b", "c"), Duration.ZERO, false), json(401, "{\"error\":{\"message\":\"bad key\"}}"));

    List<String> deltas = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    client.async().responses().stream(PARAMS).textDeltas().subscribe(collector(deltas, done));
    done.get(10, TimeUnit.SECONDS);
    assertThat(String.join("", deltas)).isEqualTo("abc");

    CompletableFuture<Response> failed = client.async().responses().stream(PARAMS).finalResponse();
    assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(dev.conduit.errors.AuthenticationException.class);
  }

  @Test
  void asyncChatStream() throws Exception {
    server.enqueue(sse(List.of(Fixtures.chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null),
        Fixtures.chunk("{\"content\":\" there\"}", "stop"), "data: [DONE]\n\n"), Duration.ZERO, false));

    List<ChatCompletionChunk> chunks = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    var stream = client.async().chat().completions().stream(CHAT);
    stream.subscribe(collector(chunks, done));
    done.get(10, TimeUnit.SECONDS);
    assertThat(chunks).hasSize(2);
    assertThat(stream.finalCompletion().get(5, TimeUnit.SECONDS).choices().get(0).message().content()).isEqualTo("Hi there");
  }

  static <T> Flow.Subscriber<T> collector(List<T> into, CompletableFuture<Void> done) {
    return new Flow.Subscriber<T>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public synchronized void onNext(T item) {
        into.add(item);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    };
  }
}
