package dev.conduit.models.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import org.junit.jupiter.api.Test;

class ChatCompletionChunkTest {
  @Test
  void decodesTheSpecExampleChunks() {
    ChatCompletionChunk first =
        chunk(
            """
            {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini",
             "system_fingerprint": "fp_44709d6fcb",
             "choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],
             "obfuscation":"r4N7vQ2m"}
            """);
    assertThat(first.id()).isEqualTo("chatcmpl-123");
    assertThat(first.object()).isEqualTo("chat.completion.chunk");
    assertThat(first.created()).isEqualTo(1694268190L);
    assertThat(first.model()).isEqualTo("gpt-4o-mini");
    assertThat(first.systemFingerprint()).isEqualTo("fp_44709d6fcb");
    assertThat(first.usage()).isNull();
    assertThat(first.serviceTier()).isNull();
    assertThat(first.jsonField("obfuscation")).isEqualTo("r4N7vQ2m");
    ChatCompletionChunk.Choice choice = first.choices().get(0);
    assertThat(choice.index()).isZero();
    assertThat(choice.finishReason()).isNull();
    assertThat(choice.logprobs()).isNull();
    assertThat(choice.delta().role()).isEqualTo("assistant");
    assertThat(choice.delta().content()).isEmpty();
    assertThat(choice.delta().refusal()).isNull();
    assertThat(choice.delta().toolCalls()).isEmpty();

    ChatCompletionChunk last =
        chunk(
            """
            {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini",
             "choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"obfuscation":""}
            """);
    assertThat(last.choices().get(0).finishReason()).isSameAs(FinishReason.STOP);
    assertThat(last.choices().get(0).delta().content()).isNull();
  }

  @Test
  void decodesToolCallFragmentsAndTheUsageChunk() {
    ChatCompletionChunk fragment =
        chunk(
            """
            {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","usage":null,
             "choices":[{"index":0,"finish_reason":null,"delta":{"tool_calls":[
               {"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":""}}]}}]}
            """);
    ChatCompletionChunk.ToolCallDelta call = fragment.choices().get(0).delta().toolCalls().get(0);
    assertThat(call.index()).isEqualTo(1);
    assertThat(call.id()).isEqualTo("call_b");
    assertThat(call.type()).isEqualTo("function");
    assertThat(call.functionName()).isEqualTo("get_time");
    assertThat(call.functionArguments()).isEmpty();
    assertThat(fragment.usage()).isNull();

    ChatCompletionChunk usage =
        chunk(
            """
            {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],
             "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
            """);
    assertThat(usage.choices()).isEmpty();
    assertThat(usage.usage().totalTokens()).isEqualTo(15);
  }

  @Test
  void missingRequiredFieldsFailInTheirGetters() {
    ChatCompletionChunk broken = chunk("{\"choices\": [{\"delta\": {\"tool_calls\": [{\"id\": \"x\"}]}}]}");

    assertThat(broken.choices()).hasSize(1);
    assertThatThrownBy(broken::id)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ChatCompletionChunk.id");
    assertThatThrownBy(() -> broken.choices().get(0).index())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Choice.index");
    ChatCompletionChunk.ToolCallDelta call = broken.choices().get(0).delta().toolCalls().get(0);
    assertThat(call.id()).isEqualTo("x");
    assertThat(call.function()).isNull();
    assertThat(call.functionName()).isNull();
    assertThatThrownBy(call::index)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ToolCallDelta.index");
  }

  @Test
  void builderProducesTheWireForm() {
    ChatCompletionChunk built =
        ChatCompletionChunk.builder()
            .id("c")
            .created(5)
            .model("m")
            .systemFingerprint("fp")
            .addChoice(
                ChatCompletionChunk.Choice.builder()
                    .index(0)
                    .delta(
                        ChatCompletionChunk.Delta.builder()
                            .role("assistant")
                            .content("Hi")
                            .addToolCall(
                                ChatCompletionChunk.ToolCallDelta.builder()
                                    .index(0)
                                    .id("call_1")
                                    .type("function")
                                    .function("f", "{")
                                    .build())
                            .build())
                    .finishReason(null)
                    .build())
            .build();

    assertThat(built.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"object": "chat.completion.chunk", "id": "c", "created": 5, "model": "m", "system_fingerprint": "fp",
                 "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hi",
                   "tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                   "function": {"name": "f", "arguments": "{"}}]}}]}
                """));
    assertThat(built.toBuilder().usage(CompletionUsage.builder().totalTokens(1).build()).build().usage().totalTokens())
        .isEqualTo(1);
  }

  private static ChatCompletionChunk chunk(String json) {
    return ChatCompletionChunk.fromJson(TestJson.object(json));
  }
}
