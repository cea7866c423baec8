package dev.conduit.models.responses;

import dev.conduit.models.ReasoningEffort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseTest {
  static final String FULL = """
      {
        "id": "resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41",
        "object": "response",
        "created_at": 1741476777,
        "status": "completed",
        "completed_at": 1741476778,
        "background": false,
        "error": null,
        "incomplete_details": null,
        "instructions": "You are a helpful assistant.",
        "max_output_tokens": 1024,
        "model": "gpt-4o-2024-08-06",
        "output": [
          {
            "type": "reasoning",
            "id": "rs_1",
            "summary": [{"type": "summary_text", "text": "Thinking about haiku."}],
            "encrypted_content": "gAAAA",
            "status": "completed"
          },
          {
            "type": "message",
            "id": "msg_67ccd3acc8d48190a77525dc6de64b4104becb25c45c1d41",
            "status": "completed",
            "role": "assistant",
            "content": [
              {"type": "output_text", "text": "Silent circuits hum, ", "annotations": [], "logprobs": []},
              {"type": "output_text", "text": "digital dawn breaks.",
               "annotations": [{"type": "url_citation", "url": "https://example.com", "start_index": 0, "end_index": 6}]}
            ]
          },
          {
            "type": "function_call",
            "id": "fc_12345xyz",
            "call_id": "call_12345xyz",
            "name": "get_weather",
            "arguments": "{\\"location\\":\\"Paris, France\\"}",
            "status": "completed"
          },
          {
            "type": "message",
            "id": "msg_2",
            "status": "completed",
            "role": "assistant",
            "content": [{"type": "refusal", "refusal": "I can't help with that."}]
          }
        ],
        "parallel_tool_calls": true,
        "previous_response_id": "resp_prev",
        "reasoning": {"effort": "high", "summary": "auto"},
        "store": true,
        "temperature": 0.7,
        "text": {"format": {"type": "text"}, "verbosity": "medium"},
        "tool_choice": "auto",
        "tools": [
          {"type": "function", "name": "get_weather", "description": "Get the weather",
           "parameters": {"type": "object", "properties": {"location": {"type": "string"}}}, "strict": true},
          {"type": "web_search", "search_context_size": "low"}
        ],
        "top_p": 1.0,
        "truncation": "disabled",
        "service_tier": "default",
        "usage": {
          "input_tokens": 36,
          "input_tokens_details": {"cached_tokens": 4, "cache_write_tokens": 0},
          "output_tokens": 87,
          "output_tokens_details": {"reasoning_tokens": 64},
          "total_tokens": 123
        },
        "user": "user-1234",
        "metadata": {"session": "abc"}
      }
      """;

  static Response full() {
    return Response.fromJson(TestJson.object(FULL));
  }

  @Test
  void decodesEveryField() {
    Response r = full();

    assertThat(r.id()).isEqualTo("resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41");
    assertThat(r.object()).isEqualTo("response");
    assertThat(r.createdAt()).isEqualTo(1741476777L);
    assertThat(r.completedAt()).isEqualTo(1741476778L);
    assertThat(r.status()).isSameAs(ResponseStatus.COMPLETED);
    assertThat(r.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(r.error()).isNull();
    assertThat(r.incompleteDetails()).isNull();
    assertThat(r.instructions()).isEqualTo("You are a helpful assistant.");
    assertThat(r.instructionItems()).isEmpty();
    assertThat(r.maxOutputTokens()).isEqualTo(1024L);
    assertThat(r.parallelToolCalls()).isTrue();
    assertThat(r.previousResponseId()).isEqualTo("resp_prev");
    assertThat(r.store()).isTrue();
    assertThat(r.background()).isFalse();
    assertThat(r.temperature()).isEqualTo(0.7);
    assertThat(r.topP()).isEqualTo(1.0);
    assertThat(r.toolChoice()).isEqualTo("auto");
    assertThat(r.truncation()).isEqualTo("disabled");
    assertThat(r.serviceTier()).isEqualTo("default");
    assertThat(r.user()).isEqualTo("user-1234");
    assertThat(r.metadata()).containsExactly(Map.entry("session", "abc"));

    Reasoning reasoning = r.reasoning();
    assertThat(reasoning).isNotNull();
    assertThat(reasoning.effort()).isSameAs(ReasoningEffort.HIGH);
    assertThat(reasoning.summary()).isEqualTo("auto");

    ResponseTextConfig text = r.text();
    assertThat(text).isNotNull();
    assertThat(text.format()).isInstanceOf(ResponseTextFormat.Text.class);
    assertThat(text.format().type()).isEqualTo("text");
    assertThat(text.verbosity()).isEqualTo("medium");

    ResponseUsage usage = r.usage();
    assertThat(usage).isNotNull();
    assertThat(usage.inputTokens()).isEqualTo(36);
    assertThat(usage.outputTokens()).isEqualTo(87);
    assertThat(usage.totalTokens()).isEqualTo(123);
    assertThat(usage.inputTokensDetails().cachedTokens()).isEqualTo(4);
    assertThat(usage.outputTokensDetails().reasoningTokens()).isEqualTo(64);

    List<Tool> tools = r.tools();
    assertThat(tools).hasSize(2);
    FunctionTool fn = (FunctionTool) tools.get(0);
    assertThat(fn.type()).isEqualTo("function");
    assertThat(fn.name()).isEqualTo("get_weather");
    assertThat(fn.description()).isEqualTo("Get the weather");
    assertThat(fn.parameters()).containsEntry("type", "object");
    assertThat(fn.strict()).isTrue();
    WebSearchTool web = (WebSearchTool) tools.get(1);
    assertThat(web.searchContextSize()).isEqualTo("low");
    assertThat(web.allowedDomains()).isEmpty();
  }

  @Test
  void decodesOutputItemsAndText() {
    Response r = full();
    List<ResponseOutputItem> output = r.output();
    assertThat(output).extracting(ResponseOutputItem::type)
        .containsExactly("reasoning", "message", "function_call", "message");

    ResponseReasoningItem reasoning = (ResponseReasoningItem) output.get(0);
    assertThat(reasoning.id()).isEqualTo("rs_1");
    assertThat(reasoning.summary()).extracting(ResponseReasoningItem.Part::text).containsExactly("Thinking about haiku.");
    assertThat(reasoning.summary().get(0).type()).isEqualTo("summary_text");
    assertThat(reasoning.content()).isEmpty();
    assertThat(reasoning.encryptedContent()).isEqualTo("gAAAA");
    assertThat(reasoning.status()).isEqualTo("completed");

    ResponseOutputMessage message = (ResponseOutputMessage) output.get(1);
    assertThat(message.id()).isEqualTo("msg_67ccd3acc8d48190a77525dc6de64b4104becb25c45c1d41");
    assertThat(message.role()).isEqualTo("assistant");
    assertThat(message.status()).isEqualTo("completed");
    assertThat(message.content()).hasSize(2);
    ResponseOutputContent.OutputText second = (ResponseOutputContent.OutputText) message.content().get(1);
    assertThat(second.text()).isEqualTo("digital dawn breaks.");
    assertThat(second.annotations()).singleElement().satisfies(a -> assertThat(a).containsEntry("url", "https://example.com"));
    assertThat(second.logprobs()).isEmpty();
    assertThat(message.text()).isEqualTo("Silent circuits hum, digital dawn breaks.");

    ResponseFunctionToolCall call = (ResponseFunctionToolCall) output.get(2);
    assertThat(call.id()).isEqualTo("fc_12345xyz");
    assertThat(call.callId()).isEqualTo("call_12345xyz");
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.arguments()).isEqualTo("{\"location\":\"Paris, France\"}");
    assertThat(call.status()).isEqualTo("completed");

    ResponseOutputMessage refusal = (ResponseOutputMessage) output.get(3);
    assertThat(((ResponseOutputContent.Refusal) refusal.content().get(0)).refusal()).isEqualTo("I can't help with that.");

    assertThat(r.outputText()).isEqualTo("Silent circuits hum, digital dawn breaks.");
  }

  @Test
  void keepsUnknownFieldsAndResendsThem() {
    Map<String, Object> json = TestJson.object(FULL);
    json.put("future_field", TestJson.parse("{\"nested\": [1, 2]}"));
    Response r = Response.fromJson(json);

    assertThat(r.jsonField("future_field")).isEqualTo(Map.of("nested", List.of(1L, 2L)));
    assertThat(r.toJson()).containsKey("future_field");
    assertThat(r.toBuilder().build()).isEqualTo(r);
    assertThat(r.toBuilder().build().toJson()).isEqualTo(TestJson.parse(FULL.replaceFirst("\\{", "{\"future_field\": {\"nested\": [1, 2]},")));
  }

  @Test
  void unknownStatusStaysRepresentable() {
    Response r = Response.fromJson(TestJson.object("{\"status\": \"paused_for_review\"}"));
    assertThat(r.status().value()).isEqualTo("paused_for_review");
    assertThat(r.status()).isEqualTo(ResponseStatus.of("paused_for_review")).isNotEqualTo(ResponseStatus.COMPLETED);
  }

  @Test
  void unknownOutputItemKeepsTypeAndJson() {
    Response r = Response.fromJson(TestJson.object("""
        {"output": [
          {"type": "image_generation_call", "id": "ig_1", "status": "completed", "result": "iVBOR"},
          {"id": "no_type"}
        ]}"""));
    ResponseOutputItem.Unknown image = (ResponseOutputItem.Unknown) r.output().get(0);
    assertThat(image.type()).isEqualTo("image_generation_call");
    assertThat(image.id()).isEqualTo("ig_1");
    assertThat(image.jsonField("result")).isEqualTo("iVBOR");
    ResponseOutputItem.Unknown typeless = (ResponseOutputItem.Unknown) r.output().get(1);
    assertThat(typeless.type()).isEmpty();
    assertThat(r.outputText()).isEmpty();
  }

  @Test
  void lenientWhenRequiredFieldsAreMissing() {
    Response r = Response.fromJson(TestJson.object("""
        {"status": "completed", "model": "llama3",
         "output": [{"type": "message", "id": "m", "role": "assistant", "status": "completed",
                     "content": [{"type": "output_text", "text": "hi"}]}]}"""));

    assertThat(r.outputText()).isEqualTo("hi");
    assertThat(r.output()).hasSize(1);
    assertThat(r.tools()).isEmpty();
    assertThat(r.metadata()).isEmpty();
    assertThat(r.usage()).isNull();
    assertThatThrownBy(r::id).isInstanceOf(InvalidResponseException.class).hasMessageContaining("Response.id");
    assertThatThrownBy(r::createdAt).isInstanceOf(InvalidResponseException.class).hasMessageContaining("Response.created_at");
  }

  @Test
  void wrongJsonTypesThrowInvalidResponseException() {
    Response r = Response.fromJson(TestJson.object("""
        {"id": 42, "created_at": "yesterday", "output": {"not": "a list"}, "usage": "none",
         "metadata": {"k": 1}, "status": 3, "tools": [1]}"""));

    assertThatThrownBy(r::id).isInstanceOf(InvalidResponseException.class).hasMessageContaining("Response.id");
    assertThatThrownBy(r::createdAt).isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(r::output).isInstanceOf(InvalidResponseException.class).hasMessageContaining("Response.output");
    assertThatThrownBy(r::outputText).isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(r::usage).isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(r::metadata).isInstanceOf(InvalidResponseException.class).hasMessageContaining("Response.metadata.k");
    assertThatThrownBy(r::status).isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(r::tools).isInstanceOf(InvalidResponseException.class).hasMessageContaining("Response.tools[0]");
  }

  @Test
  void instructionsMayBeAListOfItems() {
    Response r = Response.fromJson(TestJson.object("""
        {"instructions": [{"type": "message", "role": "developer", "content": "Be brief."}]}"""));
    assertThat(r.instructions()).isNull();
    assertThat(r.instructionItems()).singleElement()
        .isInstanceOfSatisfying(ResponseInputMessage.class, m -> assertThat(m.text()).isEqualTo("Be brief."));
  }

  @Test
  void failedAndIncompleteDetails() {
    Response r = Response.fromJson(TestJson.object("""
        {"status": "failed", "error": {"code": "server_error", "message": "boom"},
         "incomplete_details": {"reason": "max_output_tokens"}}"""));
    assertThat(r.status()).isSameAs(ResponseStatus.FAILED);
    assertThat(r.error().code()).isEqualTo("server_error");
    assertThat(r.error().message()).isEqualTo("boom");
    assertThat(r.incompleteDetails().reason()).isEqualTo("max_output_tokens");
  }

  @Test
  void builderProducesTheWireForm() {
    Response r = Response.builder()
        .id("resp_1")
        .createdAt(1700000000L)
        .status(ResponseStatus.INCOMPLETE)
        .model("gpt-5")
        .addOutput(ResponseOutputMessage.builder().id("msg_1").addContent(ResponseOutputContent.outputText("Hi")).build())
        .addOutput(ResponseFunctionToolCall.builder().id("fc_1").callId("call_1").name("f").arguments("{}").build())
        .incompleteReason("max_output_tokens")
        .error(ResponseError.builder().code("server_error").message("x").build())
        .usage(ResponseUsage.builder().inputTokens(1).outputTokens(2).totalTokens(3).cachedTokens(0).reasoningTokens(1).build())
        .parallelToolCalls(true)
        .toolChoice(ToolChoice.required())
        .metadata(Map.of("k", "v"))
        .build();

    assertThat(r.toJson()).isEqualTo(TestJson.parse("""
        {"object": "response", "output": [
           {"type": "message", "role": "assistant", "status": "completed",
            "content": [{"type": "output_text", "text": "Hi", "annotations": []}], "id": "msg_1"},
           {"type": "function_call", "status": "completed", "id": "fc_1", "call_id": "call_1", "name": "f", "arguments": "{}"}],
         "id": "resp_1", "created_at": 1700000000, "status": "incomplete", "model": "gpt-5",
         "incomplete_details": {"reason": "max_output_tokens"},
         "error": {"code": "server_error", "message": "x"},
         "usage": {"input_tokens": 1, "output_tokens": 2, "total_tokens": 3,
                   "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 1}},
         "parallel_tool_calls": true, "tool_choice": "required", "metadata": {"k": "v"}}"""));
    assertThat(r.outputText()).isEqualTo("Hi");
    assertThat(r.toolChoice()).isEqualTo("required");
  }
}
