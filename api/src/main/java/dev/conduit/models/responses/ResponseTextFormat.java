package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The format the model must answer in: plain {@linkplain #text() text}, a {@linkplain JsonSchema JSON
 * schema} (structured outputs) or any {@linkplain #jsonObject() JSON object}. A format this version
 * does not know decodes to {@link Unknown}.
 */
public abstract sealed class ResponseTextFormat extends JsonModel
    permits ResponseTextFormat.Text, ResponseTextFormat.JsonSchema, ResponseTextFormat.JsonObject, ResponseTextFormat.Unknown {

  ResponseTextFormat(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns the variant for {@code json} by its {@code type}; never fails, an unknown type gives {@link Unknown}. */
  public static ResponseTextFormat fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    switch (Unions.typeOf(frozen)) {
      case "text":
        return new Text(frozen);
      case "json_schema":
        return new JsonSchema(frozen);
      case "json_object":
        return new JsonObject(frozen);
      default:
        return new Unknown(frozen);
    }
  }

  /** Returns the plain-text format, the default. */
  public static Text text() {
    return new Text(Json.freezeMap(new LinkedHashMap<>(Map.of("type", "text"))));
  }

  /** Returns the JSON-object format (JSON mode); prefer {@link JsonSchema} where the model supports it. */
  public static JsonObject jsonObject() {
    return new JsonObject(Json.freezeMap(new LinkedHashMap<>(Map.of("type", "json_object"))));
  }

  /** Returns the {@code type} discriminator, e.g. {@code "json_schema"}; "" if the JSON had none. */
  public String type() {
    return Unions.typeOf(toJson());
  }

  /** Plain text output. */
  public static final class Text extends ResponseTextFormat {
    private Text(Map<String, @Nullable Object> json) {
      super(json);
    }
  }

  /** Any valid JSON object as output. */
  public static final class JsonObject extends ResponseTextFormat {
    private JsonObject(Map<String, @Nullable Object> json) {
      super(json);
    }
  }

  /** Output that matches a JSON schema (structured outputs). */
  public static final class JsonSchema extends ResponseTextFormat {
    private JsonSchema(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a new builder; {@code name} and {@code schema} are required. */
    public static Builder builder() {
      return new Builder();
    }

    /** Returns a builder holding a copy of this format. */
    public Builder toBuilder() {
      return new Builder(this);
    }

    /** Returns the name of the format. */
    public String name() {
      return string("name");
    }

    /** Returns the JSON schema the output must match, as a JSON tree. */
    public Map<String, @Nullable Object> schema() {
      return object("schema", m -> m);
    }

    /** Returns whether strict schema adherence is on, or null if unset. */
    public @Nullable Boolean strict() {
      return booleanOrNull("strict");
    }

    /** Returns what the format is for, or null. */
    public @Nullable String description() {
      return stringOrNull("description");
    }

    /** A builder of {@link JsonSchema}. */
    public static final class Builder extends JsonModel.Builder<Builder, JsonSchema> {
      private Builder() {
        set("type", "json_schema");
      }

      private Builder(JsonSchema from) {
        super(from);
      }

      /** Sets the name: a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. */
      public Builder name(String name) {
        return set("name", name);
      }

      /** Sets the JSON schema, given as maps, lists and scalars. */
      public Builder schema(Map<String, ?> schema) {
        return set("schema", schema);
      }

      /** Sets whether the model must follow the schema exactly. */
      public Builder strict(@Nullable Boolean strict) {
        return set("strict", strict);
      }

      /** Sets what the format is for. */
      public Builder description(@Nullable String description) {
        return set("description", description);
      }

      /**
       * Returns the format.
       *
       * @throws IllegalStateException if {@code name} or {@code schema} was not set
       */
      @Override
      public JsonSchema build() {
        require("name");
        require("schema");
        return new JsonSchema(frozenJson());
      }
    }
  }

  /** A format this version of Conduit does not know; its JSON is kept whole. */
  public static final class Unknown extends ResponseTextFormat {
    private Unknown(Map<String, @Nullable Object> json) {
      super(json);
    }
  }
}
