package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Responses streaming events of a finished response, in the real API's order: response.created,
 * (response.queued,) response.in_progress, then per output item output_item.added, its parts and
 * deltas, output_item.done, and a terminal response.completed / response.incomplete. Every event
 * carries a {@code sequence_number} counting from 0. There is no {@code [DONE]}.
 */
final class ResponseEvents {
  private static final String PAD = "Xq7Lm2Vb9Rt4Np8Kw3Zs6Hd1Gf5Jc0Ya";

  private final List<Map<String, @Nullable Object>> events = new ArrayList<>();
  private final boolean obfuscate;

  private ResponseEvents(boolean obfuscate) {
    this.obfuscate = obfuscate;
  }

  static List<Map<String, @Nullable Object>> of(Map<String, @Nullable Object> finished, boolean background,
      boolean obfuscate) {
    ResponseEvents e = new ResponseEvents(obfuscate);
    e.build(finished, background);
    return e.events;
  }

  private void build(Map<String, @Nullable Object> finished, boolean background) {
    add("response.created", "response", ResponseRenderer.snapshot(finished, background ? "queued" : "in_progress"));
    if (background) {
      add("response.queued", "response", ResponseRenderer.snapshot(finished, "queued"));
    }
    add("response.in_progress", "response", ResponseRenderer.snapshot(finished, "in_progress"));
    List<Map<String, @Nullable Object>> output = Json.objects(Json.listAt(finished, "output"));
    for (int i = 0; i < output.size(); i++) {
      Map<String, @Nullable Object> item = output.get(i);
      switch (String.valueOf(item.get("type"))) {
        case "reasoning":
          reasoning(item, i);
          break;
        case "message":
          message(item, i);
          break;
        case "function_call":
          functionCall(item, i);
          break;
        default:
          add("response.output_item.added", "output_index", (long) i, "item", Json.copy(item));
          add("response.output_item.done", "output_index", (long) i, "item", Json.copy(item));
      }
    }
    String status = Json.strAt(finished, "status");
    String terminal = "incomplete".equals(status) ? "response.incomplete"
        : "failed".equals(status) ? "response.failed" : "response.completed";
    add(terminal, "response", Json.copy(finished));
  }

  private void reasoning(Map<String, @Nullable Object> item, int index) {
    String id = Json.strAt(item, "id");
    Map<String, @Nullable Object> added = Json.copyObj(item);
    added.put("summary", Json.list());
    add("response.output_item.added", "output_index", (long) index, "item", added);
    List<Map<String, @Nullable Object>> summary = Json.objects(Json.listAt(item, "summary"));
    for (int j = 0; j < summary.size(); j++) {
      String text = String.valueOf(summary.get(j).get("text"));
      add("response.reasoning_summary_part.added", "item_id", id, "output_index", (long) index, "summary_index", (long) j,
          "part", Json.obj("type", "summary_text", "text", ""));
      for (String delta : Tokens.split(text)) {
        add("response.reasoning_summary_text.delta", "item_id", id, "output_index", (long) index, "summary_index", (long) j,
            "delta", delta);
        obfuscation(delta);
      }
      add("response.reasoning_summary_text.done", "item_id", id, "output_index", (long) index, "summary_index", (long) j,
          "text", text);
      add("response.reasoning_summary_part.done", "item_id", id, "output_index", (long) index, "summary_index", (long) j,
          "part", Json.obj("type", "summary_text", "text", text));
    }
    add("response.output_item.done", "output_index", (long) index, "item", Json.copy(item));
  }

  private void message(Map<String, @Nullable Object> item, int index) {
    String id = Json.strAt(item, "id");
    Map<String, @Nullable Object> added = Json.copyObj(item);
    added.put("status", "in_progress");
    added.put("content", Json.list());
    add("response.output_item.added", "output_index", (long) index, "item", added);
    List<Map<String, @Nullable Object>> content = Json.objects(Json.listAt(item, "content"));
    for (int k = 0; k < content.size(); k++) {
      Map<String, @Nullable Object> part = content.get(k);
      boolean refusal = "refusal".equals(Json.strAt(part, "type"));
      String text = String.valueOf(part.get(refusal ? "refusal" : "text"));
      Map<String, @Nullable Object> empty = Json.copyObj(part);
      empty.put(refusal ? "refusal" : "text", "");
      add("response.content_part.added", "item_id", id, "output_index", (long) index, "content_index", (long) k,
          "part", empty);
      for (String delta : Tokens.split(text)) {
        if (refusal) {
          add("response.refusal.delta", "item_id", id, "output_index", (long) index, "content_index", (long) k,
              "delta", delta);
        } else {
          add("response.output_text.delta", "item_id", id, "output_index", (long) index, "content_index", (long) k,
              "delta", delta, "logprobs", Json.list());
          obfuscation(delta);
        }
      }
      if (refusal) {
        add("response.refusal.done", "item_id", id, "output_index", (long) index, "content_index", (long) k,
            "refusal", text);
      } else {
        add("response.output_text.done", "item_id", id, "output_index", (long) index, "content_index", (long) k,
            "text", text, "logprobs", Json.list());
      }
      add("response.content_part.done", "item_id", id, "output_index", (long) index, "content_index", (long) k,
          "part", Json.copy(part));
    }
    add("response.output_item.done", "output_index", (long) index, "item", Json.copy(item));
  }

  private void functionCall(Map<String, @Nullable Object> item, int index) {
    String id = Json.strAt(item, "id");
    Map<String, @Nullable Object> added = Json.copyObj(item);
    added.put("status", "in_progress");
    added.put("arguments", "");
    add("response.output_item.added", "output_index", (long) index, "item", added);
    String args = String.valueOf(item.get("arguments"));
    for (String delta : Tokens.split(args)) {
      add("response.function_call_arguments.delta", "item_id", id, "output_index", (long) index, "delta", delta);
      obfuscation(delta);
    }
    add("response.function_call_arguments.done", "item_id", id, "name", item.get("name"), "output_index", (long) index,
        "arguments", args);
    add("response.output_item.done", "output_index", (long) index, "item", Json.copy(item));
  }

  private void add(String type, @Nullable Object... keysAndValues) {
    Map<String, @Nullable Object> e = Json.obj("type", type, "sequence_number", (long) events.size());
    e.putAll(Json.obj(keysAndValues));
    events.add(e);
  }

  /** Pads the last delta event the way the real API does unless the request opted out. */
  private void obfuscation(String delta) {
    if (obfuscate) {
      int n = Math.max(1, 16 - delta.length());
      int from = events.size() % (PAD.length() - 16);
      events.get(events.size() - 1).put("obfuscation", PAD.substring(from, from + n));
    }
  }
}
