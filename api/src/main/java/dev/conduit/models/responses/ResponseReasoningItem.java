package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reasoning a reasoning model did before answering: summary parts, reasoning text parts, and an
 * encrypted form to send back in stateless multi-turn conversations.
 */
public final class ResponseReasoningItem extends ResponseOutputItem {
  private ResponseReasoningItem(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseReasoningItem fromJson(Map<String, @Nullable Object> json) {
    return new ResponseReasoningItem(Json.freezeMap(json));
  }

  /** Returns the id of the item. */
  public String id() {
    return string("id");
  }

  /** Returns the summary parts ({@code summary_text}); empty if no summary was asked for. */
  public List<Part> summary() {
    return objectList("summary", Part::fromJson);
  }

  /** Returns the reasoning text parts ({@code reasoning_text}); empty if the provider sends none. */
  public List<Part> content() {
    return objectList("content", Part::fromJson);
  }

  /** Returns the encrypted reasoning, present when {@code reasoning.encrypted_content} was included, or null. */
  public @Nullable String encryptedContent() {
    return stringOrNull("encrypted_content");
  }

  /** Returns the status ({@code in_progress}, {@code completed}, {@code incomplete}), or null. */
  public @Nullable String status() {
    return stringOrNull("status");
  }

  /** A text part of a reasoning item: {@code summary_text} or {@code reasoning_text}. */
  public static final class Part extends JsonModel {
    private Part(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static Part fromJson(Map<String, @Nullable Object> json) {
      return new Part(Json.freezeMap(json));
    }

    /** Returns the type: {@code summary_text} or {@code reasoning_text}; "" if the JSON had none. */
    public String type() {
      return Unions.typeOf(toJson());
    }

    /** Returns the text. */
    public String text() {
      return string("text");
    }
  }
}
