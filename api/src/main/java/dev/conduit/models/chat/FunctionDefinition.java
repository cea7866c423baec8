package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A function the model may call: its name, a description, and its parameters as a JSON Schema. */
public final class FunctionDefinition extends JsonModel {
  private FunctionDefinition(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static FunctionDefinition fromJson(Map<String, @Nullable Object> json) {
    return new FunctionDefinition(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this definition. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the function name: a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. */
  public String name() {
    return string("name");
  }

  /** Returns what the function does, which helps the model decide when to call it, or null. */
  public @Nullable String description() {
    return stringOrNull("description");
  }

  /** Returns the parameters as a JSON Schema object tree; empty if the function takes none. */
  public Map<String, @Nullable Object> parameters() {
    return mapOrEmpty("parameters");
  }

  /** Returns whether strict schema adherence is enabled, or null if not set. */
  public @Nullable Boolean strict() {
    return booleanOrNull("strict");
  }

  /** A builder of {@link FunctionDefinition}; {@link #build()} requires a name. */
  public static final class Builder extends JsonModel.Builder<Builder, FunctionDefinition> {
    private Builder() {}

    private Builder(FunctionDefinition from) {
      super(from);
    }

    /** Sets the function name. */
    public Builder name(String name) {
      return set("name", name);
    }

    /** Sets the description; null removes it. */
    public Builder description(@Nullable String description) {
      return set("description", description);
    }

    /**
     * Sets the parameters as a JSON Schema, given as maps, lists, strings, numbers and booleans;
     * null removes them (a function without parameters).
     */
    public Builder parameters(@Nullable Map<String, ?> parameters) {
      return set("parameters", parameters);
    }

    /** Enables or disables strict schema adherence; null removes the setting. */
    public Builder strict(@Nullable Boolean strict) {
      return set("strict", strict);
    }

    /**
     * Returns the definition.
     *
     * @throws IllegalStateException if no name was set
     */
    @Override
    public FunctionDefinition build() {
      require("name");
      return new FunctionDefinition(frozenJson());
    }
  }
}
