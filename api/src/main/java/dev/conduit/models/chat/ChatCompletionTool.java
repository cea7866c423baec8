package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call: a function tool, {@code {"type": "function", "function": {...}}}.
 *
 * <pre>{@code
 * ChatCompletionTool weather = ChatCompletionTool.builder()
 *     .name("get_weather")
 *     .description("Current weather of a city")
 *     .parameters(Map.of("type", "object",
 *         "properties", Map.of("city", Map.of("type", "string")),
 *         "required", List.of("city")))
 *     .build();
 * }</pre>
 *
 * <p>A custom tool, not modelled here, can be sent as {@code ChatCompletionTool.fromJson(map)}.
 */
public final class ChatCompletionTool extends JsonModel {
  private ChatCompletionTool(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletionTool fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletionTool(Json.freezeMap(json));
  }

  /** Returns a function tool of {@code function}. */
  public static ChatCompletionTool ofFunction(FunctionDefinition function) {
    return builder().function(function).build();
  }

  /** Returns a new builder of a function tool. */
  /**
   * Returns a strict function tool whose parameters are the JSON Schema of {@code argumentsType}, a
   * record; decode a call's arguments with {@link ChatCompletionMessageToolCall.Function#arguments(Class)}.
   *
   * @throws IllegalArgumentException if the record cannot be expressed as a strict schema
   */
  public static ChatCompletionTool fromRecord(String name, @Nullable String description, Class<?> argumentsType) {
    return builder().name(name).description(description)
        .parameters(dev.conduit.internal.structured.StructuredOutputs.schemas().functionParameters(argumentsType))
        .strict(true)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this tool. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the tool type, {@code "function"}. */
  public String type() {
    return string("type");
  }

  /**
   * Returns the function definition.
   *
   * @throws dev.conduit.errors.InvalidResponseException if this is not a function tool
   */
  public FunctionDefinition function() {
    return object("function", FunctionDefinition::fromJson);
  }

  /**
   * A builder of a function {@link ChatCompletionTool}. The name, description, parameters and
   * strict setters edit the nested {@code function} object; {@link #build()} requires a name.
   */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionTool> {
    private final Map<String, @Nullable Object> function = new LinkedHashMap<>();

    private Builder() {
      set("type", "function");
    }

    private Builder(ChatCompletionTool from) {
      super(from);
      Object existing = from.jsonField("function");
      if (existing instanceof Map) {
        Json.asObject(existing, "function").forEach(function::put);
      }
    }

    private Builder putFunction(String name, @Nullable Object value) {
      if (value == null) {
        function.remove(name);
      } else {
        function.put(name, Json.toTree(value));
      }
      return set("function", function);
    }

    /** Replaces the whole function definition. */
    public Builder function(FunctionDefinition definition) {
      Objects.requireNonNull(definition, "definition == null");
      function.clear();
      function.putAll(definition.toJson());
      return set("function", function);
    }

    /** Sets the function name. */
    public Builder name(String name) {
      return putFunction("name", Objects.requireNonNull(name, "name == null"));
    }

    /** Sets the description of the function; null removes it. */
    public Builder description(@Nullable String description) {
      return putFunction("description", description);
    }

    /** Sets the parameters as a JSON Schema object; null removes them. */
    public Builder parameters(@Nullable Map<String, ?> parameters) {
      return putFunction("parameters", parameters);
    }

    /** Enables or disables strict schema adherence; null removes the setting. */
    public Builder strict(@Nullable Boolean strict) {
      return putFunction("strict", strict);
    }

    /**
     * Returns the tool.
     *
     * @throws IllegalStateException if no function name was set
     */
    @Override
    public ChatCompletionTool build() {
      if (!(function.get("name") instanceof String)) {
        throw new IllegalStateException("function.name is required but was not set");
      }
      return new ChatCompletionTool(frozenJson());
    }
  }
}
