package dev.conduit.models.chat;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A content part whose {@code type} this version of Conduit does not know, or lacks. Its JSON is
 * kept whole: read it with {@link #toJson()} or {@link #jsonField(String)}; it is sent back unchanged.
 */
public final class ChatCompletionContentPartUnknown extends ChatCompletionContentPart {
  ChatCompletionContentPartUnknown(Map<String, @Nullable Object> json) {
    super(json);
  }
}
