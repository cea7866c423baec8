package dev.conduit.testing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds chat completion objects and their streamed chunks as the real API does. */
final class ChatRenderer {
  private static final String PAD = "Xq7Lm2Vb9Rt4Np8Kw3Zs6Hd1Gf5Jc0Ya";

  private ChatRenderer() {}

  /** One generated choice. */
  record Choice(int index, Map<String, @Nullable Object> message, String finishReason,
      @Nullable Map<String, @Nullable Object> logprobs) {}

  /** Returns the assistant message for answer parts (reasoning is not shown in chat). */
  static Map<String, @Nullable Object> message(List<ReplyPart> parts, Ids ids) {
    StringBuilder text = null;
    StringBuilder refusal = null;
    List<@Nullable Object> calls = new ArrayList<>();
    for (ReplyPart p : parts) {
      if (p instanceof ReplyPart.Text) {
        text = (text == null ? new StringBuilder() : text).append(((ReplyPart.Text) p).text());
      } else if (p instanceof ReplyPart.Refusal) {
        refusal = (refusal == null ? new StringBuilder() : refusal).append(((ReplyPart.Refusal) p).text());
      } else if (p instanceof ReplyPart.ToolCall) {
        ReplyPart.ToolCall c = (ReplyPart.ToolCall) p;
        calls.add(Json.obj("id", ids.callId(), "type", "function", "function",
            Json.obj("name", c.name(), "arguments", c.arguments())));
      }
    }
    Map<String, @Nullable Object> m = Json.obj("role", "assistant", "content", text == null ? null : text.toString());
    if (!calls.isEmpty()) {
      m.put("tool_calls", calls);
    }
    m.put("refusal", refusal == null ? null : refusal.toString());
    m.put("annotations", Json.list());
    return m;
  }

  /** Returns {@code logprobs} for the content of a message, with {@code top} alternatives per token. */
  static @Nullable Map<String, @Nullable Object> logprobs(Map<String, @Nullable Object> message, int top) {
    String content = Json.strAt(message, "content");
    if (content == null) {
      return Json.obj("content", null, "refusal", null);
    }
    List<@Nullable Object> tokens = new ArrayList<>();
    List<String> split = Tokens.split(content);
    for (int i = 0; i < split.size(); i++) {
      String tok = split.get(i);
      double lp = -0.0001 * (1 + i % 7);
      List<@Nullable Object> alternatives = new ArrayList<>();
      for (int k = 0; k < top; k++) {
        String alt = k == 0 ? tok : tok + "_" + k;
        alternatives.add(Json.obj("token", alt, "logprob", k == 0 ? lp : lp - 2.5 * k, "bytes", bytes(alt)));
      }
      tokens.add(Json.obj("token", tok, "logprob", lp, "bytes", bytes(tok), "top_logprobs", alternatives));
    }
    return Json.obj("content", tokens, "refusal", null);
  }

