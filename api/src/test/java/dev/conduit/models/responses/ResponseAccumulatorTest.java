package dev.conduit.models.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testutil.TestJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseAccumulatorTest {
  private final ResponseAccumulator acc = new ResponseAccumulator();
  private long seq;

  private void feed(String json) {
    String withSeq = json.replaceFirst("\\{", "{\"sequence_number\": " + seq++ + ", ");
    acc.accept(ResponseStreamEvent.fromJson(TestJson.object(withSeq)));
  }

  private void created() {
    feed("""
        {"type": "response.created", "response": {"id": "resp_1", "object": "response", "created_at": 1741290958,
         "status": "in_progress", "model": "gpt-4.1", "output": [], "parallel_tool_calls": true, "usage": null}}""");
    feed("""
        {"type": "response.in_progress", "response": {"id": "resp_1", "object": "response", "created_at": 1741290958,
         "status": "in_progress", "model": "gpt-4.1", "output": [], "parallel_tool_calls": true, "usage": null}}""");
  }

  private void textMessage(String... deltas) {
    feed("""
        {"type": "response.output_item.added", "output_index": 0,
         "item": {"id": "msg_1", "type": "message", "status": "in_progress", "role": "assistant", "content": []}}""");
    feed("""
        {"type": "response.content_part.added", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "part": {"type": "output_text", "text": "", "annotations": []}}""");
    for (String d : deltas) {
      feed("{\"type\": \"response.output_text.delta\", \"item_id\": \"msg_1\", \"output_index\": 0, \"content_index\": 0, "
          + "\"delta\": \"" + d + "\", \"logprobs\": []}");
    }
  }

  @Test
  void foldsAStreamWhoseTerminalEventHasNoOutput() {
    assertThat(acc.snapshot()).isNull();
    created();
    textMessage("Hi", " there", ",", " friend", "!");
    assertThat(acc.snapshot().outputText()).isEqualTo("Hi there, friend!");

    feed("""
        {"type": "response.output_text.done", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "text": "Hi there, friend!", "logprobs": []}""");
    feed("""
        {"type": "response.content_part.done", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "part": {"type": "output_text", "text": "Hi there, friend!", "annotations": []}}""");
    feed("""
        {"type": "response.output_item.done", "output_index": 0,
         "item": {"id": "msg_1", "type": "message", "status": "completed", "role": "assistant",
                  "content": [{"type": "output_text", "text": "Hi there, friend!", "annotations": []}]}}""");
    feed("""
        {"type": "response.output_item.added", "output_index": 1,
         "item": {"id": "fc_1", "type": "function_call", "status": "in_progress", "call_id": "call_1",
                  "name": "get_weather", "arguments": ""}}""");
    for (String d : new String[] {"{\\\"loc", "ation\\\":", "\\\"Paris\\\"}"}) {
      feed("{\"type\": \"response.function_call_arguments.delta\", \"item_id\": \"fc_1\", \"output_index\": 1, \"delta\": \"" + d + "\"}");
    }
    assertThat(acc.isDone()).isFalse();
    feed("""
        {"type": "response.completed", "response": {"id": "resp_1", "object": "response", "created_at": 1741290958,
         "status": "completed", "model": "gpt-4.1", "output": [], "parallel_tool_calls": true,
         "usage": {"input_tokens": 10, "output_tokens": 20, "total_tokens": 30,
                   "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}}}}""");

    assertThat(acc.isDone()).isTrue();
    Response r = acc.finalResponse();
    assertThat(r.status()).isSameAs(ResponseStatus.COMPLETED);
    assertThat(r.id()).isEqualTo("resp_1");
    assertThat(r.usage().totalTokens()).isEqualTo(30);
    assertThat(r.outputText()).isEqualTo("Hi there, friend!");
    assertThat(r.output()).hasSize(2);
    ResponseOutputMessage message = (ResponseOutputMessage) r.output().get(0);
    assertThat(message.status()).isEqualTo("completed");
    ResponseFunctionToolCall call = (ResponseFunctionToolCall) r.output().get(1);
    assertThat(call.callId()).isEqualTo("call_1");
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.arguments()).isEqualTo("{\"location\":\"Paris\"}");
    assertThat(call.status()).isEqualTo("in_progress");
  }

  @Test
  void terminalOutputIsAuthoritative() {
    created();
    textMessage("Hel", "lo");
    feed("""
        {"type": "response.completed", "response": {"id": "resp_1", "object": "response", "created_at": 1741290958,
         "status": "completed", "model": "gpt-4.1", "parallel_tool_calls": true,
         "output": [{"id": "msg_1", "type": "message", "status": "completed", "role": "assistant",
                     "content": [{"type": "output_text", "text": "Hello, world.", "annotations": []}]}]}}""");

    Response r = acc.finalResponse();
    assertThat(r.outputText()).isEqualTo("Hello, world.");
    assertThat(r.toJson()).isEqualTo(TestJson.parse("""
        {"id": "resp_1", "object": "response", "created_at": 1741290958,
         "status": "completed", "model": "gpt-4.1", "parallel_tool_calls": true,
         "output": [{"id": "msg_1", "type": "message", "status": "completed", "role": "assistant",
                     "content": [{"type": "output_text", "text": "Hello, world.", "annotations": []}]}]}"""));
  }

  @Test
  void doneEventsReplaceAccumulatedValues() {
    created();
    textMessage("Draft");
    feed("""
        {"type": "response.output_text.done", "item_id": "msg_1", "output_index": 0, "content_index": 0, "text": "Final"}""");
    assertThat(acc.snapshot().outputText()).isEqualTo("Final");
    feed("{\"type\": \"response.output_text.delta\", \"item_id\": \"msg_1\", \"output_index\": 0, \"content_index\": 0, \"delta\": \"!\"}");
    assertThat(acc.snapshot().outputText()).isEqualTo("Final!");
    feed("""
        {"type": "response.function_call_arguments.done", "item_id": "fc_9", "output_index": 1, "name": "lookup",
         "arguments": "{\\"q\\":1}"}""");
    ResponseFunctionToolCall call = (ResponseFunctionToolCall) acc.snapshot().output().get(1);
    assertThat(call.arguments()).isEqualTo("{\"q\":1}");
    assertThat(call.name()).isEqualTo("lookup");
    assertThat(call.id()).isEqualTo("fc_9");
  }

  @Test
  void accumulatesReasoningSummaryAndText() {
    created();
    feed("""
        {"type": "response.output_item.added", "output_index": 0,
         "item": {"id": "rs_1", "type": "reasoning", "summary": [], "content": []}}""");
    feed("""
        {"type": "response.reasoning_summary_part.added", "item_id": "rs_1", "output_index": 0, "summary_index": 0,
         "part": {"type": "summary_text", "text": ""}}""");
    feed("""
        {"type": "response.reasoning_summary_text.delta", "item_id": "rs_1", "output_index": 0, "summary_index": 0, "delta": "**Plan** "}""");
    feed("""
        {"type": "response.reasoning_summary_text.delta", "item_id": "rs_1", "output_index": 0, "summary_index": 0, "delta": "check sky"}""");
    feed("""
        {"type": "response.reasoning_text.delta", "item_id": "rs_1", "output_index": 0, "content_index": 0, "delta": "The sky "}""");
    feed("""
        {"type": "response.reasoning.delta", "item_id": "rs_1", "output_index": 0, "content_index": 0, "delta": "is blue."}""");

    ResponseReasoningItem reasoning = (ResponseReasoningItem) acc.snapshot().output().get(0);
    assertThat(reasoning.summary()).extracting(ResponseReasoningItem.Part::text).containsExactly("**Plan** check sky");
    assertThat(reasoning.content()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo("reasoning_text");
      assertThat(p.text()).isEqualTo("The sky is blue.");
    });

    feed("""
        {"type": "response.reasoning_summary_part.done", "item_id": "rs_1", "output_index": 0, "summary_index": 0,
         "part": {"type": "summary_text", "text": "**Plan** check the sky"}}""");
    reasoning = (ResponseReasoningItem) acc.snapshot().output().get(0);
    assertThat(reasoning.summary().get(0).text()).isEqualTo("**Plan** check the sky");
  }

  @Test
  void refusalsAndAnnotations() {
    created();
    textMessage("See ", "docs");
    feed("""
        {"type": "response.output_text.annotation.added", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "annotation_index": 0, "annotation": {"type": "url_citation", "url": "https://docs.example", "start_index": 4, "end_index": 8}}""");
    feed("""
        {"type": "response.refusal.delta", "item_id": "msg_1", "output_index": 0, "content_index": 1, "delta": "I can't "}""");
    feed("""
        {"type": "response.refusal.delta", "item_id": "msg_1", "output_index": 0, "content_index": 1, "delta": "do that."}""");

    ResponseOutputMessage m = (ResponseOutputMessage) acc.snapshot().output().get(0);
    ResponseOutputContent.OutputText text = (ResponseOutputContent.OutputText) m.content().get(0);
    assertThat(text.text()).isEqualTo("See docs");
    assertThat(text.annotations()).singleElement().satisfies(a -> assertThat(a).containsEntry("url", "https://docs.example"));
    assertThat(((ResponseOutputContent.Refusal) m.content().get(1)).refusal()).isEqualTo("I can't do that.");
  }

  @Test
  void lenientProviderWithoutAnnouncementsOrIndices() {
    feed("{\"type\": \"response.output_text.delta\", \"item_id\": \"msg_x\", \"delta\": \"Hello\"}");
    feed("{\"type\": \"response.output_text.delta\", \"item_id\": \"msg_x\", \"delta\": \" world\"}");
    feed("{\"type\": \"response.output_text.delta\", \"item_id\": \"msg_x\", \"delta\": 42}");
    feed("{\"type\": \"response.brand_new_event\", \"payload\": true}");
    feed("{\"type\": \"error\", \"message\": \"ignored here\"}");
    assertThat(acc.snapshot()).isNull();
    assertThatThrownBy(acc::finalResponse).isInstanceOf(IllegalStateException.class);

    feed("{\"type\": \"response.completed\", \"response\": {\"status\": \"completed\", \"model\": \"llama3\"}}");
    Response r = acc.finalResponse();
    assertThat(r.outputText()).isEqualTo("Hello world");
    assertThat(r.status()).isSameAs(ResponseStatus.COMPLETED);
    ResponseOutputMessage m = (ResponseOutputMessage) r.output().get(0);
    assertThat(m.id()).isEqualTo("msg_x");
    assertThat(m.role()).isEqualTo("assistant");
  }

  @Test
  void snapshotsAreCachedAndImmutable() {
    created();
    textMessage("a");
    Response first = acc.snapshot();
    assertThat(acc.snapshot()).isSameAs(first);
    textMessage("a", "b");
    feed("{\"type\": \"response.output_text.delta\", \"item_id\": \"msg_1\", \"output_index\": 0, \"content_index\": 0, \"delta\": \"c\"}");
    assertThat(first.outputText()).isEqualTo("a");
    assertThat(acc.snapshot().outputText()).isEqualTo("abc");
    assertThat(acc.snapshot().output()).hasSize(1);
    assertThat(acc.isDone()).isFalse();
    assertThat(acc.finalResponse().status()).isSameAs(ResponseStatus.IN_PROGRESS);
  }

  @Test
  void failedTerminalKeepsPartialOutputAndError() {
    created();
    textMessage("Partial");
    feed("""
        {"type": "response.failed", "response": {"id": "resp_1", "object": "response", "status": "failed",
         "error": {"code": "server_error", "message": "The model crashed"}, "output": []}}""");
    Response r = acc.finalResponse();
    assertThat(acc.isDone()).isTrue();
    assertThat(r.status()).isSameAs(ResponseStatus.FAILED);
    assertThat(r.error().message()).isEqualTo("The model crashed");
    assertThat(r.outputText()).isEqualTo("Partial");
    assertThat(r.output()).extracting(ResponseOutputItem::type).isEqualTo(List.of("message"));
  }

  @Test
  void resumedStreamBuildsOnTheOutputItStartsWith() {
    feed("""
        {"type": "response.in_progress", "response": {"id": "resp_1", "status": "in_progress",
         "output": [{"id": "msg_1", "type": "message", "status": "in_progress", "role": "assistant",
                     "content": [{"type": "output_text", "text": "Hel", "annotations": []}]}]}}""");
    feed("{\"type\": \"response.output_text.delta\", \"item_id\": \"msg_1\", \"output_index\": 0, \"content_index\": 0, \"delta\": \"lo\"}");
    assertThat(acc.finalResponse().outputText()).isEqualTo("Hello");
  }

  @Test
  void absurdIndicesAppendInsteadOfAllocating() {
    created();
    feed("{\"type\": \"response.output_text.delta\", \"output_index\": 2000000000, \"content_index\": 99999999, \"delta\": \"x\"}");
    feed("{\"type\": \"response.output_text.delta\", \"output_index\": -1, \"content_index\": 0, \"delta\": \"y\"}");
    assertThat(acc.snapshot().output()).hasSize(2);
    assertThat(acc.snapshot().outputText()).isEqualTo("xy");
  }
}
