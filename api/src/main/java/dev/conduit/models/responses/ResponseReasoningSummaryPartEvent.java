package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A summary part of a reasoning item opened ({@code response.reasoning_summary_part.added}) or
 * finished ({@code response.reasoning_summary_part.done}).
 */
public final class ResponseReasoningSummaryPartEvent extends ResponseStreamEvent {
  private ResponseReasoningSummaryPartEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseReasoningSummaryPartEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseReasoningSummaryPartEvent(Json.freezeMap(json));
  }

  /** Returns true for {@code response.reasoning_summary_part.done}, false for {@code added}. */
  public boolean isDone() {
    return type().equals("response.reasoning_summary_part.done");
  }

  /** Returns the id of the reasoning item. */
  public String itemId() {
    return string("item_id");
  }

  /** Returns the index of the item in {@link Response#output()}. */
  public long outputIndex() {
    return longValue("output_index");
  }

  /** Returns the index of the part in the item's summary. */
  public long summaryIndex() {
    return longValue("summary_index");
  }

  /** Returns the part. */
  public ResponseReasoningItem.Part part() {
    return object("part", ResponseReasoningItem.Part::fromJson);
  }

  /**
   * Returns {@code "incomplete"} when generating the part was interrupted; null when it completed
   * normally, and on {@code added} events.
   */
  public @Nullable String status() {
    return stringOrNull("status");
  }
}
