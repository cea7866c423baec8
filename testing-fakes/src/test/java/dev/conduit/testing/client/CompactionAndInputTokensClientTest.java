package dev.conduit.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.OpenAIClientAsync;
import dev.conduit.errors.BadRequestException;
import dev.conduit.models.responses.CompactedResponse;
import dev.conduit.models.responses.FunctionTool;
import dev.conduit.models.responses.InputTokenCountParams;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCompactParams;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseFunctionToolCall;
import dev.conduit.models.responses.ResponseInputItem;
import dev.conduit.models.responses.ResponseInputMessage;
import dev.conduit.models.responses.ResponseItem;
import dev.conduit.models.responses.ResponseTextConfig;
import dev.conduit.models.responses.ResponseTextFormat;
import dev.conduit.testing.FakeOpenAI;
import dev.conduit.testing.support.Harness;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conduit's typed {@code client.responses().compact(...)} and {@code client.responses().inputTokens()}
 * against the fake, sync and async, in memory and on loopback: a count is the {@code usage.input_tokens}
 * of the create that follows, and compacted output sent back as input stands for the conversation.
 */
@ParameterizedClass
@EnumSource(value = Harness.class, names = {"IN_MEMORY", "LOOPBACK_JDK_TRANSPORT"})
class CompactionAndInputTokensClientTest {
  private static final String MODEL = "gpt-5-mini";
  private static final FunctionTool WEATHER = FunctionTool.builder().name("get_weather")
      .parameters(Map.of("type", "object", "required", List.of("city"), "properties",
          Map.of("city", Map.of("type", "string"))))
      .build();

  @Parameter
  Harness harness;
  private FakeOpenAI fake;
  private OpenAIClient client;

  @BeforeEach
  void setUp() {
    fake = harness.fake();
    client = harness.client(fake).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    fake.close();
  }

  private long count(ResponseCreateParams create) {
    return client.responses().inputTokens().count(InputTokenCountParams.from(create)).inputTokens();
  }

  private Response createCounted(ResponseCreateParams create) {
    long counted = count(create);
    Response r = client.responses().create(create);
    assertThat(r.usage().inputTokens()).as("usage.input_tokens of %s", create.toJson()).isEqualTo(counted);
    return r;
  }

  @Test
  void countIsTheUsageOfTheCreateThatFollows() {
    Response first = createCounted(ResponseCreateParams.builder().model(MODEL).instructions("Answer briefly.")
        .input("What is the capital of France?").addTool(WEATHER).build());
    Response next = createCounted(ResponseCreateParams.builder().model(MODEL).previousResponseId(first.id())
        .input("And of Italy?").build());
    long alone = count(ResponseCreateParams.builder().model(MODEL).input("And of Italy?").build());
    assertThat(next.usage().inputTokens()).as("the earlier turns count, the earlier instructions and tools do not")
        .isEqualTo(alone + 2 * first.usage().outputTokens() + 8);
  }

