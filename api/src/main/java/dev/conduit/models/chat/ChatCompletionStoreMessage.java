package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message of a stored chat completion, as listed by {@code GET /chat/completions/{id}/messages}:
 * a request message or the generated reply, with its own id.
 */
public final class ChatCompletionStoreMessage extends JsonModel {
  private ChatCompletionStoreMessage(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletionStoreMessage fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletionStoreMessage(Json.freezeMap(json));
  }

  /** Returns the id of the message. */
  public String id() {
    return string("id");
  }

  /** Returns the role of the author, e.g. {@code "user"} or {@code "assistant"}. */
  public String role() {
    return string("role");
  }

  /** Returns the text content, or null if there is none. */
  public @Nullable String content() {
    return stringOrNull("content");
  }

  /** Returns the refusal message, or null if none. */
  public @Nullable String refusal() {
    return stringOrNull("refusal");
  }

  /** Returns the participant name, or null if none. */
  public @Nullable String name() {
    return stringOrNull("name");
  }

  /** Returns the tool calls of an assistant message; empty if none. */
  public List<ChatCompletionMessageToolCall> toolCalls() {
    return objectList("tool_calls", ChatCompletionMessageToolCall::fromJson);
  }

  /** Returns the annotations as JSON object trees; empty if none. */
  public List<Map<String, @Nullable Object>> annotations() {
    return objectList("annotations", m -> m);
  }

  /**
   * Returns the content parts (text and image parts) if the message was sent as a list of parts;
   * empty otherwise.
   */
  public List<ChatCompletionContentPart> contentParts() {
    return objectList("content_parts", ChatCompletionContentPart::fromJson);
  }
}
