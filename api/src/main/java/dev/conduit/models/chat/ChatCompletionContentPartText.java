package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A content part of type {@code text}. */
public final class ChatCompletionContentPartText extends ChatCompletionContentPart {
  ChatCompletionContentPartText(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a text part. */
  public static ChatCompletionContentPartText of(String text) {
    Objects.requireNonNull(text, "text == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "text");
    json.put("text", text);
    return new ChatCompletionContentPartText(Json.freezeMap(json));
  }

  /** Returns the text. */
  public String text() {
    return string("text");
  }
}
