package dev.conduit.it;

import java.util.ArrayList;
import java.util.List;

/** Realistic OpenAI wire shapes for scripted servers. */
final class Fixtures {
  private Fixtures() {}

  static String response(String id, String status, String outputJson) {
    return "{\"id\":\"" + id + "\",\"object\":\"response\",\"created_at\":1741476542,\"status\":\"" + status + "\","
        + "\"error\":null,\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":null,\"model\":\"gpt-5\","
        + "\"output\":" + outputJson + ",\"parallel_tool_calls\":true,\"previous_response_id\":null,"
        + "\"reasoning\":{\"effort\":null,\"summary\":null},\"store\":true,\"temperature\":1.0,"
        + "\"text\":{\"format\":{\"type\":\"text\"}},\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,\"truncation\":\"disabled\","
        + "\"usage\":{\"input_tokens\":36,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":87,"
        + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":123},\"user\":null,\"metadata\":{}}";
  }

  static String message(String text) {
    return "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
        + "\"text\":" + quote(text) + ",\"annotations\":[]}]}";
  }

  static String refusalMessage(String refusal) {
    return "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"refusal\","
        + "\"refusal\":" + quote(refusal) + "}]}";
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** The event sequence the Responses API streams for a text answer made of {@code deltas}. */
  static List<String> responseEvents(String... deltas) {
    List<String> e = new ArrayList<>();
    int seq = 0;
    String created = response("resp_1", "in_progress", "[]");
    e.add(event("response.created", "{\"type\":\"response.created\",\"sequence_number\":" + seq++ + ",\"response\":" + created + "}"));
    e.add(event("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":" + seq++ + ",\"response\":" + created + "}"));
    e.add(event("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":" + seq++
        + ",\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}"));
    e.add(event("response.content_part.added", "{\"type\":\"response.content_part.added\",\"sequence_number\":" + seq++
        + ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}"));
    StringBuilder text = new StringBuilder();
    for (String d : deltas) {
      text.append(d);
      e.add(event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":" + seq++
          + ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":" + quote(d) + ",\"logprobs\":[]}"));
    }
    e.add(event("response.output_text.done", "{\"type\":\"response.output_text.done\",\"sequence_number\":" + seq++
        + ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"text\":" + quote(text.toString()) + ",\"logprobs\":[]}"));
    e.add(event("response.content_part.done", "{\"type\":\"response.content_part.done\",\"sequence_number\":" + seq++
        + ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":" + quote(text.toString())
        + ",\"annotations\":[]}}"));
    e.add(event("response.output_item.done", "{\"type\":\"response.output_item.done\",\"sequence_number\":" + seq++
        + ",\"output_index\":0,\"item\":" + message(text.toString()) + "}"));
    e.add(event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":" + seq++ + ",\"response\":"
        + response("resp_1", "completed", "[" + message(text.toString()) + "]") + "}"));
    return e;
  }

  static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  static String chunk(String deltaJson, String finishReason) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1741476542,\"model\":\"gpt-5\","
        + "\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":" + deltaJson + ",\"logprobs\":null,\"finish_reason\":"
        + (finishReason == null ? "null" : quote(finishReason)) + "}]}\n\n";
  }

  static String chatCompletion(String contentJson, String refusalJson) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1741476542,\"model\":\"gpt-5\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":" + contentJson + ",\"refusal\":" + refusalJson + ",\"annotations\":[]},"
        + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29}}";
  }
}
