package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads and validates the {@code messages}, {@code tools}, {@code tool_choice} and {@code response_format} of a chat request. */
final class ChatOptions {
  private static final Set<String> ROLES = Set.of("developer", "system", "user", "assistant", "tool", "function");

  private ChatOptions() {}

  /** Validates the messages and returns them as turns. */
  static List<DeterministicModel.Turn> turns(List<@Nullable Object> messages) {
    if (messages.isEmpty()) {
      throw ApiError.invalid("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty "
          + "array instead.", "messages", "empty_array");
    }
    List<DeterministicModel.Turn> turns = new ArrayList<>();
    Set<String> open = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>();
    int openedAt = -1;
    for (int i = 0; i < messages.size(); i++) {
      String at = "messages.[" + i + "]";
      Object raw = messages.get(i);
      if (!(raw instanceof Map)) {
        throw ApiError.invalidType(at, "an object", raw);
      }
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> m = (Map<String, @Nullable Object>) raw;
      Object role = m.get("role");
      if (role == null) {
        throw ApiError.missing(at + ".role");
      }
      if (!ROLES.contains(role)) {
        throw ApiError.invalid("Invalid value: '" + role + "'. Supported values are: 'system', 'assistant', 'user', "
            + "'function', 'tool', and 'developer'.", at + ".role", "invalid_value");
      }
      Object content = m.get("content");
      if (content != null && !(content instanceof String) && !(content instanceof List)) {
        throw ApiError.invalidType(at + ".content", "one of a string or an array", content);
      }
      if (!role.equals("tool") && !open.isEmpty()) {
        throw ApiError.invalid("An assistant message with 'tool_calls' must be followed by tool messages responding to "
            + "each 'tool_call_id'. The following tool_call_ids did not have response messages: " + String.join(", ", open),
            "messages.[" + openedAt + "].role", null);
      }
      switch ((String) role) {
        case "assistant":
          for (Map<String, @Nullable Object> call : Json.objects(Json.listAt(m, "tool_calls"))) {
            String id = Json.strAt(call, "id");
            if (id != null) {
              open.add(id);
              known.add(id);
              openedAt = i;
            }
          }
          if (content == null && open.isEmpty() && m.get("refusal") == null) {
            throw ApiError.missing(at + ".content");
          }
          break;
        case "tool": {
          String id = Json.strAt(m, "tool_call_id");
          if (id == null) {
            throw ApiError.missing(at + ".tool_call_id");
          }
          if (!known.contains(id)) {
            throw ApiError.invalid("Invalid parameter: messages with role 'tool' must be a response to a preceeding message "
                + "with 'tool_calls'.", at + ".role", null);
          }
          open.remove(id);
          if (content == null) {
            throw ApiError.missing(at + ".content");
          }
          break;
        }
        default:
          if (content == null) {
            throw ApiError.missing(at + ".content");
          }
      }
      turns.add(new DeterministicModel.Turn(role.equals("function") ? "tool" : (String) role, ResponseInput.text(content)));
    }
    return turns;
  }

  /** Returns the function tools the model may call. */
  static List<DeterministicModel.Tool> tools(Map<String, @Nullable Object> body) {
    List<DeterministicModel.Tool> out = new ArrayList<>();
    List<@Nullable Object> raw = Json.listAt(body, "tools");
    if (raw == null) {
      return out;
    }
    for (int i = 0; i < raw.size(); i++) {
      String at = "tools[" + i + "]";
      Object t = raw.get(i);
      if (!(t instanceof Map)) {
        throw ApiError.invalidType(at, "an object", t);
      }
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> tool = (Map<String, @Nullable Object>) t;
      if (!"function".equals(Json.strAt(tool, "type"))) {
        if (tool.get("type") == null) {
          throw ApiError.missing(at + ".type");
        }
        continue; // custom tools: the fake never calls them
      }
      Map<String, @Nullable Object> f = Json.objAt(tool, "function");
      if (f == null) {
        throw ApiError.missing(at + ".function");
      }
      String name = Json.strAt(f, "name");
      if (name == null) {
        throw ApiError.missing(at + ".function.name");
      }
      out.add(new DeterministicModel.Tool(name, Json.objAt(f, "parameters")));
    }
    return out;
  }

