package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A content part of type {@code refusal}, allowed only in assistant messages. */
public final class ChatCompletionContentPartRefusal extends ChatCompletionContentPart {
  ChatCompletionContentPartRefusal(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a refusal part. */
  public static ChatCompletionContentPartRefusal of(String refusal) {
    Objects.requireNonNull(refusal, "refusal == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "refusal");
    json.put("refusal", refusal);
    return new ChatCompletionContentPartRefusal(Json.freezeMap(json));
  }

  /** Returns the refusal message. */
  public String refusal() {
    return string("refusal");
  }
}
