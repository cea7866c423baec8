package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Structured Outputs response format: the model answers with JSON that matches a JSON Schema,
 * {@code {"type": "json_schema", "json_schema": {"name", "schema", "strict", "description"}}}.
 */
public final class ResponseFormatJsonSchema extends ResponseFormat {
  ResponseFormatJsonSchema(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this format. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the schema configuration. */
  public JsonSchema jsonSchema() {
    return object("json_schema", JsonSchema::fromJson);
  }

  /** The configuration of a {@link ResponseFormatJsonSchema}. */
  public static final class JsonSchema extends JsonModel {
    private JsonSchema(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static JsonSchema fromJson(Map<String, @Nullable Object> json) {
      return new JsonSchema(Json.freezeMap(json));
    }

    /** Returns the name of the format: a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. */
    public String name() {
      return string("name");
    }

    /** Returns what the format is for, or null if not set. */
    public @Nullable String description() {
      return stringOrNull("description");
    }

    /** Returns the JSON Schema as an object tree; empty if not set. */
    public Map<String, @Nullable Object> schema() {
      return mapOrEmpty("schema");
    }

    /** Returns whether strict schema adherence is enabled, or null if not set. */
    public @Nullable Boolean strict() {
      return booleanOrNull("strict");
    }
  }

  /**
   * A builder of {@link ResponseFormatJsonSchema}; its setters edit the nested {@code json_schema}
   * object. {@link #build()} requires a name.
   */
  public static final class Builder extends JsonModel.Builder<Builder, ResponseFormatJsonSchema> {
    private final Map<String, @Nullable Object> jsonSchema = new LinkedHashMap<>();

    private Builder() {
      set("type", "json_schema");
    }

    private Builder(ResponseFormatJsonSchema from) {
      super(from);
      Object existing = from.jsonField("json_schema");
      if (existing instanceof Map) {
        Json.asObject(existing, "json_schema").forEach(jsonSchema::put);
      }
    }

    private Builder put(String name, @Nullable Object value) {
      if (value == null) {
        jsonSchema.remove(name);
      } else {
        jsonSchema.put(name, Json.toTree(value));
      }
      return set("json_schema", jsonSchema);
    }

    /** Sets the name of the format. */
    public Builder name(String name) {
      return put("name", Objects.requireNonNull(name, "name == null"));
    }

    /** Sets what the format is for; null removes it. */
    public Builder description(@Nullable String description) {
      return put("description", description);
    }

    /** Sets the JSON Schema, given as maps, lists, strings, numbers and booleans; null removes it. */
    public Builder schema(@Nullable Map<String, ?> schema) {
      return put("schema", schema);
    }

    /** Enables or disables strict schema adherence; null removes the setting. */
    public Builder strict(@Nullable Boolean strict) {
      return put("strict", strict);
    }

    /**
     * Returns the format.
     *
     * @throws IllegalStateException if no name was set
     */
    @Override
    public ResponseFormatJsonSchema build() {
      if (!(jsonSchema.get("name") instanceof String)) {
        throw new IllegalStateException("json_schema.name is required but was not set");
      }
      return new ResponseFormatJsonSchema(frozenJson());
    }
  }
}
