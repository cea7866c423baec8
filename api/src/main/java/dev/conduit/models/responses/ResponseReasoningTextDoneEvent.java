package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The final reasoning text of a content part ({@code response.reasoning_text.done}, or
 * {@code response.reasoning.done} from Open Responses servers).
 */
public final class ResponseReasoningTextDoneEvent extends ResponseStreamEvent {
  private ResponseReasoningTextDoneEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseReasoningTextDoneEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseReasoningTextDoneEvent(Json.freezeMap(json));
  }

  /** Returns the id of the reasoning item. */
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

  /** Returns the whole reasoning text, final. */
  public String text() {
    return string("text");
  }
}
