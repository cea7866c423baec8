package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The final text of an {@code output_text} part ({@code response.output_text.done}).
 */
public final class ResponseTextDoneEvent extends ResponseStreamEvent {
  private ResponseTextDoneEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseTextDoneEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseTextDoneEvent(Json.freezeMap(json));
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

  /** Returns the whole text, final. */
  public String text() {
    return string("text");
  }

  /** Returns the token log probabilities as JSON trees; empty unless they were requested. */
  public List<Map<String, @Nullable Object>> logprobs() {
    return objectList("logprobs", m -> m);
  }
}
