package dev.conduit.models.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import org.junit.jupiter.api.Test;

class ResponseStreamEventTest {
  static ResponseStreamEvent event(String json) {
    return ResponseStreamEvent.fromJson(TestJson.object(json));
  }

  @Test
  void textDelta() {
    ResponseStreamEvent e = event("""
        {"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 1, "content_index": 0,
         "delta": "Hel", "logprobs": [], "sequence_number": 7, "obfuscation": "xyz"}""");
    assertThat(e).isInstanceOfSatisfying(ResponseTextDeltaEvent.class, d -> {
      assertThat(d.type()).isEqualTo("response.output_text.delta");
      assertThat(d.sequenceNumber()).isEqualTo(7L);
      assertThat(d.itemId()).isEqualTo("msg_1");
      assertThat(d.outputIndex()).isEqualTo(1);
      assertThat(d.contentIndex()).isEqualTo(0);
      assertThat(d.delta()).isEqualTo("Hel");
      assertThat(d.logprobs()).isEmpty();
      assertThat(d.jsonField("obfuscation")).isEqualTo("xyz");
    });
  }

  @Test
  void reasoningDeltasOfBothDialects() {
    assertThat(event("""
        {"type": "response.reasoning_text.delta", "item_id": "rs_1", "output_index": 0, "content_index": 0,
         "delta": "Let me think", "sequence_number": 3}"""))
        .isInstanceOfSatisfying(ResponseReasoningTextDeltaEvent.class, d -> {
          assertThat(d.delta()).isEqualTo("Let me think");
          assertThat(d.itemId()).isEqualTo("rs_1");
          assertThat(d.contentIndex()).isEqualTo(0);
        });
    assertThat(event("""
        {"type": "response.reasoning.delta", "item_id": "rs_1", "output_index": 0, "content_index": 0,
         "delta": "Open", "sequence_number": 4}"""))
        .isInstanceOfSatisfying(ResponseReasoningTextDeltaEvent.class, d -> assertThat(d.delta()).isEqualTo("Open"));
    assertThat(event("""
        {"type": "response.reasoning.done", "item_id": "rs_1", "output_index": 0, "content_index": 0, "text": "Open"}"""))
        .isInstanceOfSatisfying(ResponseReasoningTextDoneEvent.class, d -> assertThat(d.text()).isEqualTo("Open"));
    assertThat(event("""
        {"type": "response.reasoning_summary_text.delta", "item_id": "rs_1", "output_index": 0,
         "summary_index": 1, "delta": "**Plan**", "sequence_number": 5}"""))
        .isInstanceOfSatisfying(ResponseReasoningSummaryTextDeltaEvent.class, d -> {
          assertThat(d.delta()).isEqualTo("**Plan**");
          assertThat(d.summaryIndex()).isEqualTo(1);
          assertThat(d.outputIndex()).isEqualTo(0);
        });
    assertThat(event("""
        {"type": "response.reasoning_summary_text.done", "item_id": "rs_1", "output_index": 0,
         "summary_index": 1, "text": "**Plan**"}"""))
        .isInstanceOfSatisfying(ResponseReasoningSummaryTextDoneEvent.class, d -> assertThat(d.text()).isEqualTo("**Plan**"));
    assertThat(event("""
        {"type": "response.reasoning_summary_part.added", "item_id": "rs_1", "output_index": 0,
         "summary_index": 0, "part": {"type": "summary_text", "text": ""}}"""))
        .isInstanceOfSatisfying(ResponseReasoningSummaryPartEvent.class, p -> {
          assertThat(p.isDone()).isFalse();
          assertThat(p.summaryIndex()).isEqualTo(0);
          assertThat(p.part().type()).isEqualTo("summary_text");
          assertThat(p.part().text()).isEmpty();
        });
  }

  @Test
  void lifecycleAndItemEvents() {
    ResponseStreamEvent created = event("""
        {"type": "response.created", "sequence_number": 0,
         "response": {"id": "resp_1", "object": "response", "status": "in_progress", "output": []}}""");
    assertThat(created).isInstanceOfSatisfying(ResponseLifecycleEvent.class, l -> {
      assertThat(l.isTerminal()).isFalse();
      assertThat(l.response().id()).isEqualTo("resp_1");
      assertThat(l.response().status()).isSameAs(ResponseStatus.IN_PROGRESS);
    });
    for (String type : new String[] {"response.completed", "response.failed", "response.incomplete"}) {
      assertThat(((ResponseLifecycleEvent) event("{\"type\": \"" + type + "\", \"response\": {}}")).isTerminal()).isTrue();
    }
    for (String type : new String[] {"response.queued", "response.in_progress"}) {
      assertThat(((ResponseLifecycleEvent) event("{\"type\": \"" + type + "\", \"response\": {}}")).isTerminal()).isFalse();
    }

    assertThat(event("""
        {"type": "response.output_item.done", "output_index": 2,
         "item": {"type": "function_call", "id": "fc_1", "call_id": "c", "name": "f", "arguments": "{}"}}"""))
        .isInstanceOfSatisfying(ResponseOutputItemEvent.class, i -> {
          assertThat(i.isDone()).isTrue();
          assertThat(i.outputIndex()).isEqualTo(2);
          assertThat(i.item()).isInstanceOf(ResponseFunctionToolCall.class);
        });
    assertThat(event("""
        {"type": "response.content_part.added", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "part": {"type": "output_text", "text": "", "annotations": []}}"""))
        .isInstanceOfSatisfying(ResponseContentPartEvent.class, p -> {
          assertThat(p.isDone()).isFalse();
          assertThat(p.itemId()).isEqualTo("msg_1");
          assertThat(p.outputIndex()).isEqualTo(0);
          assertThat(p.contentIndex()).isEqualTo(0);
          assertThat(p.part()).isInstanceOf(ResponseOutputContent.OutputText.class);
        });
  }

