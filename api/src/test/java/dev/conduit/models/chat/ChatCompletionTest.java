package dev.conduit.models.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCompletionTest {
  /** The example of the spec's chat completion object, plus fields this version does not know. */
  private static final String SPEC_EXAMPLE =
      """
      {
        "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
        "object": "chat.completion",
        "created": 1741570283,
        "model": "gpt-4o-2024-08-06",
        "choices": [
          {
            "index": 0,
            "message": {
              "role": "assistant",
              "content": "The image shows a wooden boardwalk path running through a lush green field or meadow.",
              "refusal": null,
              "annotations": []
            },
            "logprobs": null,
            "finish_reason": "stop"
          }
        ],
        "usage": {
          "prompt_tokens": 1117,
          "completion_tokens": 46,
          "total_tokens": 1163,
          "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
          "completion_tokens_details": {
            "reasoning_tokens": 12,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0
          }
        },
        "service_tier": "default",
        "system_fingerprint": "fp_fc9f1d7035",
        "moderation": {"input": {"type": "future_type"}},
        "brand_new_field": [1, 2, {"x": true}]
      }
      """;

  @Test
  void decodesTheSpecExample() {
    ChatCompletion completion = ChatCompletion.fromJson(TestJson.object(SPEC_EXAMPLE));

    assertThat(completion.id()).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
    assertThat(completion.object()).isEqualTo("chat.completion");
    assertThat(completion.created()).isEqualTo(1741570283L);
    assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(completion.systemFingerprint()).isEqualTo("fp_fc9f1d7035");
    assertThat(completion.serviceTier()).isSameAs(ServiceTier.DEFAULT);
    assertThat(completion.metadata()).isEmpty();

    assertThat(completion.choices()).hasSize(1);
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.index()).isZero();
    assertThat(choice.finishReason()).isSameAs(FinishReason.STOP);
    assertThat(choice.logprobs()).isNull();
    ChatCompletionMessage message = choice.message();
    assertThat(message.role()).isEqualTo("assistant");
    assertThat(message.content()).startsWith("The image shows a wooden boardwalk");
    assertThat(message.refusal()).isNull();
    assertThat(message.toolCalls()).isEmpty();
    assertThat(message.annotations()).isEmpty();
    assertThat(message.audio()).isNull();

    CompletionUsage usage = completion.usage();
    assertThat(usage).isNotNull();
    assertThat(usage.promptTokens()).isEqualTo(1117);
    assertThat(usage.completionTokens()).isEqualTo(46);
    assertThat(usage.totalTokens()).isEqualTo(1163);
    assertThat(usage.promptTokensDetails().cachedTokens()).isZero();
    assertThat(usage.promptTokensDetails().audioTokens()).isZero();
    assertThat(usage.completionTokensDetails().reasoningTokens()).isEqualTo(12);
    assertThat(usage.completionTokensDetails().acceptedPredictionTokens()).isZero();
    assertThat(usage.completionTokensDetails().rejectedPredictionTokens()).isZero();
  }

  @Test
  void keepsUnknownFieldsAndReserializesThem() {
    Map<String, Object> original = TestJson.object(SPEC_EXAMPLE);
    ChatCompletion completion = ChatCompletion.fromJson(TestJson.object(SPEC_EXAMPLE));

    assertThat(completion.jsonField("brand_new_field")).isEqualTo(TestJson.parse("[1, 2, {\"x\": true}]"));
    assertThat(completion.toJson()).isEqualTo(original);
    assertThat(completion.toBuilder().build()).isEqualTo(completion);
    assertThat(completion.toBuilder().model("other").build().toJson())
        .containsEntry("model", "other")
        .containsKey("brand_new_field");
  }

  @Test
  void unknownEnumValuesDecodeToNewInstances() {
    ChatCompletion completion =
        ChatCompletion.fromJson(
            TestJson.object(
                """
                {"id": "c", "object": "chat.completion", "created": 1, "model": "m",
                 "service_tier": "ultrafast",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "x", "refusal": null},
                              "logprobs": null, "finish_reason": "moderated"}]}
                """));

    FinishReason reason = completion.choices().get(0).finishReason();
    assertThat(reason.value()).isEqualTo("moderated");
    assertThat(reason).isEqualTo(FinishReason.of("moderated")).isNotEqualTo(FinishReason.STOP);
    assertThat(completion.serviceTier()).isEqualTo(ServiceTier.of("ultrafast"));
    assertThat(FinishReason.of("tool_calls")).isSameAs(FinishReason.TOOL_CALLS);
    assertThat(FinishReason.of("content_filter")).isSameAs(FinishReason.CONTENT_FILTER);
  }

  @Test
  void missingRequiredFieldsFailOnlyInTheirGetter() {
    ChatCompletion completion =
        ChatCompletion.fromJson(TestJson.object("{\"object\": \"chat.completion\", \"choices\": [{\"index\": 0}]}"));

    assertThat(completion.object()).isEqualTo("chat.completion");
    assertThat(completion.usage()).isNull();
    assertThatThrownBy(completion::id)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ChatCompletion.id")
        .hasMessageContaining("absent");
    assertThatThrownBy(completion::created)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ChatCompletion.created");
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.index()).isZero();
    assertThatThrownBy(choice::message)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Choice.message");
  }

  @Test
  void wrongJsonTypesNameTheField() {
    ChatCompletion completion = ChatCompletion.fromJson(TestJson.object("{\"id\": 42, \"choices\": \"none\"}"));

    assertThatThrownBy(completion::id)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ChatCompletion.id: expected string but was number");
    assertThatThrownBy(completion::choices)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ChatCompletion.choices: expected array");
  }

  @Test
  void decodesToolCallsAndAnnotations() {
    ChatCompletionMessage message =
        ChatCompletionMessage.fromJson(
            TestJson.object(
                """
                {
                  "role": "assistant",
                  "content": null,
                  "refusal": null,
                  "tool_calls": [
                    {"id": "call_abc", "type": "function",
                     "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}},
                    {"id": "call_def", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}}
                  ],
                  "annotations": [
                    {"type": "url_citation",
                     "url_citation": {"start_index": 0, "end_index": 5, "url": "https://example.com", "title": "Ex"}}
                  ]
                }
                """));

    assertThat(message.content()).isNull();
    assertThat(message.toolCalls()).hasSize(2);
    ChatCompletionMessageToolCall function = message.toolCalls().get(0);
    assertThat(function.id()).isEqualTo("call_abc");
    assertThat(function.type()).isEqualTo("function");
    assertThat(function.function().name()).isEqualTo("get_weather");
    assertThat(function.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(function.custom()).isNull();
    ChatCompletionMessageToolCall custom = message.toolCalls().get(1);
    assertThat(custom.type()).isEqualTo("custom");
    assertThat(custom.custom().name()).isEqualTo("sql");
    assertThat(custom.custom().input()).isEqualTo("SELECT 1");
    assertThatThrownBy(custom::function)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ChatCompletionMessageToolCall.function");
    assertThat(message.annotations()).hasSize(1);
    assertThat(message.annotations().get(0)).containsEntry("type", "url_citation");
  }

  @Test
  void buildersProduceTheWireForm() {
    ChatCompletion completion =
        ChatCompletion.builder()
            .id("chatcmpl-1")
            .created(1700000000L)
            .model("gpt-5")
            .addChoice(
                ChatCompletion.Choice.builder()
                    .index(0)
                    .message(
                        ChatCompletionMessage.builder()
                            .content(null)
                            .addToolCall(ChatCompletionMessageToolCall.ofFunction("call_1", "f", "{}"))
                            .build())
                    .finishReason(FinishReason.TOOL_CALLS)
                    .build())
            .usage(CompletionUsage.builder().promptTokens(3).completionTokens(4).totalTokens(7).build())
            .serviceTier(ServiceTier.DEFAULT)
            .build();

    assertThat(completion.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"object": "chat.completion", "id": "chatcmpl-1", "created": 1700000000, "model": "gpt-5",
                 "choices": [{"index": 0,
                              "message": {"role": "assistant",
                                          "tool_calls": [{"type": "function", "id": "call_1",
                                                          "function": {"name": "f", "arguments": "{}"}}]},
                              "finish_reason": "tool_calls"}],
                 "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
                 "service_tier": "default"}
                """));
    assertThat(completion.choices().get(0).message().toolCalls().get(0).function().name()).isEqualTo("f");
  }

  @Test
  void decodesAStoredCompletionWithMetadata() {
    ChatCompletion stored =
        ChatCompletion.fromJson(
            TestJson.object(
                """
                {"object": "chat.completion", "id": "chatcmpl-abc123", "model": "gpt-4o-2024-08-06",
                 "created": 1738960610, "request_id": "req_ded8ab984ec4bf840f37566c1011c417",
                 "tool_choice": null, "usage": {"total_tokens": 31, "completion_tokens": 18, "prompt_tokens": 13},
                 "seed": 4944116822809979520, "top_p": 1.0, "temperature": 1.0, "metadata": {"foo": "bar"},
                 "choices": [{"index": 0,
                              "message": {"content": "Mind of circuits hum", "role": "assistant",
                                          "tool_calls": null, "function_call": null},
                              "finish_reason": "stop", "logprobs": null}],
                 "response_format": null}
                """));

    assertThat(stored.metadata()).containsExactly(Map.entry("foo", "bar"));
    assertThat(stored.usage().totalTokens()).isEqualTo(31);
    assertThat(stored.usage().promptTokensDetails()).isNull();
    assertThat(stored.choices().get(0).message().toolCalls()).isEmpty();
    assertThat(stored.jsonField("seed")).isEqualTo(4944116822809979520L);
    assertThat(stored.hasField("tool_choice")).isTrue();
  }
}
