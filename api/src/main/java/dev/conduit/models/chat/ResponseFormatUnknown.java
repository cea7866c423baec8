package dev.conduit.models.chat;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A response format whose {@code type} this version of Conduit does not know, or lacks. Its JSON is
 * kept whole and sent back unchanged; read it with {@link #toJson()}.
 */
public final class ResponseFormatUnknown extends ResponseFormat {
  ResponseFormatUnknown(Map<String, @Nullable Object> json) {
    super(json);
  }
}
