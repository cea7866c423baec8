package dev.conduit.models.chat;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message whose {@code role} this version of Conduit does not know (including the deprecated
 * {@code function} role), or lacks. Its JSON is kept whole and sent back unchanged; read it with
 * {@link #toJson()} or {@link #jsonField(String)}.
 */
public final class ChatCompletionUnknownMessageParam extends ChatCompletionMessageParam {
  ChatCompletionUnknownMessageParam(Map<String, @Nullable Object> json) {
    super(json);
  }
}
