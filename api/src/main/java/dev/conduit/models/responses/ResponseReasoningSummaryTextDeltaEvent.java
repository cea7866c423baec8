package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a reasoning summary ({@code response.reasoning_summary_text.delta}).
 */
public final class ResponseReasoningSummaryTextDeltaEvent extends ResponseStreamEvent {
  private ResponseReasoningSummaryTextDeltaEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseReasoningSummaryTextDeltaEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseReasoningSummaryTextDeltaEvent(Json.freezeMap(json));
  }

  /** Returns the id of the reasoning item. */
  public String itemId() {
    return string("item_id");
  }

  /** Returns the index of the output item in {@link Response#output()}. */
  public long outputIndex() {
    return longValue("output_index");
  }

  /** Returns the index of the summary part in the reasoning item's summary. */
  public long summaryIndex() {
    return longValue("summary_index");
  }

  /** Returns the summary text to append. */
  public String delta() {
    return string("delta");
  }
}