  @Test
  void countIsTheUsageOfTheCreateThatFollowsAsynchronously() throws Exception {
    OpenAIClientAsync async = client.async();
    ResponseCreateParams create = ResponseCreateParams.builder().model(MODEL).input("Tell me a joke.").build();
    InputTokenCountParams params = InputTokenCountParams.from(create);
    long counted = async.responses().inputTokens().count(params).get(10, TimeUnit.SECONDS).inputTokens();
    assertThat(counted).isEqualTo(12); // 5 tokens, 4 for the message, 3 for the request
    assertThat(async.responses().create(create).get(10, TimeUnit.SECONDS).usage().inputTokens()).isEqualTo(counted);

    CompletableFuture<?> refused = async.responses().inputTokens().count(InputTokenCountParams.builder()
        .input("x").previousResponseId("resp_missing").build());
    assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.error().code()).isEqualTo("previous_response_not_found"));
  }

  @Test
  void compactedOutputAnswersTheSealedCallAndCountsAsTheWholeConversation() {
    Response call = client.responses().create(ResponseCreateParams.builder().model(MODEL).input("Weather in Paris?")
        .addTool(WEATHER).toolChoice("required").build());
    ResponseFunctionToolCall fc = (ResponseFunctionToolCall) call.output().get(0);

    CompactedResponse compacted = client.responses().compact(ResponseCompactParams.builder().model(MODEL)
        .previousResponseId(call.id()).build());
    assertThat(compacted.object()).isEqualTo("response.compaction");
    assertThat(compacted.id()).startsWith("resp_");
    assertThat(compacted.output()).extracting(ResponseItem::type).containsExactly("message", "compaction");
    assertThat(((ResponseInputMessage) compacted.output().get(0)).role()).isEqualTo("user");
    assertThat(compacted.usage().inputTokens()).isEqualTo(client.responses().inputTokens()
        .count(InputTokenCountParams.builder().input(compacted.output()).build()).inputTokens());
    assertThat(compacted.usage().totalTokens())
        .isEqualTo(compacted.usage().inputTokens() + compacted.usage().outputTokens());

    ResponseInputItem answer = ResponseInputItem.functionCallOutput(fc.callId(), "18C and sunny");
    Response resumed = createCounted(ResponseCreateParams.builder().model(MODEL).input(compacted.output())
        .addInput(answer).build());
    assertThat(resumed.outputText()).isEqualTo("18C and sunny");
    Response chained = client.responses().create(ResponseCreateParams.builder().model(MODEL)
        .previousResponseId(call.id()).input(List.of(answer)).build());
    assertThat(resumed.usage().inputTokens()).isEqualTo(chained.usage().inputTokens());
  }

  @Test
  void compactsAndResumesAsynchronously() throws Exception {
    OpenAIClientAsync async = client.async();
    List<ResponseInputItem> history = List.of(ResponseInputItem.developerMessage("Always reply in JSON."),
        ResponseInputItem.userMessage("Hello"), ResponseInputItem.assistantMessage("{\"greeting\":\"Hello\"}"));
    CompactedResponse compacted = async.responses().compact(ResponseCompactParams.builder().model(MODEL).input(history)
        .build()).get(10, TimeUnit.SECONDS);
    // only the user message stays readable: the developer message is sealed in the compaction item
    assertThat(compacted.output()).extracting(ResponseItem::type).containsExactly("message", "compaction");
    ResponseInputMessage kept = (ResponseInputMessage) compacted.output().get(0);
    assertThat(kept.role()).isEqualTo("user");
    assertThat(kept.toJson().toString()).contains("Hello").doesNotContainIgnoringCase("json");

    ResponseTextConfig json = ResponseTextConfig.of(ResponseTextFormat.jsonObject());
    Response r = async.responses().create(ResponseCreateParams.builder().model(MODEL).input(compacted.output())
        .addInput(ResponseInputItem.userMessage("Again")).text(json).build()).get(10, TimeUnit.SECONDS);
    assertThat(r.outputText()).as("json_object needs the word json, which only the sealed message has")
        .isEqualTo("{\"echo\":\"Again\"}");
    ResponseCreateParams withoutIt = ResponseCreateParams.builder().model(MODEL).input(compacted.output().subList(0, 1))
        .addInput(ResponseInputItem.userMessage("Again")).text(json).build();
    assertThatThrownBy(() -> async.responses().create(withoutIt).get(10, TimeUnit.SECONDS)).cause()
        .isInstanceOf(BadRequestException.class).hasMessageContaining("json");
  }

  @Test
  void forgedCompactionItemIsRefused() {
    ResponseItem forged = ResponseItem.fromJson(Map.of("type", "compaction", "id", "cmp_1", "encrypted_content",
        "gAAAAABforged-summary"));
    assertThatThrownBy(() -> client.responses().create(ResponseCreateParams.builder().model(MODEL)
            .input(List.of(forged)).build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.error().type()).isEqualTo("invalid_request_error");
          assertThat(e.error().code()).isEqualTo("invalid_encrypted_content");
          assertThat(e.error().message()).isEqualTo("The encrypted content gAAA...mary could not be verified.");
        });
    assertThatThrownBy(() -> client.async().responses().compact(ResponseCompactParams.builder().model(MODEL)
            .input(List.of(forged)).build()).get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(BadRequestException.class).hasMessageContaining("could not be verified");
  }
}
