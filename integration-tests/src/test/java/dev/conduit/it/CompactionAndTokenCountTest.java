package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.BadRequestException;
import dev.conduit.models.ReasoningEffort;
import dev.conduit.models.responses.CompactedResponse;
import dev.conduit.models.responses.FunctionTool;
import dev.conduit.models.responses.InputTokenCount;
import dev.conduit.models.responses.InputTokenCountParams;
import dev.conduit.models.responses.Reasoning;
import dev.conduit.models.responses.ResponseCompactParams;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseInputItem;
import dev.conduit.models.responses.ResponseInputMessage;
import dev.conduit.models.responses.ResponseItem;
import dev.conduit.models.responses.ResponseOutputItem;
import dev.conduit.models.responses.ResponseOutputMessage;
import dev.conduit.models.responses.ToolChoice;
import dev.conduit.models.shared.PromptCacheModeEnum;
import dev.conduit.models.shared.PromptCacheOptionsParam;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /responses/input_tokens} and {@code POST /responses/compact}, sync and async, over
 * loopback: the JSON the server receives and the typed answers.
 */
class CompactionAndTokenCountTest extends LoopbackClientTest {
  /** The answer of the compact endpoint, after the API reference's example. */
  private static final String COMPACTED = "{\"id\":\"resp_001\",\"object\":\"response.compaction\",\"output\":["
      + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Summarize our launch checklist.\"}]},"
      + "{\"type\":\"message\",\"id\":\"msg_7\",\"status\":\"completed\",\"role\":\"assistant\","
      + "\"content\":[{\"type\":\"output_text\",\"text\":\"Done.\",\"annotations\":[]}]},"
      + "{\"type\":\"compaction\",\"id\":\"cmp_001\",\"encrypted_content\":\"encrypted-summary\",\"created_by\":\"gpt-5.1-codex-max\"}],"
      + "\"created_at\":1731459200,\"usage\":{\"input_tokens\":42897,\"input_tokens_details\":{\"cached_tokens\":1024},"
      + "\"output_tokens\":12000,\"output_tokens_details\":{\"reasoning_tokens\":9000},\"total_tokens\":54897}}";