  private static List<@Nullable Object> bytes(String s) {
    List<@Nullable Object> out = new ArrayList<>();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      out.add((long) (b & 0xff));
    }
    return out;
  }

  static Map<String, @Nullable Object> usage(long prompt, long completion, long reasoning) {
    return Json.obj("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion,
        "prompt_tokens_details", Json.obj("cached_tokens", 0L, "audio_tokens", 0L),
        "completion_tokens_details", Json.obj("reasoning_tokens", reasoning, "audio_tokens", 0L,
            "accepted_prediction_tokens", 0L, "rejected_prediction_tokens", 0L));
  }

  static Map<String, @Nullable Object> completion(String id, long created, String model, String serviceTier,
      String fingerprint, List<Choice> choices, Map<String, @Nullable Object> usage) {
    List<@Nullable Object> cs = new ArrayList<>();
    for (Choice c : choices) {
      cs.add(Json.obj("index", (long) c.index(), "message", c.message(), "logprobs", c.logprobs(), "finish_reason",
          c.finishReason()));
    }
    return Json.obj("id", id, "object", "chat.completion", "created", created, "model", model, "choices", cs, "usage",
        usage, "service_tier", serviceTier, "system_fingerprint", fingerprint);
  }

  /** Returns the chunks of a streamed completion, each as a tree; the caller appends {@code [DONE]}. */
  static List<Map<String, @Nullable Object>> chunks(Map<String, @Nullable Object> completion, boolean includeUsage,
      boolean obfuscate) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (Map<String, @Nullable Object> choice : Json.objects(Json.listAt(completion, "choices"))) {
      long index = Json.longAt(choice, "index", 0);
      Map<String, @Nullable Object> msg = Json.objAt(choice, "message");
      String content = Json.strAt(msg, "content");
      String refusal = Json.strAt(msg, "refusal");
      List<Map<String, @Nullable Object>> calls = Json.objects(Json.listAt(msg, "tool_calls"));
      Map<String, @Nullable Object> first = Json.obj("role", "assistant", "content", content == null ? null : "");
      if (!calls.isEmpty()) {
        Map<String, @Nullable Object> f = Json.objAt(calls.get(0), "function");
        first.put("tool_calls", Json.list(Json.obj("index", 0L, "id", calls.get(0).get("id"), "type", "function",
            "function", Json.obj("name", Json.strAt(f, "name"), "arguments", ""))));
      }
      first.put("refusal", refusal == null ? null : "");
      out.add(chunk(completion, index, first, null, includeUsage));
      if (content != null) {
        for (String tok : Tokens.split(content)) {
          out.add(chunk(completion, index, Json.obj("content", tok), null, includeUsage));
        }
      }
      if (refusal != null) {
        for (String tok : Tokens.split(refusal)) {
          out.add(chunk(completion, index, Json.obj("refusal", tok), null, includeUsage));
        }
      }
      for (int k = 0; k < calls.size(); k++) {
        Map<String, @Nullable Object> f = Json.objAt(calls.get(k), "function");
        if (k > 0) {
          out.add(chunk(completion, index, Json.obj("tool_calls", Json.list(Json.obj("index", (long) k, "id",
              calls.get(k).get("id"), "type", "function", "function", Json.obj("name", Json.strAt(f, "name"),
                  "arguments", "")))), null, includeUsage));
        }
        for (String tok : Tokens.split(String.valueOf(Json.strAt(f, "arguments")))) {
          out.add(chunk(completion, index, Json.obj("tool_calls", Json.list(Json.obj("index", (long) k, "function",
              Json.obj("arguments", tok)))), null, includeUsage));
        }
      }
      out.add(chunk(completion, index, Json.obj(), Json.strAt(choice, "finish_reason"), includeUsage));
    }
    if (includeUsage) {
      Map<String, @Nullable Object> last = header(completion);
      last.put("choices", Json.list());
      last.put("usage", Json.copy(completion.get("usage")));
      out.add(last);
    }
    if (obfuscate) {
      for (int i = 0; i < out.size(); i++) {
        int from = i % (PAD.length() - 12);
        out.get(i).put("obfuscation", PAD.substring(from, from + 4 + i % 8));
      }
    }
    return out;
  }

  private static Map<String, @Nullable Object> chunk(Map<String, @Nullable Object> completion, long index,
      Map<String, @Nullable Object> delta, @Nullable String finish, boolean includeUsage) {
    Map<String, @Nullable Object> c = header(completion);
    c.put("choices", Json.list(Json.obj("index", index, "delta", delta, "logprobs", null, "finish_reason", finish)));
    if (includeUsage) {
      c.put("usage", null);
    }
    return c;
  }

  private static Map<String, @Nullable Object> header(Map<String, @Nullable Object> completion) {
    return Json.obj("id", completion.get("id"), "object", "chat.completion.chunk", "created", completion.get("created"),
        "model", completion.get("model"), "service_tier", completion.get("service_tier"), "system_fingerprint",
        completion.get("system_fingerprint"));
  }
}
