package dev.conduit.models.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testutil.TestJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionAccumulatorTest {
  private static final String HEAD =
      "\"id\":\"chatcmpl-9x\",\"object\":\"chat.completion.chunk\",\"created\":1718000000,"
          + "\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_9\",\"usage\":null,";

  /** Content, then two parallel tool calls whose argument fragments interleave, then a usage chunk. */
  private static final List<String> STREAM =
      List.of(
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"obfuscation\":\"abc\"}",
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me \"},\"logprobs\":null,\"finish_reason\":null}]}",
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"check.\"},\"logprobs\":null,\"finish_reason\":null}]}",
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]},\"logprobs\":null,\"finish_reason\":null}]}",
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]},\"logprobs\":null,\"finish_reason\":null}]}",
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{\\\"tz\"}}]},\"logprobs\":null,\"finish_reason\":null}]}",
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\": \\\"Paris\\\"}\"}}]},\"logprobs\":null,\"finish_reason\":null}]}",
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\": \\\"CET\\\"}\"}}]},\"logprobs\":null,\"finish_reason\":null}]}",
          "{" + HEAD + "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}]}",
          "{\"id\":\"chatcmpl-9x\",\"object\":\"chat.completion.chunk\",\"created\":1718000000,\"model\":\"gpt-4o-2024-08-06\","
              + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_9\",\"choices\":[],"
              + "\"usage\":{\"prompt_tokens\":82,\"completion_tokens\":41,\"total_tokens\":123,"
              + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
              + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
              + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}");

  @Test
  void mergesContentParallelToolCallsAndTheFinalUsage() {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    for (String chunk : STREAM) {
      accumulator.accept(ChatCompletionChunk.fromJson(TestJson.object(chunk)));
    }

    ChatCompletion completion = accumulator.finalCompletion();

    assertThat(completion.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {
                  "id": "chatcmpl-9x",
                  "object": "chat.completion",
                  "created": 1718000000,
                  "model": "gpt-4o-2024-08-06",
                  "choices": [{
                    "index": 0,
                    "message": {
                      "role": "assistant",
                      "content": "Let me check.",
                      "refusal": null,
                      "tool_calls": [
                        {"id": "call_a", "type": "function",
                         "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}},
                        {"id": "call_b", "type": "function",
                         "function": {"name": "get_time", "arguments": "{\\"tz\\": \\"CET\\"}"}}
                      ]
                    },
                    "logprobs": null,
                    "finish_reason": "tool_calls"
                  }],
                  "usage": {
                    "prompt_tokens": 82, "completion_tokens": 41, "total_tokens": 123,
                    "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                    "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
                  },
                  "service_tier": "default",
                  "system_fingerprint": "fp_9"
                }
                """));
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.finishReason()).isSameAs(FinishReason.TOOL_CALLS);
    assertThat(choice.message().toolCalls())
        .extracting(call -> call.function().arguments())
        .containsExactly("{\"city\": \"Paris\"}", "{\"tz\": \"CET\"}");
    assertThat(completion.usage().totalTokens()).isEqualTo(123);
    assertThat(completion.serviceTier()).isSameAs(ServiceTier.DEFAULT);
  }

  @Test
  void snapshotsMidStreamAreIndependent() {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    accumulator.accept(ChatCompletionChunk.fromJson(TestJson.object(STREAM.get(0))));
    accumulator.accept(ChatCompletionChunk.fromJson(TestJson.object(STREAM.get(1))));

    ChatCompletion partial = accumulator.finalCompletion();
    accumulator.accept(ChatCompletionChunk.fromJson(TestJson.object(STREAM.get(2))));

    assertThat(partial.choices().get(0).message().content()).isEqualTo("Let me ");
    assertThat(partial.hasField("usage")).isFalse();
    assertThat(partial.choices().get(0).jsonField("finish_reason")).isNull();
    assertThat(accumulator.finalCompletion().choices().get(0).message().content()).isEqualTo("Let me check.");
  }

  @Test
  void mergesSeveralChoicesRefusalsAndLogprobs() {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    String head = "\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",";
    List<String> chunks =
        List.of(
            "{" + head + "\"choices\":[{\"index\":1,\"delta\":{\"role\":\"assistant\",\"refusal\":\"I can\"},\"finish_reason\":null},"
                + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"A\"},\"finish_reason\":null,"
                + "\"logprobs\":{\"content\":[{\"token\":\"A\",\"logprob\":-0.1,\"bytes\":[65],\"top_logprobs\":[]}],\"refusal\":null}}]}",
            "{" + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"B\"},\"finish_reason\":\"length\","
                + "\"logprobs\":{\"content\":[{\"token\":\"B\",\"logprob\":-0.2,\"bytes\":[66],\"top_logprobs\":[]}],\"refusal\":null}},"
                + "{\"index\":1,\"delta\":{\"refusal\":\"'t help.\"},\"finish_reason\":\"stop\"}]}");
    for (String chunk : chunks) {
      accumulator.accept(ChatCompletionChunk.fromJson(TestJson.object(chunk)));
    }

    ChatCompletion completion = accumulator.finalCompletion();

    assertThat(completion.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0L, 1L);
    ChatCompletion.Choice first = completion.choices().get(0);
    assertThat(first.message().content()).isEqualTo("AB");
    assertThat(first.finishReason()).isSameAs(FinishReason.LENGTH);
    assertThat(first.logprobs())
        .isEqualTo(
            TestJson.parse(
                """
                {"content": [{"token": "A", "logprob": -0.1, "bytes": [65], "top_logprobs": []},
                             {"token": "B", "logprob": -0.2, "bytes": [66], "top_logprobs": []}],
                 "refusal": null}
                """));
    ChatCompletion.Choice second = completion.choices().get(1);
    assertThat(second.message().content()).isNull();
    assertThat(second.message().refusal()).isEqualTo("I can't help.");
    assertThat(second.message().toolCalls()).isEmpty();
    assertThat(second.finishReason()).isSameAs(FinishReason.STOP);
    assertThat(completion.usage()).isNull();
    assertThat(completion.systemFingerprint()).isNull();
  }

  @Test
  void toolCallWithoutTypeDefaultsToFunction() {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    accumulator.accept(
        ChatCompletionChunk.fromJson(
            TestJson.object(
                "{\"id\":\"c\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"tool_calls\":[{\"index\":0,\"id\":\"call_z\",\"function\":{\"name\":\"f\"}}]}}]}")));

    ChatCompletionMessageToolCall call = accumulator.finalCompletion().choices().get(0).message().toolCalls().get(0);
    assertThat(call.type()).isEqualTo("function");
    assertThat(call.function().name()).isEqualTo("f");
    assertThat(call.function().arguments()).isEmpty();
  }

  @Test
  void finalCompletionBeforeAnyChunkFails() {
    assertThatThrownBy(() -> new ChatCompletionAccumulator().finalCompletion())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no chunk");
  }
}