  static DeterministicModel.ToolChoice choice(Map<String, @Nullable Object> body, List<DeterministicModel.Tool> tools) {
    Object choice = body.get("tool_choice");
    if (choice == null) {
      return DeterministicModel.ToolChoice.AUTO;
    }
    if (body.get("tools") == null) {
      throw ApiError.invalid("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
          "tool_choice", null);
    }
    if (choice instanceof String) {
      String mode = (String) choice;
      if (!mode.equals("none") && !mode.equals("auto") && !mode.equals("required")) {
        throw ApiError.invalid("Invalid value: '" + mode + "'. Supported values are: 'none', 'auto', and 'required'.",
            "tool_choice", "invalid_value");
      }
      return new DeterministicModel.ToolChoice(mode, null, null);
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> c = (Map<String, @Nullable Object>) choice;
    if ("allowed_tools".equals(Json.strAt(c, "type"))) {
      Map<String, @Nullable Object> allowed = Json.objAt(c, "allowed_tools");
      List<String> names = new ArrayList<>();
      for (Map<String, @Nullable Object> t : Json.objects(Json.listAt(allowed, "tools"))) {
        String name = Json.strAt(Json.objAt(t, "function"), "name");
        if (name != null) {
          names.add(name);
        }
      }
      return new DeterministicModel.ToolChoice("required".equals(Json.strAt(allowed, "mode")) ? "required" : "auto", null,
          names);
    }
    String name = Json.strAt(Json.objAt(c, "function"), "name");
    if (name == null) {
      throw ApiError.missing("tool_choice.function.name");
    }
    for (DeterministicModel.Tool t : tools) {
      if (t.name().equals(name)) {
        return new DeterministicModel.ToolChoice("named", name, null);
      }
    }
    throw ApiError.invalid("Invalid value for 'tool_choice': function '" + name + "' not found in 'tools'.", "tool_choice",
        null);
  }

  static DeterministicModel.Format format(Map<String, @Nullable Object> body) {
    Object raw = body.get("response_format");
    if (raw == null) {
      return DeterministicModel.Format.TEXT;
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> f = (Map<String, @Nullable Object>) raw;
    String type = Json.strAt(f, "type");
    if (type == null) {
      throw ApiError.missing("response_format.type");
    }
    switch (type) {
      case "text":
      case "json_object":
        return new DeterministicModel.Format(type, null);
      case "json_schema": {
        Map<String, @Nullable Object> js = Json.objAt(f, "json_schema");
        if (js == null) {
          throw ApiError.missing("response_format.json_schema");
        }
        if (Json.strAt(js, "name") == null) {
          throw ApiError.missing("response_format.json_schema.name");
        }
        return new DeterministicModel.Format("json_schema", Json.objAt(js, "schema"));
      }
      default:
        throw ApiError.invalid("Invalid value: '" + type + "'. Supported values are: 'text', 'json_object', and "
            + "'json_schema'.", "response_format.type", "invalid_value");
    }
  }

  /** Returns a request message as the stored-messages endpoint lists it. */
  static Map<String, @Nullable Object> storedMessage(String completionId, int index, Map<String, @Nullable Object> m) {
    Object content = m.get("content");
    Map<String, @Nullable Object> out = Json.obj("id", completionId + "-" + index, "role", m.get("role"), "content",
        content instanceof List ? ResponseInput.text(content) : content, "name", m.get("name"), "content_parts",
        content instanceof List ? Json.copy(content) : null);
    if (m.get("tool_calls") != null) {
      out.put("tool_calls", Json.copy(m.get("tool_calls")));
    }
    if (m.get("tool_call_id") != null) {
      out.put("tool_call_id", m.get("tool_call_id"));
    }
    return out;
  }
}