  @Test
  void doneRefusalArgumentsAndAnnotationEvents() {
    assertThat(event("""
        {"type": "response.output_text.done", "item_id": "m", "output_index": 0, "content_index": 0,
         "text": "Hello", "logprobs": []}"""))
        .isInstanceOfSatisfying(ResponseTextDoneEvent.class, d -> assertThat(d.text()).isEqualTo("Hello"));
    assertThat(event("""
        {"type": "response.refusal.delta", "item_id": "m", "output_index": 0, "content_index": 0, "delta": "No"}"""))
        .isInstanceOfSatisfying(ResponseRefusalDeltaEvent.class, d -> assertThat(d.delta()).isEqualTo("No"));
    assertThat(event("""
        {"type": "response.refusal.done", "item_id": "m", "output_index": 0, "content_index": 0, "refusal": "No."}"""))
        .isInstanceOfSatisfying(ResponseRefusalDoneEvent.class, d -> assertThat(d.refusal()).isEqualTo("No."));
    assertThat(event("""
        {"type": "response.function_call_arguments.delta", "item_id": "fc", "output_index": 1, "delta": "{\\"a"}"""))
        .isInstanceOfSatisfying(ResponseFunctionCallArgumentsDeltaEvent.class, d -> {
          assertThat(d.delta()).isEqualTo("{\"a");
          assertThat(d.itemId()).isEqualTo("fc");
          assertThat(d.outputIndex()).isEqualTo(1);
        });
    assertThat(event("""
        {"type": "response.function_call_arguments.done", "item_id": "fc", "output_index": 1, "arguments": "{}"}"""))
        .isInstanceOfSatisfying(ResponseFunctionCallArgumentsDoneEvent.class, d -> {
          assertThat(d.arguments()).isEqualTo("{}");
          assertThat(d.name()).isNull();
        });
    assertThat(event("""
        {"type": "response.output_text.annotation.added", "item_id": "m", "output_index": 0, "content_index": 0,
         "annotation_index": 0, "annotation": {"type": "url_citation", "url": "https://x"}}"""))
        .isInstanceOfSatisfying(ResponseOutputTextAnnotationAddedEvent.class, a -> {
          assertThat(a.annotationIndex()).isEqualTo(0);
          assertThat(a.annotation()).containsEntry("url", "https://x");
        });
  }

  @Test
  void errorEventInBothForms() {
    assertThat(event("""
        {"type": "error", "code": "ERR_SOMETHING", "message": "Something went wrong", "param": null, "sequence_number": 1}"""))
        .isInstanceOfSatisfying(ResponseErrorEvent.class, e -> {
          assertThat(e.code()).isEqualTo("ERR_SOMETHING");
          assertThat(e.message()).isEqualTo("Something went wrong");
          assertThat(e.param()).isNull();
        });
    assertThat(event("""
        {"type": "error", "sequence_number": 1,
         "error": {"type": "server_error", "code": "overloaded", "message": "Try later", "param": "model"}}"""))
        .isInstanceOfSatisfying(ResponseErrorEvent.class, e -> {
          assertThat(e.code()).isEqualTo("overloaded");
          assertThat(e.message()).isEqualTo("Try later");
          assertThat(e.param()).isEqualTo("model");
        });
    ResponseErrorEvent bare = (ResponseErrorEvent) event("{\"type\": \"error\"}");
    assertThatThrownBy(bare::message).isInstanceOf(InvalidResponseException.class).hasMessageContaining("ResponseErrorEvent.message");
    assertThat(bare.code()).isNull();
  }

  @Test
  void unknownEventsKeepTypeAndJson() {
    ResponseStreamEvent e = event("""
        {"type": "response.image_generation_call.partial_image", "item_id": "ig_1", "output_index": 0,
         "partial_image_b64": "iVBOR", "sequence_number": 12}""");
    assertThat(e).isInstanceOf(ResponseStreamEvent.Unknown.class);
    assertThat(e.type()).isEqualTo("response.image_generation_call.partial_image");
    assertThat(e.sequenceNumber()).isEqualTo(12L);
    assertThat(e.jsonField("partial_image_b64")).isEqualTo("iVBOR");

    ResponseStreamEvent typeless = event("{\"hello\": 1}");
    assertThat(typeless).isInstanceOf(ResponseStreamEvent.Unknown.class);
    assertThat(typeless.type()).isEmpty();
    assertThat(event("{\"type\": 5}")).isInstanceOf(ResponseStreamEvent.Unknown.class);
  }

  @Test
  void lenientEventsWithoutSequenceNumbers() {
    ResponseTextDeltaEvent d = (ResponseTextDeltaEvent) event("{\"type\": \"response.output_text.delta\", \"delta\": \"x\"}");
    assertThat(d.sequenceNumber()).isNull();
    assertThat(d.delta()).isEqualTo("x");
    assertThatThrownBy(d::outputIndex).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ResponseTextDeltaEvent.output_index");
    ResponseTextDeltaEvent wrong = (ResponseTextDeltaEvent) event("{\"type\": \"response.output_text.delta\", \"delta\": 3, \"sequence_number\": \"1\"}");
    assertThatThrownBy(wrong::delta).isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(wrong::sequenceNumber).isInstanceOf(InvalidResponseException.class);
  }
}
