package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The format the model must answer in, discriminated by {@code type}: {@link ResponseFormatText
 * text} (the default), {@link ResponseFormatJsonObject json_object} (any valid JSON), or {@link
 * ResponseFormatJsonSchema json_schema} (Structured Outputs: JSON matching a schema). A type this
 * version does not know decodes to {@link ResponseFormatUnknown}.
 */
public abstract sealed class ResponseFormat extends JsonModel
    permits ResponseFormatText, ResponseFormatJsonObject, ResponseFormatJsonSchema, ResponseFormatUnknown {

  ResponseFormat(Map<String, @Nullable Object> json) {
    super(json);
  }

  /**
   * Returns the variant of {@code json} chosen by its {@code type}; an absent or unknown type gives
   * {@link ResponseFormatUnknown}. The tree is frozen, not copied.
   */
  public static ResponseFormat fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    Object type = frozen.get("type");
    if (!(type instanceof String)) {
      return new ResponseFormatUnknown(frozen);
    }
    switch ((String) type) {
      case "text":
        return new ResponseFormatText(frozen);
      case "json_object":
        return new ResponseFormatJsonObject(frozen);
      case "json_schema":
        return new ResponseFormatJsonSchema(frozen);
      default:
        return new ResponseFormatUnknown(frozen);
    }
  }

  /** Returns the plain-text format. */
  public static ResponseFormatText text() {
    return ResponseFormatText.INSTANCE;
  }

  /** Returns the JSON-mode format: the model answers with some valid JSON object. */
  public static ResponseFormatJsonObject jsonObject() {
    return ResponseFormatJsonObject.INSTANCE;
  }

  /** Returns a strict Structured Outputs format named {@code name} with the given JSON Schema. */
  public static ResponseFormatJsonSchema jsonSchema(String name, Map<String, ?> schema) {
    return ResponseFormatJsonSchema.builder().name(name).schema(schema).strict(true).build();
  }

  /** Returns the format type, e.g. {@code "json_schema"}, or null if absent. */
  public @Nullable String type() {
    return stringOrNull("type");
  }
}
