package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a refusal ({@code response.refusal.delta}).
 */
public final class ResponseRefusalDeltaEvent extends ResponseStreamEvent {
  private ResponseRefusalDeltaEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseRefusalDeltaEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseRefusalDeltaEvent(Json.freezeMap(json));
  }

  /** Returns the id of the message. */
  public String itemId() {
    return string("item_id");
  }

  /** Returns the index of the output item in {@link Response#output()}. */
  public long outputIndex() {
    return longValue("output_index");
  }

  /** Returns the index of the content part in the item's content. */
  public long contentIndex() {
    return longValue("content_index");
  }

  /** Returns the refusal text to append. */
  public String delta() {
    return string("delta");
  }
}
