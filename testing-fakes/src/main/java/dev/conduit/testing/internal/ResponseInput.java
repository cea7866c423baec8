package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@code input} of a Responses request: validated, given ids, and read as conversation turns. */
final class ResponseInput {
  private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");
  private static final Set<String> PASS_THROUGH = Set.of("reasoning", "item_reference", "file_search_call",
      "web_search_call", "computer_call", "computer_call_output", "image_generation_call", "code_interpreter_call",
      "local_shell_call", "local_shell_call_output", "mcp_list_tools", "mcp_approval_request", "mcp_approval_response",
      "mcp_call", "custom_tool_call", "custom_tool_call_output", "compaction");

  private ResponseInput() {}

  /** Returns the input items in the form the API lists them (with ids and status). */
  static List<Map<String, @Nullable Object>> items(@Nullable Object input, Ids ids) {
    return items(input, ids, "input");
  }

  /** Like {@link #items(Object, Ids)} for items sent as parameter {@code param} (errors name it). */
  static List<Map<String, @Nullable Object>> items(@Nullable Object input, Ids ids, String param) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    if (input == null) {
      return out;
    }
    if (input instanceof String) {
      out.add(message(ids.message(), "user", List.of(Json.obj("type", "input_text", "text", input))));
      return out;
    }
    List<?> list = (List<?>) input;
    for (int i = 0; i < list.size(); i++) {
      String at = param + "[" + i + "]";
      Object raw = list.get(i);
      if (!(raw instanceof Map)) {
        throw ApiError.invalidType(at, "an object", raw);
      }
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> item = (Map<String, @Nullable Object>) raw;
      String type = Json.strAt(item, "type");
      if (type == null) {
        if (item.get("role") == null) {
          throw ApiError.missing(at + ".role");
        }
        type = "message";
      }
      switch (type) {
        case "message":
          out.add(messageItem(item, at, ids));
          break;
        case "function_call_output": {
          String callId = required(item, at, "call_id");
          if (item.get("output") == null) {
            throw ApiError.missing(at + ".output");
          }
          String id = Json.strAt(item, "id");
          out.add(Json.obj("id", id != null ? id : ids.functionCallOutput(), "type", type, "call_id", callId, "output",
              Json.copy(item.get("output")), "status", "completed"));
          break;
        }
        case "function_call": {
          String id = Json.strAt(item, "id");
          out.add(Json.obj("id", id != null ? id : ids.functionCall(), "type", type, "status", "completed", "arguments",
              required(item, at, "arguments"), "call_id", required(item, at, "call_id"), "name", required(item, at, "name")));
          break;
        }
        default:
          if (!PASS_THROUGH.contains(type)) {
            throw ApiError.invalid("Invalid value: '" + type + "'. Supported values are: 'message', 'function_call', "
                + "'function_call_output', 'reasoning' and 'item_reference'.", at + ".type", "invalid_value");
          }
          out.add(Json.copyObj(item));
      }
    }
    return out;
  }

  private static Map<String, @Nullable Object> messageItem(Map<String, @Nullable Object> item, String at, Ids ids) {
    String role = required(item, at, "role");
    if (!ROLES.contains(role)) {
      throw ApiError.invalid("Invalid value: '" + role + "'. Supported values are: 'assistant', 'system', 'developer', "
          + "and 'user'.", at + ".role", "invalid_value");
    }
    Object content = item.get("content");
    List<@Nullable Object> parts = new ArrayList<>();
    if (content instanceof String) {
      parts.add(role.equals("assistant")
          ? Json.obj("type", "output_text", "text", content, "annotations", Json.list())
          : Json.obj("type", "input_text", "text", content));
    } else if (content instanceof List) {
      for (Object p : (List<?>) content) {
        parts.add(Json.copy(p));
      }
    } else if (content == null) {
      throw ApiError.missing(at + ".content");
    } else {
      throw ApiError.invalidType(at + ".content", "one of a string or an array", content);
    }
    String id = Json.strAt(item, "id");
    return message(id != null ? id : ids.message(), role, parts);
  }

  private static Map<String, @Nullable Object> message(String id, String role, List<@Nullable Object> content) {
    return Json.obj("id", id, "type", "message", "status", "completed", "content", content, "role", role);
  }

  private static String required(Map<String, @Nullable Object> item, String at, String key) {
    Object v = item.get(key);
    if (v == null) {
      throw ApiError.missing(at + "." + key);
    }
    if (!(v instanceof String)) {
      throw ApiError.invalidType(at + "." + key, "a string", v);
    }
    return (String) v;
  }

  /** Reads items (input and output alike) as the turns the model sees. */
  static List<DeterministicModel.Turn> turns(List<Map<String, @Nullable Object>> items) {
    List<DeterministicModel.Turn> turns = new ArrayList<>();
    for (Map<String, @Nullable Object> item : items) {
      String type = Json.strAt(item, "type");
      if ("message".equals(type)) {
        String role = Json.strAt(item, "role");
        turns.add(new DeterministicModel.Turn(role == null ? "user" : role, text(item.get("content"))));
      } else if ("function_call_output".equals(type)) {
        turns.add(new DeterministicModel.Turn("tool", text(item.get("output"))));
      } else if ("function_call".equals(type)) {
        turns.add(new DeterministicModel.Turn("assistant",
            Json.strAt(item, "name") + " " + Json.strAt(item, "arguments")));
      }
    }
    return turns;
  }

  /** Returns the text of a string or of the text parts of a content list. */
  static String text(@Nullable Object content) {
    if (content instanceof String) {
      return (String) content;
    }
    StringBuilder sb = new StringBuilder();
    for (Map<String, @Nullable Object> part : Json.objects(content instanceof List ? castList(content) : null)) {
      String t = Json.strAt(part, "text");
      if (t == null) {
        t = Json.strAt(part, "refusal");
      }
      if (t != null) {
        sb.append(sb.length() == 0 ? "" : "\n").append(t);
      }
    }
    return sb.toString();
  }

  /** Checks function call outputs against the calls they answer, as the real API does. */
  static void checkToolOutputs(List<Map<String, @Nullable Object>> previousOutput, List<Map<String, @Nullable Object>> context,
      List<Map<String, @Nullable Object>> input) {
    Set<String> calls = new LinkedHashSet<>();
    for (Map<String, @Nullable Object> item : context) {
      if ("function_call".equals(Json.strAt(item, "type"))) {
        calls.add(Json.strAt(item, "call_id"));
      }
    }
    Set<String> answered = new LinkedHashSet<>();
    for (Map<String, @Nullable Object> item : input) {
      if ("function_call_output".equals(Json.strAt(item, "type"))) {
        String callId = Json.strAt(item, "call_id");
        if (!calls.contains(callId)) {
          throw ApiError.invalid("No tool call found for function call output with call_id " + callId + ".", "input", null);
        }
        answered.add(callId);
      }
    }
    for (Map<String, @Nullable Object> item : previousOutput) {
      if ("function_call".equals(Json.strAt(item, "type")) && !answered.contains(Json.strAt(item, "call_id"))) {
        throw ApiError.invalid("No tool output found for function call " + Json.strAt(item, "call_id") + ".", "input", null);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> castList(Object o) {
    return (List<@Nullable Object>) o;
  }
}
