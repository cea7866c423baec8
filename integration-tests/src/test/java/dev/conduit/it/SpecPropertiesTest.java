package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static dev.conduit.it.ScriptedServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.core.FileUpload;
import dev.conduit.models.ReasoningEffort;
import dev.conduit.models.beta.BetaResponse;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionChunk;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.models.Model;
import dev.conduit.models.responses.Reasoning;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseError;
import dev.conduit.models.responses.ResponseUsage;
import dev.conduit.models.shared.ChatCompletionModerationError;
import dev.conduit.models.shared.ChatCompletionModerationResults;
import dev.conduit.models.shared.ModerationParam;
import dev.conduit.models.shared.ModerationResultBody;
import dev.conduit.models.shared.Prompt;
import dev.conduit.models.shared.PromptCacheModeEnum;
import dev.conduit.models.skills.CreateSkillVersionBody;
import dev.conduit.services.ChatCompletionStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Properties of the spec that the hand-written models gained, decoded from real JSON over loopback
 * and sent by the request builders; and generated code that now uses the hand-written classes.
 */
class SpecPropertiesTest extends LoopbackClientTest {
  /** {@link Fixtures#response} with {@code fields}, which it does not have, in front. */
  private static String responseWith(String fields) {
    String base = Fixtures.response("resp_1", "completed", "[" + Fixtures.message("Hi") + "]");
    return "{" + fields + "," + base.substring(1);
  }

  @Test
  void responseDecodesPromptCachingModerationAndConversation() throws Exception {
    server.enqueue(json(200, responseWith("\"top_logprobs\":5,\"max_tool_calls\":3,\"safety_identifier\":\"user-7f3a\","
        + "\"prompt_cache_key\":\"checkout\",\"prompt_cache_retention\":\"24h\","
        + "\"prompt_cache_options\":{\"ttl\":\"30m\",\"mode\":\"explicit\"},"
        + "\"prompt\":{\"id\":\"pmpt_1\",\"version\":\"2\",\"variables\":{\"city\":\"Paris\"}},"
        + "\"conversation\":{\"id\":\"conv_9\"},"
        + "\"moderation\":{\"input\":{\"type\":\"moderation_result\",\"model\":\"omni-moderation-latest\",\"flagged\":true,"
        + "\"categories\":{\"violence\":true},\"category_scores\":{\"violence\":0.91},\"category_applied_input_types\":{\"violence\":[\"text\"]}},"
        + "\"output\":{\"type\":\"error\",\"code\":\"moderation_timeout\",\"message\":\"Moderation timed out\"}}")),
        json(200, Fixtures.response("resp_2", "completed", "[]")));

    Response r = client.responses().retrieve("resp_1");

    assertThat(r.topLogprobs()).isEqualTo(5L);
    assertThat(r.maxToolCalls()).isEqualTo(3L);
    assertThat(r.safetyIdentifier()).isEqualTo("user-7f3a");
    assertThat(r.promptCacheKey()).isEqualTo("checkout");
    assertThat(r.promptCacheRetention()).isEqualTo("24h");
    assertThat(r.promptCacheOptions().ttl()).isEqualTo("30m");
    assertThat(r.promptCacheOptions().mode()).isEqualTo(PromptCacheModeEnum.EXPLICIT);
    assertThat(r.prompt().id()).isEqualTo("pmpt_1");
    assertThat(r.prompt().version()).isEqualTo("2");
    assertThat(r.prompt().variables()).containsEntry("city", "Paris");
    assertThat(r.conversation().id()).isEqualTo("conv_9");
    ModerationResultBody input = (ModerationResultBody) r.moderation().input();
    assertThat(input.flagged()).isTrue();
    assertThat(input.categoryScores()).containsEntry("violence", 0.91);
    ChatCompletionModerationError output = (ChatCompletionModerationError) r.moderation().output();
    assertThat(output.code()).isEqualTo("moderation_timeout");

    // a response without them reads null, not an error
    Response plain = client.async().responses().retrieve("resp_2").get(10, TimeUnit.SECONDS);
    assertThat(plain.topLogprobs()).isNull();
    assertThat(plain.prompt()).isNull();
    assertThat(plain.conversation()).isNull();
    assertThat(plain.moderation()).isNull();
    assertThat(plain.promptCacheOptions()).isNull();
  }

  @Test
  void createParamsSendTheNewFields() throws Exception {
    server.enqueue(json(200, Fixtures.response("resp_1", "completed", "[]")));

    client.responses().create(ResponseCreateParams.builder().model("gpt-5").input("Hi")
        .topLogprobs(2L).maxToolCalls(4L).safetyIdentifier("user-7f3a").promptCacheKey("checkout")
        .promptCacheRetention("in_memory").conversation("conv_9")
        .prompt(Prompt.builder().id("pmpt_1").variables(Map.of("city", "Paris")).build())
        .moderation(ModerationParam.builder().model("omni-moderation-latest").build())
        .reasoning(Reasoning.builder().effort(ReasoningEffort.HIGH).mode("pro").context("current_turn").build())
        .build());

    Map<String, Object> sent = TreeOf.json(server.takeRequest().bodyText());
    assertThat(sent).containsEntry("top_logprobs", 2L).containsEntry("max_tool_calls", 4L)
        .containsEntry("safety_identifier", "user-7f3a").containsEntry("prompt_cache_key", "checkout")
        .containsEntry("prompt_cache_retention", "in_memory").containsEntry("conversation", "conv_9")
        .containsEntry("prompt", Map.of("id", "pmpt_1", "variables", Map.of("city", "Paris")))
        .containsEntry("moderation", Map.of("model", "omni-moderation-latest"))
        .containsEntry("reasoning", Map.of("effort", "high", "mode", "pro", "context", "current_turn"))
        .containsEntry("stream", false);
  }

