package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The answer to deleting a stored chat completion. */
public final class ChatCompletionDeleted extends JsonModel {
  private ChatCompletionDeleted(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletionDeleted fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletionDeleted(Json.freezeMap(json));
  }

  /** Returns the id of the deleted chat completion. */
  public String id() {
    return string("id");
  }

  /** Returns the object type, {@code "chat.completion.deleted"}. */
  public String object() {
    return string("object");
  }

  /** Returns whether the chat completion was deleted. */
  public boolean deleted() {
    return booleanValue("deleted");
  }
}
