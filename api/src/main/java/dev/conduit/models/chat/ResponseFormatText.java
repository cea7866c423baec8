package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The default response format, {@code {"type": "text"}}: the model answers in plain text. */
public final class ResponseFormatText extends ResponseFormat {
  static final ResponseFormatText INSTANCE =
      new ResponseFormatText(Json.freezeMap(new LinkedHashMap<>(Map.of("type", "text"))));

  ResponseFormatText(Map<String, @Nullable Object> json) {
    super(json);
  }
}
