package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.FakeReply;
import dev.conduit.testing.support.SseEvents;
import dev.conduit.testing.support.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Responses streaming: event order, sequence numbers, terminators, replays. */
public abstract class ResponsesStreamingContract extends FakeContract {
  @Test
  void textStreamHasTheRealEventSequence() throws Exception {
    List<SseEvents.Event> events = events(post("/v1/responses",
        "{\"model\":\"gpt-4o\",\"input\":\"Hello streaming world!\",\"stream\":true}"));
    List<String> types = types(events);
    assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
        "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
        "response.output_text.delta", "response.output_text.delta", "response.output_text.done",
        "response.content_part.done", "response.output_item.done", "response.completed");
    checkSequence(events);
    assertThat(events).noneMatch(e -> e.data().equals("[DONE]"));

    Map<String, Object> created = Trees.at(data(events.get(0)), "response");
    assertThat(created).containsEntry("status", "in_progress").containsEntry("output", List.of()).containsEntry("usage", null);
    StringBuilder text = new StringBuilder();
    String itemId = Trees.at(data(events.get(2)), "item", "id");
    for (SseEvents.Event e : events) {
      Map<String, Object> d = data(e);
      if (e.name().equals("response.output_text.delta")) {
        text.append(d.get("delta"));
        assertThat(d).containsEntry("item_id", itemId).containsEntry("output_index", 0L).containsEntry("content_index", 0L)
            .containsEntry("logprobs", List.of()).containsKey("obfuscation");
      }
    }
    assertThat(text.toString()).isEqualTo("Hello streaming world!");
    assertThat(data(events.get(8))).containsEntry("text", "Hello streaming world!");
    Map<String, Object> done = Trees.at(data(events.get(11)), "response");
    assertThat(done).containsEntry("status", "completed").containsKeys(ResponsesContract.OPEN_RESPONSES_REQUIRED.toArray(new String[0]));
    assertThat(Trees.<Object>at(done, "output", 0, "content", 0, "text")).isEqualTo("Hello streaming world!");
    assertThat(Trees.<Object>at(done, "usage", "output_tokens")).isEqualTo(4L);
    assertThat(getOk("/v1/responses/" + done.get("id"))).isEqualTo(done);
  }

  @Test
  void reasoningRefusalAndToolCallStreamInOrder() throws Exception {
    fake.reply(FakeReply.reasoning("Think first.").plus(FakeReply.refusal("I can't."))
        .plus(FakeReply.toolCall("lookup", "{\"q\":\"x\"}")));
    List<SseEvents.Event> events = events(post("/v1/responses", "{\"model\":\"o3\",\"input\":\"hi\",\"stream\":true,"
        + "\"reasoning\":{\"summary\":\"detailed\"},\"stream_options\":{\"include_obfuscation\":false}}"));
    checkSequence(events);
    List<String> types = types(events);
    assertThat(types.subList(0, 2)).containsExactly("response.created", "response.in_progress");
    assertThat(types).containsSubsequence("response.output_item.added", "response.reasoning_summary_part.added",
        "response.reasoning_summary_text.delta", "response.reasoning_summary_text.done",
        "response.reasoning_summary_part.done", "response.output_item.done",
        "response.output_item.added", "response.content_part.added", "response.refusal.delta", "response.refusal.done",
        "response.content_part.done", "response.output_item.done",
        "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.done",
        "response.output_item.done", "response.completed");
    StringBuilder args = new StringBuilder();
    for (SseEvents.Event e : events) {
      assertThat(data(e)).doesNotContainKey("obfuscation");
      if (e.name().equals("response.function_call_arguments.delta")) {
        args.append(data(e).get("delta"));
      }
      if (e.name().equals("response.function_call_arguments.done")) {
        assertThat(data(e)).containsEntry("name", "lookup").containsEntry("arguments", "{\"q\":\"x\"}");
      }
      if (e.name().equals("response.refusal.done")) {
        assertThat(data(e)).containsEntry("refusal", "I can't.");
      }
      if (e.name().equals("response.reasoning_summary_text.done")) {
        assertThat(data(e)).containsEntry("text", "Think first.").containsEntry("summary_index", 0L);
      }
    }
    assertThat(args.toString()).isEqualTo("{\"q\":\"x\"}");
    Map<String, Object> done = Trees.at(data(events.get(events.size() - 1)), "response");
    assertThat(Trees.<List<?>>at(done, "output")).hasSize(3);
    assertThat(Trees.<List<Object>>at(done, "output").stream().map(o -> Trees.<String>at(o, "type")))
        .containsExactly("reasoning", "message", "function_call");
  }

  @Test
  void incompleteStreamEndsWithResponseIncomplete() throws Exception {
    fake.reply(FakeReply.text("a b c d e f g h i j k l m n o p q r s t u v w x y z"));
    List<SseEvents.Event> events = events(post("/v1/responses",
        "{\"model\":\"gpt-4o\",\"input\":\"x\",\"stream\":true,\"max_output_tokens\":16}"));
    assertThat(events.get(events.size() - 1).name()).isEqualTo("response.incomplete");
    assertThat(Trees.<Object>at(data(events.get(events.size() - 1)), "response", "incomplete_details", "reason"))
        .isEqualTo("max_output_tokens");
  }

  @Test
  void backgroundStreamCanBeReplayedFromASequenceNumber() throws Exception {
    List<SseEvents.Event> live = events(post("/v1/responses",
        "{\"model\":\"gpt-4o\",\"input\":\"again and again\",\"stream\":true,\"background\":true}"));
    assertThat(types(live).subList(0, 3)).containsExactly("response.created", "response.queued", "response.in_progress");
    assertThat(Trees.<Object>at(data(live.get(0)), "response", "status")).isEqualTo("queued");
    checkSequence(live);
    String id = Trees.at(data(live.get(0)), "response", "id");
    List<SseEvents.Event> replay = events(get("/v1/responses/" + id + "?stream=true&starting_after=4"));
    assertThat(replay).hasSize(live.size() - 5);
    assertThat(data(replay.get(0))).containsEntry("sequence_number", 5L);
    assertThat(replay.get(replay.size() - 1).data()).isEqualTo(live.get(live.size() - 1).data());

    String sync = (String) postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\"}").get("id");
    error(get("/v1/responses/" + sync + "?stream=true"), 400);
  }

  static List<String> types(List<SseEvents.Event> events) {
    List<String> out = new ArrayList<>();
    for (SseEvents.Event e : events) {
      out.add(e.name());
    }
    return out;
  }

  /** Every event names its type twice (event: line and data.type) and numbers run 0, 1, 2, ... */
  static void checkSequence(List<SseEvents.Event> events) {
    for (int i = 0; i < events.size(); i++) {
      Map<String, Object> d = data(events.get(i));
      assertThat(d.get("type")).isEqualTo(events.get(i).name());
      assertThat(d.get("sequence_number")).isEqualTo((long) i);
    }
  }
}
