package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A piece of the text of an {@code output_text} part ({@code response.output_text.delta}).
 * Its {@link #delta()} is what a chat UI prints as text arrives.
 */
public final class ResponseTextDeltaEvent extends ResponseStreamEvent {
  private ResponseTextDeltaEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseTextDeltaEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseTextDeltaEvent(Json.freezeMap(json));
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

  /** Returns the text to append. */
  public String delta() {
    return string("delta");
  }

  /** Returns the token log probabilities as JSON trees; empty unless they were requested. */
  public List<Map<String, @Nullable Object>> logprobs() {
    return objectList("logprobs", m -> m);
  }
}
