package dev.conduit.models.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseItemTest {
  @Test
  void inputItemFactoriesBuildTheWireForm() {
    assertThat(ResponseInputItem.userMessage("Hi").toJson())
        .isEqualTo(TestJson.parse("{\"type\": \"message\", \"role\": \"user\", \"content\": \"Hi\"}"));
    assertThat(ResponseInputItem.systemMessage("S").role()).isEqualTo("system");
    assertThat(ResponseInputItem.developerMessage("D").role()).isEqualTo("developer");
    assertThat(ResponseInputItem.assistantMessage("A").toJson())
        .isEqualTo(TestJson.parse("{\"type\": \"message\", \"role\": \"assistant\", \"content\": \"A\"}"));
    assertThat(ResponseInputItem.functionCallOutput("call_1", "{\"ok\":true}").toJson())
        .isEqualTo(TestJson.parse("{\"type\": \"function_call_output\", \"call_id\": \"call_1\", \"output\": \"{\\\"ok\\\":true}\"}"));
    assertThat(ResponseInputItem.itemReference("msg_9").toJson())
        .isEqualTo(TestJson.parse("{\"type\": \"item_reference\", \"id\": \"msg_9\"}"));

    ResponseInputMessage multi = ResponseInputItem.message("user", List.of(
        ResponseInputContent.text("What is in this image?"),
        ResponseInputContent.imageUrl("https://example.com/cat.png"),
        ResponseInputContent.fileId("file-123")));
    assertThat(multi.toJson()).isEqualTo(TestJson.parse("""
        {"type": "message", "role": "user", "content": [
          {"type": "input_text", "text": "What is in this image?"},
          {"type": "input_image", "image_url": "https://example.com/cat.png", "detail": "auto"},
          {"type": "input_file", "file_id": "file-123"}]}"""));
    assertThat(multi.type()).isEqualTo("message");
    assertThat(multi.text()).isEqualTo("What is in this image?");
    assertThat(((ResponseInputContent.InputImage) multi.content().get(1)).imageUrl()).isEqualTo("https://example.com/cat.png");
    assertThat(((ResponseInputContent.InputFile) multi.content().get(2)).fileId()).isEqualTo("file-123");
  }

  @Test
  void stringContentReadsAsOneTextPart() {
    ResponseInputMessage m = ResponseInputItem.userMessage("Hello");
    assertThat(m.content()).singleElement()
        .isInstanceOfSatisfying(ResponseInputContent.InputText.class, t -> assertThat(t.text()).isEqualTo("Hello"));
    assertThat(m.jsonField("content")).isEqualTo("Hello");
    assertThat(m.id()).isNull();
    assertThat(m.status()).isNull();
  }

  @Test
  void fromOutputSendsTheItemAsItIs() {
    ResponseOutputItem call = ResponseFunctionToolCall.builder().id("fc_1").callId("call_1").name("f").arguments("{}").build();
    ResponseInputItem input = ResponseInputItem.fromOutput(call);
    assertThat(input).isSameAs(call);
    assertThat(input.type()).isEqualTo("function_call");
    assertThat(ResponseInputItem.fromJson(TestJson.object("""
        {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "f", "arguments": "{}", "status": "completed"}""")))
        .isEqualTo(call);
  }

  @Test
  void listedItemsDecodeByTypeAndRole() {
    List<ResponseItem> items = List.of(
        ResponseItem.fromJson(TestJson.object("""
            {"id": "msg_abc123", "type": "message", "role": "user",
             "content": [{"type": "input_text", "text": "Tell me a story."}]}""")),
        ResponseItem.fromJson(TestJson.object("""
            {"id": "msg_2", "type": "message", "role": "assistant", "status": "completed",
             "content": [{"type": "output_text", "text": "Once upon a time", "annotations": []}]}""")),
        ResponseItem.fromJson(TestJson.object("{\"role\": \"system\", \"content\": \"typeless\"}")),
        ResponseItem.fromJson(TestJson.object("""
            {"id": "fco_1", "type": "function_call_output", "call_id": "call_1", "output": "42", "status": "completed"}""")),
        ResponseItem.fromJson(TestJson.object("{\"type\": \"mcp_call\", \"id\": \"mcp_1\"}")));

    assertThat(items.get(0)).isInstanceOfSatisfying(ResponseInputMessage.class, m -> {
      assertThat(m.id()).isEqualTo("msg_abc123");
      assertThat(m.role()).isEqualTo("user");
      assertThat(m.text()).isEqualTo("Tell me a story.");
    });
    assertThat(items.get(1)).isInstanceOfSatisfying(ResponseOutputMessage.class, m -> assertThat(m.text()).isEqualTo("Once upon a time"));
    assertThat(items.get(2)).isInstanceOfSatisfying(ResponseInputMessage.class, m -> assertThat(m.role()).isEqualTo("system"));
    assertThat(items.get(3)).isInstanceOfSatisfying(ResponseFunctionCallOutput.class, o -> {
      assertThat(o.id()).isEqualTo("fco_1");
      assertThat(o.callId()).isEqualTo("call_1");
      assertThat(o.output()).isEqualTo("42");
      assertThat(o.outputContent()).isEmpty();
      assertThat(o.status()).isEqualTo("completed");
    });
    assertThat(items.get(4)).isInstanceOfSatisfying(ResponseOutputItem.Unknown.class, u -> {
      assertThat(u.type()).isEqualTo("mcp_call");
      assertThat(u.id()).isEqualTo("mcp_1");
    });
    assertThat(ResponseInputItem.fromJson(TestJson.object("{\"type\": \"item_reference\", \"id\": \"x\"}")))
        .isInstanceOfSatisfying(ResponseInputItem.ItemReference.class, r -> assertThat(r.id()).isEqualTo("x"));
  }

  @Test
  void functionCallOutputMayBeAListOfParts() {
    ResponseFunctionCallOutput o = ResponseFunctionCallOutput.fromJson(TestJson.object("""
        {"type": "function_call_output", "call_id": "c", "output": [{"type": "input_text", "text": "done"}]}"""));
    assertThat(o.output()).isNull();
    assertThat(o.outputContent()).singleElement()
        .isInstanceOfSatisfying(ResponseInputContent.InputText.class, t -> assertThat(t.text()).isEqualTo("done"));
  }

  @Test
  void builtInToolCallsDecode() {
    ResponseOutputItem web = ResponseOutputItem.fromJson(TestJson.object("""
        {"type": "web_search_call", "id": "ws_1", "status": "completed",
         "action": {"type": "search", "query": "weather paris"}}"""));
    assertThat(web).isInstanceOfSatisfying(ResponseWebSearchCall.class, w -> {
      assertThat(w.id()).isEqualTo("ws_1");
      assertThat(w.status()).isEqualTo("completed");
      assertThat(w.action()).containsEntry("query", "weather paris");
    });
    ResponseOutputItem files = ResponseOutputItem.fromJson(TestJson.object("""
        {"type": "file_search_call", "id": "fs_1", "status": "completed", "queries": ["q1", "q2"],
         "results": [{"file_id": "file-1", "filename": "a.pdf", "score": 0.9, "text": "..."}]}"""));
    assertThat(files).isInstanceOfSatisfying(ResponseFileSearchCall.class, f -> {
      assertThat(f.id()).isEqualTo("fs_1");
      assertThat(f.status()).isEqualTo("completed");
      assertThat(f.queries()).containsExactly("q1", "q2");
      assertThat(f.results()).singleElement().satisfies(x -> assertThat(x).containsEntry("file_id", "file-1"));
    });
  }

  @Test
  void unknownContentPartsAreKept() {
    ResponseOutputMessage m = ResponseOutputMessage.fromJson(TestJson.object("""
        {"type": "message", "id": "m", "role": "assistant", "status": "completed",
         "content": [{"type": "output_audio", "data": "AAA"}, {"type": "output_text", "text": "x"}]}"""));
    assertThat(m.content().get(0)).isInstanceOfSatisfying(ResponseOutputContent.Unknown.class, u -> {
      assertThat(u.type()).isEqualTo("output_audio");
      assertThat(u.jsonField("data")).isEqualTo("AAA");
    });
    assertThat(m.text()).isEqualTo("x");
    assertThat(ResponseInputContent.fromJson(TestJson.object("{\"type\": \"input_video\"}")))
        .isInstanceOf(ResponseInputContent.Unknown.class);
  }

  @Test
  void wrongTypesInItemsThrowInvalidResponseException() {
    ResponseFunctionToolCall call = ResponseFunctionToolCall.fromJson(TestJson.object(
        "{\"type\": \"function_call\", \"call_id\": 7, \"arguments\": {\"a\": 1}}"));
    assertThatThrownBy(call::callId).isInstanceOf(InvalidResponseException.class).hasMessageContaining("ResponseFunctionToolCall.call_id");
    assertThatThrownBy(call::arguments).isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(call::name).isInstanceOf(InvalidResponseException.class).hasMessageContaining("absent");
    ResponseOutputMessage m = ResponseOutputMessage.fromJson(TestJson.object("{\"type\": \"message\", \"content\": [\"text\"]}"));
    assertThatThrownBy(m::content).isInstanceOf(InvalidResponseException.class).hasMessageContaining("content[0]");
  }
}
