package dev.conduit.models.responses;

import dev.conduit.models.ReasoningEffort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testutil.TestJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseCreateParamsTest {
  private static final Map<String, Object> WEATHER_SCHEMA = TestJson.object("""
      {"type": "object", "properties": {"location": {"type": "string"}},
       "required": ["location"], "additionalProperties": false}""");

  @Test
  void simpleTextRequest() {
    ResponseCreateParams params = ResponseCreateParams.builder()
        .model("gpt-5")
        .instructions("Be brief.")
        .input("Write a haiku about Java.")
        .build();

    assertThat(params.toJson()).isEqualTo(TestJson.parse(
        "{\"model\": \"gpt-5\", \"instructions\": \"Be brief.\", \"input\": \"Write a haiku about Java.\"}"));
    assertThat(params.model()).isEqualTo("gpt-5");
    assertThat(params.instructions()).isEqualTo("Be brief.");
    assertThat(params.inputText()).isEqualTo("Write a haiku about Java.");
    assertThat(params.inputItems()).isEmpty();
    assertThat(params.stream()).isNull();
  }

  @Test
  void fullRequestProducesTheExactTree() {
    ResponseCreateParams params = ResponseCreateParams.builder()
        .model("gpt-5")
        .input(List.of(
            ResponseInputItem.developerMessage("Answer in French."),
            ResponseInputItem.message("user", List.of(
                ResponseInputContent.text("Weather here?"), ResponseInputContent.imageUrl("data:image/png;base64,AAAA")))))
        .addTool(FunctionTool.builder()
            .name("get_weather")
            .description("Current weather")
            .parameters(WEATHER_SCHEMA)
            .strict(true)
            .build())
        .addTool(WebSearchTool.builder().allowedDomains(List.of("meteo.fr")).build())
        .addTool(FileSearchTool.builder().vectorStoreIds(List.of("vs_1")).maxNumResults(5L).build())
        .toolChoice(ToolChoice.function("get_weather"))
        .text(ResponseTextConfig.of(ResponseTextFormat.JsonSchema.builder()
            .name("weather")
            .schema(WEATHER_SCHEMA)
            .strict(true)
            .description("A weather report")
            .build()))
        .reasoning(Reasoning.builder().effort(ReasoningEffort.LOW).summary("auto").build())
        .temperature(0.2)
        .topP(0.9)
        .maxOutputTokens(500L)
        .previousResponseId("resp_prev")
        .store(false)
        .background(false)
        .metadata(Map.of("trace", "t1"))
        .parallelToolCalls(false)
        .user("user-1")
        .include(List.of("reasoning.encrypted_content"))
        .serviceTier("flex")
        .truncation("auto")
        .build();

    assertThat(params.toJson()).isEqualTo(TestJson.parse("""
        {
          "model": "gpt-5",
          "input": [
            {"type": "message", "role": "developer", "content": "Answer in French."},
            {"type": "message", "role": "user", "content": [
              {"type": "input_text", "text": "Weather here?"},
              {"type": "input_image", "image_url": "data:image/png;base64,AAAA", "detail": "auto"}]}
          ],
          "tools": [
            {"type": "function", "name": "get_weather", "description": "Current weather",
             "parameters": {"type": "object", "properties": {"location": {"type": "string"}},
                            "required": ["location"], "additionalProperties": false},
             "strict": true},
            {"type": "web_search", "filters": {"allowed_domains": ["meteo.fr"]}},
            {"type": "file_search", "vector_store_ids": ["vs_1"], "max_num_results": 5}
          ],
          "tool_choice": {"type": "function", "name": "get_weather"},
          "text": {"format": {"type": "json_schema", "name": "weather",
                              "schema": {"type": "object", "properties": {"location": {"type": "string"}},
                                         "required": ["location"], "additionalProperties": false},
                              "strict": true, "description": "A weather report"}},
          "reasoning": {"effort": "low", "summary": "auto"},
          "temperature": 0.2,
          "top_p": 0.9,
          "max_output_tokens": 500,
          "previous_response_id": "resp_prev",
          "store": false,
          "background": false,
          "metadata": {"trace": "t1"},
          "parallel_tool_calls": false,
          "user": "user-1",
          "include": ["reasoning.encrypted_content"],
          "service_tier": "flex",
          "truncation": "auto"
        }"""));

    assertThat(params.inputText()).isNull();
    assertThat(params.inputItems()).hasSize(2).first().isInstanceOf(ResponseInputMessage.class);
    assertThat(params.tools()).extracting(Tool::type).containsExactly("function", "web_search", "file_search");
    assertThat(((WebSearchTool) params.tools().get(1)).allowedDomains()).containsExactly("meteo.fr");
    FileSearchTool fileSearch = (FileSearchTool) params.tools().get(2);
    assertThat(fileSearch.vectorStoreIds()).containsExactly("vs_1");
    assertThat(fileSearch.maxNumResults()).isEqualTo(5L);
    assertThat(fileSearch.filters()).isEmpty();
    assertThat(params.toolChoice()).isEqualTo(Map.of("type", "function", "name", "get_weather"));
    ResponseTextFormat.JsonSchema format = (ResponseTextFormat.JsonSchema) params.text().format();
    assertThat(format.name()).isEqualTo("weather");
    assertThat(format.schema()).isEqualTo(WEATHER_SCHEMA);
    assertThat(format.strict()).isTrue();
    assertThat(format.description()).isEqualTo("A weather report");
    assertThat(params.reasoning().effort()).isSameAs(ReasoningEffort.LOW);
    assertThat(params.temperature()).isEqualTo(0.2);
    assertThat(params.topP()).isEqualTo(0.9);
    assertThat(params.maxOutputTokens()).isEqualTo(500L);
    assertThat(params.previousResponseId()).isEqualTo("resp_prev");
    assertThat(params.store()).isFalse();
    assertThat(params.background()).isFalse();
    assertThat(params.metadata()).containsExactly(Map.entry("trace", "t1"));
    assertThat(params.parallelToolCalls()).isFalse();
    assertThat(params.user()).isEqualTo("user-1");
    assertThat(params.include()).containsExactly("reasoning.encrypted_content");
    assertThat(params.serviceTier()).isEqualTo("flex");
    assertThat(params.truncation()).isEqualTo("auto");
    assertThat(params.toBuilder().build()).isEqualTo(params);
  }

  @Test
  void toolLoopInputSendsOutputItemsBack() {
    Response first = Response.fromJson(TestJson.object("""
        {"id": "resp_1", "output": [{"type": "function_call", "id": "fc_1", "call_id": "call_1",
          "name": "get_weather", "arguments": "{\\"location\\":\\"Paris\\"}", "status": "completed"}]}"""));
    ResponseFunctionToolCall call = (ResponseFunctionToolCall) first.output().get(0);

    ResponseCreateParams next = ResponseCreateParams.builder()
        .model("gpt-5")
        .input("What is the weather in Paris?")
        .addInput(ResponseInputItem.fromOutput(call))
        .addInput(ResponseInputItem.functionCallOutput(call.callId(), "{\"celsius\":21}"))
        .build();

    assertThat(next.jsonField("input")).isEqualTo(TestJson.parse("""
        [{"type": "message", "role": "user", "content": "What is the weather in Paris?"},
         {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "get_weather",
          "arguments": "{\\"location\\":\\"Paris\\"}", "status": "completed"},
         {"type": "function_call_output", "call_id": "call_1", "output": "{\\"celsius\\":21}"}]"""));
    assertThat(next.inputItems()).extracting(ResponseInputItem::type)
        .containsExactly("message", "function_call", "function_call_output");
  }

  @Test
  void toolChoiceForms() {
    assertThat(ResponseCreateParams.builder().toolChoice("required").build().toolChoice()).isEqualTo("required");
    assertThat(ResponseCreateParams.builder().toolChoice(ToolChoice.none()).build().toolChoice()).isEqualTo("none");
    assertThat(ToolChoice.auto().value()).isEqualTo("auto");
    assertThat(ToolChoice.function("f")).isEqualTo(ToolChoice.function("f")).isNotEqualTo(ToolChoice.function("g"));
    assertThat(ToolChoice.of(Map.of("type", "allowed_tools", "mode", "auto")).value())
        .isEqualTo(Map.of("type", "allowed_tools", "mode", "auto"));
    assertThatThrownBy(() -> ToolChoice.of(42)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withStreamReturnsACopy() {
    ResponseCreateParams params = ResponseCreateParams.builder().model("gpt-5").input("Hi").build();
    ResponseCreateParams streaming = params.withStream(true);

    assertThat(streaming.stream()).isTrue();
    assertThat(streaming.toJson()).isEqualTo(TestJson.parse("{\"model\": \"gpt-5\", \"input\": \"Hi\", \"stream\": true}"));
    assertThat(params.stream()).isNull();
    assertThat(params.withStream(false).stream()).isFalse();
  }

  @Test
  void unknownParametersAreSent() {
    ResponseCreateParams params = ResponseCreateParams.builder()
        .model("gpt-5")
        .putJsonField("prompt_cache_key", "k")
        .putJsonField("conversation", null)
        .build();
    assertThat(params.toJson()).isEqualTo(TestJson.parse(
        "{\"model\": \"gpt-5\", \"prompt_cache_key\": \"k\", \"conversation\": null}"));
  }

  @Test
  void requiredFieldsOfNestedBuildersAreChecked() {
    assertThatThrownBy(() -> FunctionTool.builder().description("d").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> ResponseTextFormat.JsonSchema.builder().name("n").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("schema");
    assertThatThrownBy(() -> FileSearchTool.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("vector_store_ids");
    assertThatThrownBy(() -> ResponseCreateParams.builder().model(null))
        .isInstanceOf(NullPointerException.class).hasMessage("model == null");
  }

  @Test
  void textFormatsAndToolsDecodeByType() {
    assertThat(ResponseTextFormat.text().toJson()).isEqualTo(TestJson.parse("{\"type\": \"text\"}"));
    assertThat(ResponseTextFormat.jsonObject().toJson()).isEqualTo(TestJson.parse("{\"type\": \"json_object\"}"));
    assertThat(ResponseTextFormat.fromJson(TestJson.object("{\"type\": \"json_object\"}")))
        .isInstanceOf(ResponseTextFormat.JsonObject.class);
    assertThat(ResponseTextFormat.fromJson(TestJson.object("{\"type\": \"grammar\", \"syntax\": \"lark\"}")))
        .isInstanceOfSatisfying(ResponseTextFormat.Unknown.class, u -> assertThat(u.type()).isEqualTo("grammar"));
    assertThat(Tool.fromJson(TestJson.object("{\"type\": \"web_search_preview\"}"))).isInstanceOf(WebSearchTool.class);
    assertThat(Tool.fromJson(TestJson.object("{\"type\": \"code_interpreter\", \"container\": {\"type\": \"auto\"}}")))
        .isInstanceOfSatisfying(Tool.Unknown.class, u -> {
          assertThat(u.type()).isEqualTo("code_interpreter");
          assertThat(u.jsonField("container")).isEqualTo(Map.of("type", "auto"));
        });
    assertThat(Reasoning.of(ReasoningEffort.of("ultra")).effort().value()).isEqualTo("ultra");
    assertThat(ReasoningEffort.of("xhigh")).isSameAs(ReasoningEffort.XHIGH);
  }
}