  @Test
  void reasoningDecodesModeAndContext() {
    server.enqueue(json(200, Fixtures.response("resp_1", "completed", "[]").replace("\"reasoning\":{\"effort\":null,\"summary\":null}",
        "\"reasoning\":{\"effort\":\"medium\",\"summary\":null,\"mode\":\"standard\",\"context\":\"all_turns\","
        + "\"generate_summary\":\"concise\"}")));

    Reasoning reasoning = client.responses().retrieve("resp_1").reasoning();

    assertThat(reasoning.effort()).isEqualTo(ReasoningEffort.MEDIUM);
    assertThat(reasoning.mode()).isEqualTo("standard");
    assertThat(reasoning.context()).isEqualTo("all_turns");
    @SuppressWarnings("deprecation")
    String generateSummary = reasoning.generateSummary();
    assertThat(generateSummary).isEqualTo("concise");
  }

  @Test
  void chatCompletionsDecodeModerationAndChunkObfuscation() throws Exception {
    String completion = Fixtures.chatCompletion("\"Hi\"", "null");
    server.enqueue(json(200, completion.substring(0, completion.length() - 1)
        + ",\"moderation\":{\"input\":{\"type\":\"moderation_results\",\"model\":\"omni-moderation-latest\",\"results\":[]},"
        + "\"output\":{\"type\":\"error\",\"code\":\"unavailable\",\"message\":\"Moderation unavailable\"}}}"));
    server.enqueue(sse(List.of(
        Fixtures.chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null).replace("\"choices\"", "\"obfuscation\":\"x7Qp\",\"choices\""),
        Fixtures.chunk("{}", "stop"),
        "data: [DONE]\n\n"), Duration.ZERO, false));

    ChatCompletion c = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-5")
        .addUserMessage("Hi").moderation(ModerationParam.builder().model("omni-moderation-latest").build()).build());

    assertThat(TreeOf.json(server.takeRequest().bodyText())).containsEntry("moderation", Map.of("model", "omni-moderation-latest"));
    assertThat(((ChatCompletionModerationResults) c.moderation().input()).model()).isEqualTo("omni-moderation-latest");
    assertThat(((ChatCompletionModerationError) c.moderation().output()).message()).isEqualTo("Moderation unavailable");

    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (ChatCompletionStream s = client.chat().completions().stream(ChatCompletionCreateParams.builder().model("gpt-5")
        .addUserMessage("Hi").build())) {
      s.forEach(chunks::add);
    }
    assertThat(chunks).extracting(ChatCompletionChunk::obfuscation).containsExactly("x7Qp", null);
    assertThat(chunks.get(0).moderation()).isNull();
  }

  @Test
  void modelsDecodeTheirShutdownDate() throws Exception {
    server.enqueue(json(200, "{\"id\":\"gpt-4.5-preview\",\"object\":\"model\",\"created\":1,\"owned_by\":\"system\","
        + "\"shutdown_date\":\"2025-07-14\"}"), json(200, "{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1,\"owned_by\":\"system\","
        + "\"shutdown_date\":null}"));

    Model retiring = client.models().retrieve("gpt-4.5-preview");
    Model current = client.async().models().retrieve("gpt-5").get(10, TimeUnit.SECONDS);

    assertThat(retiring.shutdownDate()).isEqualTo("2025-07-14");
    assertThat(current.shutdownDate()).isNull();
  }

  @Test
  void generatedModelsUseTheHandWrittenClasses() throws Exception {
    server.enqueue(json(200, "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"failed\","
        + "\"error\":{\"code\":\"server_error\",\"message\":\"Something broke\"},"
        + "\"reasoning\":{\"effort\":\"xhigh\",\"context\":\"auto\"},"
        + "\"usage\":{\"input_tokens\":3,\"input_tokens_details\":{\"cached_tokens\":1},\"output_tokens\":4,"
        + "\"output_tokens_details\":{\"reasoning_tokens\":2},\"total_tokens\":7}}"));

    BetaResponse r = client.beta().responses().retrieve("resp_1");

    ResponseError error = r.error();
    assertThat(error.code()).isEqualTo("server_error");
    assertThat(error.message()).isEqualTo("Something broke");
    ResponseUsage usage = r.usage();
    assertThat(usage.totalTokens()).isEqualTo(7);
    assertThat(usage.inputTokensDetails().cachedTokens()).isEqualTo(1);
    Reasoning reasoning = r.reasoning();
    assertThat(reasoning.effort()).isEqualTo(ReasoningEffort.XHIGH);
    assertThat(reasoning.context()).isEqualTo("auto");
  }

  @Test
  void skillVersionsSendTheirDefaultFlag() throws Exception {
    server.enqueue(json(200, "{\"id\":\"skillver_1\",\"object\":\"skill.version\",\"skill_id\":\"skill_1\",\"version\":\"2\","
        + "\"created_at\":1,\"name\":\"csv\",\"description\":\"CSV tools\"}"));

    client.skills().versions().create("skill_1", CreateSkillVersionBody.builder()
        .files(List.of(FileUpload.of("# csv skill".getBytes(StandardCharsets.UTF_8), "SKILL.md")))
        .default_(true)
        .build());

    ScriptedServer.Recorded r = server.takeRequest();
    assertThat(r.path).isEqualTo("/v1/skills/skill_1/versions");
    assertThat(r.header("content-type")).startsWith("multipart/form-data; boundary=");
    assertThat(r.bodyText()).containsPattern("name=\"default\"\r\n(.+\r\n)*\r\ntrue\r\n")
        .contains("filename=\"SKILL.md\"", "# csv skill");
  }
}