  @Test
  void countsInputTokens() throws Exception {
    server.enqueue(json(200, "{\"object\":\"response.input_tokens\",\"input_tokens\":11}"));

    InputTokenCount count = client.responses().inputTokens().count(InputTokenCountParams.builder()
        .model("gpt-5")
        .instructions("Be brief.")
        .input("Tell me a joke.")
        .addInput(ResponseInputItem.assistantMessage("Why did the JVM cross the road?"))
        .conversation("conv_1")
        .addTool(FunctionTool.builder().name("get_weather").parameters(Map.of("type", "object")).build())
        .toolChoice(ToolChoice.function("get_weather"))
        .reasoning(Reasoning.builder().effort(ReasoningEffort.LOW).context("all_turns").build())
        .parallelToolCalls(false)
        .personality("friendly")
        .build());

    assertThat(count.inputTokens()).isEqualTo(11);
    assertThat(count.object()).isEqualTo("response.input_tokens");
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.method).isEqualTo("POST");
    assertThat(r.path).isEqualTo("/v1/responses/input_tokens");
    Map<String, Object> sent = TreeOf.json(r.bodyText());
    assertThat(sent).containsOnlyKeys("model", "instructions", "input", "conversation", "tools", "tool_choice", "reasoning",
        "parallel_tool_calls", "personality");
    assertThat(sent).containsEntry("model", "gpt-5").containsEntry("conversation", "conv_1").containsEntry("personality", "friendly")
        .containsEntry("parallel_tool_calls", false)
        .containsEntry("tool_choice", Map.of("type", "function", "name", "get_weather"))
        .containsEntry("reasoning", Map.of("effort", "low", "context", "all_turns"));
    // the text set first became a user message when an item was appended
    assertThat(sent.get("input")).isEqualTo(List.of(
        Map.of("type", "message", "role", "user", "content", "Tell me a joke."),
        Map.of("type", "message", "role", "assistant", "content", "Why did the JVM cross the road?")));
    assertThat(sent.get("tools").toString()).contains("type=function", "name=get_weather");
  }

  @Test
  void countsTheInputOfACreateRequestAsynchronously() throws Exception {
    server.enqueue(json(200, "{\"object\":\"response.input_tokens\",\"input_tokens\":42,\"extra\":true}"));
    ResponseCreateParams create = ResponseCreateParams.builder()
        .model("gpt-5").input("Hello").instructions("Answer in French.").previousResponseId("resp_0")
        .temperature(0.2).store(false).metadata(Map.of("k", "v")).promptCacheKey("cache-1").maxToolCalls(3L)
        .truncation("auto")
        .build();

    InputTokenCount count = client.async().responses().inputTokens().count(InputTokenCountParams.from(create))
        .get(10, TimeUnit.SECONDS);

    assertThat(count.inputTokens()).isEqualTo(42);
    assertThat(count.jsonField("extra")).isEqualTo(true);
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.path).isEqualTo("/v1/responses/input_tokens");
    // generation, storage and caching options are not part of the input: the endpoint would reject them
    assertThat(TreeOf.json(r.bodyText())).isEqualTo(Map.of("model", "gpt-5", "input", "Hello", "instructions", "Answer in French.",
        "previous_response_id", "resp_0", "truncation", "auto"));
  }

  @Test
  void compactsAConversationAndItsOutputIsTheNextInput() throws Exception {
    server.enqueue(json(200, COMPACTED), json(200, Fixtures.response("resp_2", "completed", "[" + Fixtures.message("Sure.") + "]")));
    List<ResponseInputItem> history = List.of(
        ResponseInputItem.userMessage("Summarize our launch checklist."),
        ResponseInputItem.assistantMessage("Done."));

    CompactedResponse compacted = client.responses().compact(ResponseCompactParams.builder()
        .model("gpt-5.1-codex-max")
        .input(history)
        .instructions("Keep the decisions.")
        .promptCacheKey("launch")
        .promptCacheRetention("24h")
        .promptCacheOptions(PromptCacheOptionsParam.builder().mode(PromptCacheModeEnum.EXPLICIT).build())
        .serviceTier("flex")
        .build());

    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.method).isEqualTo("POST");
    assertThat(r.path).isEqualTo("/v1/responses/compact");
    Map<String, Object> sent = TreeOf.json(r.bodyText());
    assertThat(sent).containsOnlyKeys("model", "input", "instructions", "prompt_cache_key", "prompt_cache_retention",
        "prompt_cache_options", "service_tier");
    assertThat(sent).containsEntry("model", "gpt-5.1-codex-max").containsEntry("prompt_cache_key", "launch")
        .containsEntry("prompt_cache_retention", "24h").containsEntry("service_tier", "flex")
        .containsEntry("prompt_cache_options", Map.of("ttl", "30m", "mode", "explicit"));
    assertThat(sent.get("input")).isEqualTo(List.of(
        Map.of("type", "message", "role", "user", "content", "Summarize our launch checklist."),
        Map.of("type", "message", "role", "assistant", "content", "Done.")));

    assertThat(compacted.id()).isEqualTo("resp_001");
    assertThat(compacted.object()).isEqualTo("response.compaction");
    assertThat(compacted.createdAt()).isEqualTo(1731459200L);
    assertThat(compacted.usage().inputTokens()).isEqualTo(42897);
    assertThat(compacted.usage().inputTokensDetails().cachedTokens()).isEqualTo(1024);
    assertThat(compacted.usage().outputTokensDetails().reasoningTokens()).isEqualTo(9000);
    assertThat(compacted.usage().totalTokens()).isEqualTo(54897);
    List<ResponseItem> output = compacted.output();
    assertThat(output).hasSize(3);
    assertThat(output.get(0)).isInstanceOf(ResponseInputMessage.class);
    assertThat(((ResponseInputMessage) output.get(0)).role()).isEqualTo("user");
    assertThat(((ResponseOutputMessage) output.get(1)).text()).isEqualTo("Done.");
    ResponseOutputItem.Unknown compaction = (ResponseOutputItem.Unknown) output.get(2);
    assertThat(compaction.type()).isEqualTo("compaction");
    assertThat(compaction.id()).isEqualTo("cmp_001");

    // the compacted items go back as they came, the opaque compaction item included
    client.responses().create(ResponseCreateParams.builder().model("gpt-5.1-codex-max")
        .input(compacted.output()).addInput(ResponseInputItem.userMessage("Now the contact form.")).build());
    @SuppressWarnings("unchecked")
    List<Object> input = (List<Object>) TreeOf.json(server.takeRequest().bodyText()).get("input");
    assertThat(input).hasSize(4);
    assertThat(input.get(2)).isEqualTo(Map.of("type", "compaction", "id", "cmp_001", "encrypted_content", "encrypted-summary",
        "created_by", "gpt-5.1-codex-max"));
  }

  @Test
  void compactsAStoredResponseAsynchronously() throws Exception {
    server.enqueue(json(200, COMPACTED));

    CompactedResponse compacted = client.async().responses()
        .compact(ResponseCompactParams.builder().model("gpt-5.1-codex-max").previousResponseId("resp_0").build())
        .get(10, TimeUnit.SECONDS);

    assertThat(compacted.output()).extracting(ResponseItem::type).containsExactly("message", "message", "compaction");
    assertThat(compacted.usage().outputTokens()).isEqualTo(12000);
    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.path).isEqualTo("/v1/responses/compact");
    assertThat(r.header("idempotency-key")).isNotBlank();
    assertThat(TreeOf.json(r.bodyText())).isEqualTo(Map.of("model", "gpt-5.1-codex-max", "previous_response_id", "resp_0"));
  }

  @Test
  void compactRequiresAModelAndReportsErrorsTyped() {
    assertThatThrownBy(() -> ResponseCompactParams.builder().input("hi").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("model");

    server.enqueue(json(400, "{\"error\":{\"message\":\"Unsupported model\",\"type\":\"invalid_request_error\",\"param\":\"model\"}}"));
    assertThatThrownBy(() -> client.async().responses()
            .compact(ResponseCompactParams.builder().model("gpt-3.5-turbo").input("hi").build()).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(BadRequestException.class).hasMessageContaining("Unsupported model");
  }
}
