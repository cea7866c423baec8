package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-mode response format, {@code {"type": "json_object"}}: the model answers with valid JSON.
 * The prompt must still ask for JSON; prefer {@link ResponseFormatJsonSchema} where supported.
 */
public final class ResponseFormatJsonObject extends ResponseFormat {
  static final ResponseFormatJsonObject INSTANCE =
      new ResponseFormatJsonObject(Json.freezeMap(new LinkedHashMap<>(Map.of("type", "json_object"))));

  ResponseFormatJsonObject(Map<String, @Nullable Object> json) {
    super(json);
  }
}
