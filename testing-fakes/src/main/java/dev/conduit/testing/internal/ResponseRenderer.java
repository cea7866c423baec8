package dev.conduit.testing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds Responses objects with every field the real API and the Open Responses schema carry. */
final class ResponseRenderer {
  private ResponseRenderer() {}

  /** What every snapshot of one response repeats from its request. */
  record Settings(String id, long createdAt, String model, Map<String, @Nullable Object> body,
      List<@Nullable Object> tools, @Nullable Object toolChoice, Map<String, @Nullable Object> text,
      @Nullable Map<String, @Nullable Object> reasoning, boolean store, boolean background) {}

  /** Turns answer parts into output items: reasoning items, assistant messages and function calls. */
  static List<Map<String, @Nullable Object>> output(List<ReplyPart> parts, boolean truncated, boolean summary,
      boolean encrypted, Ids ids) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    Map<String, @Nullable Object> message = null;
    Map<String, @Nullable Object> reasoning = null;
    for (ReplyPart p : parts) {
      if (p instanceof ReplyPart.Reasoning) {
        String text = ((ReplyPart.Reasoning) p).text();
        message = null;
        if (reasoning == null) {
          reasoning = Json.obj("id", ids.reasoning(), "type", "reasoning", "summary", Json.list());
          if (encrypted) {
            reasoning.put("encrypted_content", "");
          }
          out.add(reasoning);
        }
        if (summary) {
          Json.listAt(reasoning, "summary").add(Json.obj("type", "summary_text", "text", text));
        }
        if (encrypted) {
          String prior = Json.strAt(reasoning, "encrypted_content");
          reasoning.put("encrypted_content", "gAAAAAB" + Base64.getEncoder().encodeToString(
              (prior + text).getBytes(StandardCharsets.UTF_8)));
        }
      } else if (p instanceof ReplyPart.Text || p instanceof ReplyPart.Refusal) {
        reasoning = null;
        if (message == null) {
          message = Json.obj("id", ids.message(), "type", "message", "status", "completed", "content", Json.list(),
              "role", "assistant");
          out.add(message);
        }
        Json.listAt(message, "content").add(p instanceof ReplyPart.Text
            ? Json.obj("type", "output_text", "annotations", Json.list(), "logprobs", Json.list(), "text",
                ((ReplyPart.Text) p).text())
            : Json.obj("type", "refusal", "refusal", ((ReplyPart.Refusal) p).text()));
      } else if (p instanceof ReplyPart.ToolCall) {
        ReplyPart.ToolCall c = (ReplyPart.ToolCall) p;
        message = null;
        reasoning = null;
        out.add(Json.obj("id", ids.functionCall(), "type", "function_call", "status", "completed", "arguments",
            c.arguments(), "call_id", ids.callId(), "name", c.name()));
      }
    }
    if (truncated && !out.isEmpty() && out.get(out.size() - 1).containsKey("status")) {
      out.get(out.size() - 1).put("status", "incomplete");
    }
    return out;
  }

  /** Returns a response object. */
  static Map<String, @Nullable Object> response(Settings s, String status, List<Map<String, @Nullable Object>> output,
      @Nullable Map<String, @Nullable Object> usage, @Nullable Long completedAt, @Nullable String incompleteReason) {
    Map<String, @Nullable Object> b = s.body();
    Map<String, @Nullable Object> r = Json.obj(
        "id", s.id(),
        "object", "response",
        "created_at", s.createdAt(),
        "status", status,
        "background", s.background(),
        "billing", Json.obj("payer", "developer"),
        "completed_at", completedAt,
        "error", null,
        "frequency_penalty", or(b.get("frequency_penalty"), 0.0),
        "incomplete_details", incompleteReason == null ? null : Json.obj("reason", incompleteReason),
        "instructions", Json.copy(b.get("instructions")),
        "max_output_tokens", b.get("max_output_tokens"),
        "max_tool_calls", b.get("max_tool_calls"),
        "model", s.model(),
        "output", Json.copy(output),
        "parallel_tool_calls", or(b.get("parallel_tool_calls"), Boolean.TRUE),
        "presence_penalty", or(b.get("presence_penalty"), 0.0),
        "previous_response_id", b.get("previous_response_id"),
        "prompt_cache_key", b.get("prompt_cache_key"),
        "prompt_cache_retention", b.get("prompt_cache_retention"),
        "reasoning", Json.copy(s.reasoning()),
        "safety_identifier", b.get("safety_identifier"),
        "service_tier", serviceTier(b.get("service_tier")),
        "store", s.store(),
        "temperature", or(b.get("temperature"), 1.0),
        "text", Json.copy(s.text()),
        "tool_choice", Json.copy(s.toolChoice()),
        "tools", Json.copy(s.tools()),
        "top_logprobs", or(b.get("top_logprobs"), 0L),
        "top_p", or(b.get("top_p"), 1.0),
        "truncation", or(b.get("truncation"), "disabled"),
        "usage", Json.copy(usage),
        "user", b.get("user"),
        "metadata", b.get("metadata") == null ? Json.obj() : Json.copy(b.get("metadata")));
    if (b.get("conversation") != null) {
      r.put("conversation", Json.obj("id", ConversationsRoutes.idOf(b.get("conversation"))));
    }
    if (b.get("prompt") != null) {
      r.put("prompt", Json.copy(b.get("prompt")));
    }
    return r;
  }

  /** Returns the Responses usage object. */
  static Map<String, @Nullable Object> usage(long input, long output, long reasoning) {
    return Json.obj("input_tokens", input, "input_tokens_details", Json.obj("cached_tokens", 0L, "cache_write_tokens", 0L), "output_tokens", output,
        "output_tokens_details", Json.obj("reasoning_tokens", reasoning), "total_tokens", input + output);
  }

  /** Returns a copy of a finished response as it looked in {@code status} before any output existed. */
  static Map<String, @Nullable Object> snapshot(Map<String, @Nullable Object> finished, String status) {
    Map<String, @Nullable Object> r = Json.copyObj(finished);
    r.put("status", status);
    r.put("completed_at", null);
    r.put("incomplete_details", null);
    r.put("output", Json.list());
    r.put("usage", null);
    return r;
  }

  private static String serviceTier(@Nullable Object requested) {
    return requested == null || "auto".equals(requested) ? "default" : requested.toString();
  }

  private static Object or(@Nullable Object v, Object fallback) {
    return v == null ? fallback : v;
  }
}
