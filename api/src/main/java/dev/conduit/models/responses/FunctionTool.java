package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A function in your own code that the model may ask to call; its call arrives as a
 * {@link ResponseFunctionToolCall} and its result goes back with
 * {@link ResponseInputItem#functionCallOutput(String, String)}.
 */
public final class FunctionTool extends Tool {
  private FunctionTool(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static FunctionTool fromJson(Map<String, @Nullable Object> json) {
    return new FunctionTool(Json.freezeMap(json));
  }

  /** Returns a new builder; {@code name} is required. */
  /**
   * Returns a strict function tool whose parameters are the JSON Schema of {@code argumentsType}, a
   * record; decode a call's arguments with {@link ResponseFunctionToolCall#arguments(Class)}.
   *
   * @throws IllegalArgumentException if the record cannot be expressed as a strict schema
   */
  public static FunctionTool fromRecord(String name, @Nullable String description, Class<?> argumentsType) {
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

  /** Returns the name of the function. */
  public String name() {
    return string("name");
  }

  /** Returns what the function does, as told to the model, or null. */
  public @Nullable String description() {
    return stringOrNull("description");
  }

  /** Returns the JSON schema of the function's parameters; empty if unset. */
  public Map<String, @Nullable Object> parameters() {
    return mapOrEmpty("parameters");
  }

  /** Returns whether strict parameter validation is on, or null if unset. */
  public @Nullable Boolean strict() {
    return booleanOrNull("strict");
  }

  /** A builder of {@link FunctionTool}. */
  public static final class Builder extends JsonModel.Builder<Builder, FunctionTool> {
    private Builder() {
      set("type", "function");
    }

    private Builder(FunctionTool from) {
      super(from);
    }

    /** Sets the name of the function: a-z, A-Z, 0-9, underscores and dashes. */
    public Builder name(String name) {
      return set("name", name);
    }

    /** Sets what the function does, which the model uses to decide when to call it. */
    public Builder description(@Nullable String description) {
      return set("description", description);
    }

    /** Sets the JSON schema of the parameters, given as maps, lists and scalars. */
    public Builder parameters(@Nullable Map<String, ?> parameters) {
      return set("parameters", parameters);
    }

    /** Sets whether the model must follow the parameter schema exactly. */
    public Builder strict(@Nullable Boolean strict) {
      return set("strict", strict);
    }

    /**
     * Returns the tool.
     *
     * @throws IllegalStateException if {@code name} was not set
     */
    @Override
    public FunctionTool build() {
      require("name");
      return new FunctionTool(frozenJson());
    }
  }
}
