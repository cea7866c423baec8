package dev.conduit.models.chat;

import dev.conduit.models.ReasoningEffort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testutil.TestJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCompletionCreateParamsTest {
  private static final Map<String, Object> WEATHER_SCHEMA =
      Map.of(
          "type", "object",
          "properties", Map.of("city", Map.of("type", "string")),
          "required", List.of("city"),
          "additionalProperties", false);

  @Test
  void minimalParams() {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder().model("gpt-5").addUserMessage("Hello").build();

    assertThat(params.toJson())
        .isEqualTo(TestJson.parse("{\"model\": \"gpt-5\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}"));
    assertThat(params.model()).isEqualTo("gpt-5");
    assertThat(params.messages()).singleElement().isInstanceOf(ChatCompletionUserMessageParam.class);
    assertThat(params.stream()).isFalse();
    assertThat(params.temperature()).isNull();
    assertThat(params.stop()).isEmpty();
    assertThat(params.tools()).isEmpty();
  }

  @Test
  void everyParameterHasItsWireForm() {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model("gpt-5")
            .addSystemMessage("sys")
            .addDeveloperMessage("dev")
            .addUserMessage("What's the weather in Paris?")
            .addAssistantMessage("Let me check.")
            .addToolMessage("call_1", "21C")
            .temperature(0.2)
            .topP(0.9)
            .maxCompletionTokens(512)
            .n(2)
            .stop(List.of("\n\n", "END"))
            .seed(42)
            .presencePenalty(0.5)
            .frequencyPenalty(-0.5)
            .addTool(
                ChatCompletionTool.builder()
                    .name("get_weather")
                    .description("Current weather of a city")
                    .parameters(WEATHER_SCHEMA)
                    .strict(true)
                    .build())
            .toolChoiceFunction("get_weather")
            .responseFormat(ResponseFormat.jsonObject())
            .parallelToolCalls(false)
            .user("user-1")
            .safetyIdentifier("hash-1")
            .promptCacheKey("cache-1")
            .store(true)
            .metadata(Map.of("team", "search"))
            .logprobs(true)
            .topLogprobs(3)
            .reasoningEffort(ReasoningEffort.LOW)
            .serviceTier(ServiceTier.FLEX)
            .streamOptions(true)
            .build();

    assertThat(params.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {
                  "model": "gpt-5",
                  "messages": [
                    {"role": "system", "content": "sys"},
                    {"role": "developer", "content": "dev"},
                    {"role": "user", "content": "What's the weather in Paris?"},
                    {"role": "assistant", "content": "Let me check."},
                    {"role": "tool", "tool_call_id": "call_1", "content": "21C"}
                  ],
                  "temperature": 0.2,
                  "top_p": 0.9,
                  "max_completion_tokens": 512,
                  "n": 2,
                  "stop": ["\\n\\n", "END"],
                  "seed": 42,
                  "presence_penalty": 0.5,
                  "frequency_penalty": -0.5,
                  "tools": [{
                    "type": "function",
                    "function": {
                      "name": "get_weather",
                      "description": "Current weather of a city",
                      "parameters": {
                        "type": "object",
                        "properties": {"city": {"type": "string"}},
                        "required": ["city"],
                        "additionalProperties": false
                      },
                      "strict": true
                    }
                  }],
                  "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
                  "response_format": {"type": "json_object"},
                  "parallel_tool_calls": false,
                  "user": "user-1",
                  "safety_identifier": "hash-1",
                  "prompt_cache_key": "cache-1",
                  "store": true,
                  "metadata": {"team": "search"},
                  "logprobs": true,
                  "top_logprobs": 3,
                  "reasoning_effort": "low",
                  "service_tier": "flex",
                  "stream_options": {"include_usage": true}
                }
                """));

    assertThat(params.messages())
        .extracting(ChatCompletionMessageParam::role)
        .containsExactly("system", "developer", "user", "assistant", "tool");
    assertThat(params.temperature()).isEqualTo(0.2);
    assertThat(params.topP()).isEqualTo(0.9);
    assertThat(params.maxCompletionTokens()).isEqualTo(512L);
    assertThat(params.n()).isEqualTo(2L);
    assertThat(params.stop()).containsExactly("\n\n", "END");
    assertThat(params.seed()).isEqualTo(42L);
    assertThat(params.presencePenalty()).isEqualTo(0.5);
    assertThat(params.frequencyPenalty()).isEqualTo(-0.5);
    FunctionDefinition function = params.tools().get(0).function();
    assertThat(function.name()).isEqualTo("get_weather");
    assertThat(function.description()).isEqualTo("Current weather of a city");
    assertThat(function.parameters()).containsEntry("required", List.of("city"));
    assertThat(function.strict()).isTrue();
    assertThat(params.toolChoiceFunctionName()).isEqualTo("get_weather");
    assertThat(params.toolChoiceMode()).isNull();
    assertThat(params.responseFormat()).isInstanceOf(ResponseFormatJsonObject.class);
    assertThat(params.parallelToolCalls()).isFalse();
    assertThat(params.user()).isEqualTo("user-1");
    assertThat(params.safetyIdentifier()).isEqualTo("hash-1");
    assertThat(params.promptCacheKey()).isEqualTo("cache-1");
    assertThat(params.store()).isTrue();
    assertThat(params.metadata()).containsExactly(Map.entry("team", "search"));
    assertThat(params.logprobs()).isTrue();
    assertThat(params.topLogprobs()).isEqualTo(3L);
    assertThat(params.reasoningEffort()).isSameAs(ReasoningEffort.LOW);
    assertThat(params.serviceTier()).isSameAs(ServiceTier.FLEX);
    assertThat(params.streamOptions().includeUsage()).isTrue();
  }

  @Test
  void toolChoiceModeAndSingleStop() {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder().model("m").addUserMessage("u").toolChoice("required").stop("STOP").build();

    assertThat(params.toJson()).containsEntry("tool_choice", "required").containsEntry("stop", "STOP");
    assertThat(params.toolChoiceMode()).isEqualTo("required");
    assertThat(params.toolChoiceFunctionName()).isNull();
    assertThat(params.stop()).containsExactly("STOP");
  }

  @Test
  void jsonSchemaResponseFormat() {
    ResponseFormatJsonSchema format =
        ResponseFormatJsonSchema.builder()
            .name("weather")
            .description("A weather report")
            .schema(WEATHER_SCHEMA)
            .strict(true)
            .build();
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder().model("m").addUserMessage("u").responseFormat(format).build();

    assertThat(params.toJson().get("response_format"))
        .isEqualTo(
            TestJson.parse(
                """
                {"type": "json_schema",
                 "json_schema": {
                   "name": "weather",
                   "description": "A weather report",
                   "schema": {"type": "object", "properties": {"city": {"type": "string"}},
                              "required": ["city"], "additionalProperties": false},
                   "strict": true}}
                """));
    ResponseFormat decoded = params.responseFormat();
    assertThat(decoded).isInstanceOf(ResponseFormatJsonSchema.class).isEqualTo(format);
    ResponseFormatJsonSchema.JsonSchema schema = ((ResponseFormatJsonSchema) decoded).jsonSchema();
    assertThat(schema.name()).isEqualTo("weather");
    assertThat(schema.description()).isEqualTo("A weather report");
    assertThat(schema.strict()).isTrue();
    assertThat(schema.schema()).containsEntry("type", "object");

    assertThat(ResponseFormat.jsonSchema("weather", WEATHER_SCHEMA).toJson())
        .isEqualTo(format.toBuilder().description(null).build().toJson());
    assertThat(ResponseFormat.text().toJson()).isEqualTo(TestJson.parse("{\"type\": \"text\"}"));
  }

  @Test
  void responseFormatUnionDecodesUnknownTypes() {
    assertThat(ResponseFormat.fromJson(TestJson.object("{\"type\": \"text\"}"))).isInstanceOf(ResponseFormatText.class);
    assertThat(ResponseFormat.fromJson(TestJson.object("{\"type\": \"json_object\"}")))
        .isInstanceOf(ResponseFormatJsonObject.class);
    ResponseFormat grammar = ResponseFormat.fromJson(TestJson.object("{\"type\": \"grammar\", \"grammar\": \"x\"}"));
    assertThat(grammar).isInstanceOf(ResponseFormatUnknown.class);
    assertThat(grammar.type()).isEqualTo("grammar");
    assertThat(grammar.jsonField("grammar")).isEqualTo("x");
    assertThat(ResponseFormat.fromJson(TestJson.object("{}"))).isInstanceOf(ResponseFormatUnknown.class);
  }

  @Test
  void withStreamReturnsACopy() {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder().model("m").addUserMessage("u").streamOptions(true).build();

    ChatCompletionCreateParams streaming = params.withStream(true);
    assertThat(streaming.stream()).isTrue();
    assertThat(streaming.toJson()).containsEntry("stream", true).containsKey("stream_options");
    assertThat(params.stream()).isFalse();
    assertThat(params.toJson()).doesNotContainKey("stream");

    ChatCompletionCreateParams plain = streaming.withStream(false);
    assertThat(plain.stream()).isFalse();
    assertThat(plain.toJson())
        .isEqualTo(TestJson.parse("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"u\"}]}"));
  }

  @Test
  void unknownParametersAreSentAndKept() {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model("m")
            .addUserMessage("u")
            .putJsonField("verbosity", "low")
            .putJsonField("modalities", List.of("text"))
            .build();

    assertThat(params.toJson()).containsEntry("verbosity", "low").containsEntry("modalities", List.of("text"));
    assertThat(params.withStream(true).toJson()).containsEntry("verbosity", "low");
    assertThat(params.toBuilder().removeJsonField("verbosity").build().toJson()).doesNotContainKey("verbosity");
  }

  @Test
  void addMessageEchoesAGeneratedMessage() {
    ChatCompletionMessage reply =
        ChatCompletionMessage.builder()
            .content(null)
            .addToolCall(ChatCompletionMessageToolCall.ofFunction("call_1", "get_weather", "{}"))
            .build();

    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model("m")
            .addMessage(ChatCompletionMessageParam.user("weather?"))
            .addMessage(reply)
            .addMessage(ChatCompletionMessageParam.tool("call_1", "sunny"))
            .build();

    assertThat(params.messages())
        .hasExactlyElementsOfTypes(
            ChatCompletionUserMessageParam.class,
            ChatCompletionAssistantMessageParam.class,
            ChatCompletionToolMessageParam.class);
    assertThat(((ChatCompletionAssistantMessageParam) params.messages().get(1)).toolCalls())
        .extracting(ChatCompletionMessageToolCall::id)
        .containsExactly("call_1");
  }

  @Test
  void buildRequiresModelAndMessages() {
    assertThatThrownBy(() -> ChatCompletionCreateParams.builder().addUserMessage("u").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model");
    assertThatThrownBy(() -> ChatCompletionCreateParams.builder().model("m").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("messages");
    assertThatThrownBy(() -> ChatCompletionCreateParams.builder().model("m").messages(List.of()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("messages is empty");
  }

  @Test
  void toolBuildersAndFactories() {
    FunctionDefinition definition =
        FunctionDefinition.builder().name("lookup").parameters(Map.of("type", "object")).build();
    ChatCompletionTool tool = ChatCompletionTool.ofFunction(definition);

    assertThat(tool.toJson())
        .isEqualTo(
            TestJson.parse(
                "{\"type\": \"function\", \"function\": {\"name\": \"lookup\", \"parameters\": {\"type\": \"object\"}}}"));
    assertThat(tool.type()).isEqualTo("function");
    assertThat(tool.function()).isEqualTo(definition);
    assertThat(tool.toBuilder().description("d").build().function().description()).isEqualTo("d");
    assertThat(tool.toBuilder().description("d").build().function().name()).isEqualTo("lookup");
    assertThat(FunctionDefinition.builder().name("x").build().parameters()).isEmpty();
    assertThatThrownBy(() -> ChatCompletionTool.builder().description("no name").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("function.name");
    assertThatThrownBy(() -> FunctionDefinition.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> ResponseFormatJsonSchema.builder().strict(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("json_schema.name");
  }
}
