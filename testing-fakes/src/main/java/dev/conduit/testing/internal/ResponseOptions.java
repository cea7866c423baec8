package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the {@code tools}, {@code tool_choice}, {@code text} and {@code reasoning} of a Responses request. */
final class ResponseOptions {
  /** Function tools for the model, the tools as the response echoes them, and the tool choice. */
  record Tools(List<DeterministicModel.Tool> model, List<@Nullable Object> echo, DeterministicModel.ToolChoice choice,
      @Nullable Object choiceEcho) {}

  /** The output format for the model and the {@code text} object as the response echoes it. */
  record Text(DeterministicModel.Format format, Map<String, @Nullable Object> echo) {}

  Tools tools(Map<String, @Nullable Object> body) {
    List<DeterministicModel.Tool> model = new ArrayList<>();
    List<@Nullable Object> echo = new ArrayList<>();
    List<@Nullable Object> raw = Json.listAt(body, "tools");
    if (raw != null) {
      for (int i = 0; i < raw.size(); i++) {
        String at = "tools[" + i + "]";
        Object t = raw.get(i);
        if (!(t instanceof Map)) {
          throw ApiError.invalidType(at, "an object", t);
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> tool = (Map<String, @Nullable Object>) t;
        String type = Json.strAt(tool, "type");
        if (type == null) {
          throw ApiError.missing(at + ".type");
        }
        if (!type.equals("function")) {
          echo.add(Json.copy(tool));
          continue;
        }
        String name = Json.strAt(tool, "name");
        if (name == null) {
          throw ApiError.missing(at + ".name");
        }
        Object params = tool.get("parameters");
        if (params != null && !(params instanceof Map)) {
          throw ApiError.invalidType(at + ".parameters", "an object", params);
        }
        Map<String, @Nullable Object> parameters = Json.objAt(tool, "parameters");
        model.add(new DeterministicModel.Tool(name, parameters));
        echo.add(Json.obj("type", "function", "description", tool.get("description"), "name", name, "parameters",
            Json.copy(parameters), "strict", tool.get("strict") == null ? Boolean.TRUE : tool.get("strict")));
      }
    }
    Object choice = body.get("tool_choice");
    return new Tools(model, echo, choice(choice, model), choice == null ? "auto" : Json.copy(choice));
  }

  private static DeterministicModel.ToolChoice choice(@Nullable Object choice, List<DeterministicModel.Tool> tools) {
    if (choice == null) {
      return DeterministicModel.ToolChoice.AUTO;
    }
    if (choice instanceof String) {
      String mode = (String) choice;
      if (!mode.equals("none") && !mode.equals("auto") && !mode.equals("required")) {
        throw ApiError.invalid("Invalid value: '" + mode + "'. Supported values are: 'none', 'auto', and 'required'.",
            "tool_choice", "invalid_value");
      }
      if (mode.equals("required") && tools.isEmpty()) {
        throw ApiError.invalid("Tool choice 'required' must be specified with 'tools' parameter.", "tool_choice", null);
      }
      return new DeterministicModel.ToolChoice(mode, null, null);
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> c = (Map<String, @Nullable Object>) choice;
    String type = Json.strAt(c, "type");
    if ("function".equals(type)) {
      String name = Json.strAt(c, "name");
      if (name == null) {
        throw ApiError.missing("tool_choice.name");
      }
      for (DeterministicModel.Tool t : tools) {
        if (t.name().equals(name)) {
          return new DeterministicModel.ToolChoice("named", name, null);
        }
      }
      throw ApiError.invalid("Tool choice 'function' with name '" + name + "' not found in 'tools' parameter.",
          "tool_choice", null);
    }
    if ("allowed_tools".equals(type)) {
      List<String> allowed = new ArrayList<>();
      for (Map<String, @Nullable Object> t : Json.objects(Json.listAt(c, "tools"))) {
        String name = Json.strAt(t, "name");
        if (name != null) {
          allowed.add(name);
        }
      }
      String mode = "required".equals(Json.strAt(c, "mode")) ? "required" : "auto";
      return new DeterministicModel.ToolChoice(mode, null, allowed);
    }
    if (type == null) {
      throw ApiError.missing("tool_choice.type");
    }
    return DeterministicModel.ToolChoice.AUTO; // built-in tools: the fake never calls them
  }

  Text text(Map<String, @Nullable Object> body) {
    Map<String, @Nullable Object> text = Json.objAt(body, "text");
    Object verbosity = text == null || text.get("verbosity") == null ? "medium" : text.get("verbosity");
    Object rawFormat = text == null ? null : text.get("format");
    if (rawFormat == null) {
      return new Text(DeterministicModel.Format.TEXT, Json.obj("format", Json.obj("type", "text"), "verbosity", verbosity));
    }
    if (!(rawFormat instanceof Map)) {
      throw ApiError.invalidType("text.format", "an object", rawFormat);
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> format = (Map<String, @Nullable Object>) rawFormat;
    String type = Json.strAt(format, "type");
    if (type == null) {
      throw ApiError.missing("text.format.type");
    }
    switch (type) {
      case "text":
      case "json_object":
        return new Text(new DeterministicModel.Format(type, null),
            Json.obj("format", Json.obj("type", type), "verbosity", verbosity));
      case "json_schema": {
        String name = Json.strAt(format, "name");
        if (name == null) {
          throw ApiError.missing("text.format.name");
        }
        Object schema = format.get("schema");
        if (!(schema instanceof Map)) {
          throw schema == null ? ApiError.missing("text.format.schema") : ApiError.invalidType("text.format.schema",
              "an object", schema);
        }
        Map<String, @Nullable Object> s = Json.objAt(format, "schema");
        Map<String, @Nullable Object> echo = Json.obj("type", "json_schema", "description", format.get("description"),
            "name", name, "schema", Json.copy(s), "strict", format.get("strict") == null ? Boolean.FALSE : format.get("strict"));
        return new Text(new DeterministicModel.Format("json_schema", s), Json.obj("format", echo, "verbosity", verbosity));
      }
      default:
        throw ApiError.invalid("Invalid value: '" + type + "'. Supported values are: 'text', 'json_object', and "
            + "'json_schema'.", "text.format.type", "invalid_value");
    }
  }

  /** Returns the {@code reasoning} object the response echoes; rejects reasoning settings on non-reasoning models. */
  Map<String, @Nullable Object> reasoning(Map<String, @Nullable Object> body, String model) {
    Map<String, @Nullable Object> r = Json.objAt(body, "reasoning");
    Object effort = r == null ? null : r.get("effort");
    Object summary = r == null ? null : r.get("summary") != null ? r.get("summary") : r.get("generate_summary");
    if (!Store.isReasoningModel(model)) {
      if (effort != null && model.startsWith("gpt-4")) {
        throw ApiError.invalid("Unsupported parameter: 'reasoning.effort' is not supported with this model.",
            "reasoning.effort", "unsupported_parameter");
      }
      return Json.obj("effort", effort, "summary", summary);
    }
    return Json.obj("effort", effort == null ? "medium" : effort, "summary", summary);
  }
}
