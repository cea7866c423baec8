package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A content part of a message opened ({@code response.content_part.added}) or finished
 * ({@code response.content_part.done}); the part of a done event is complete.
 */
public final class ResponseContentPartEvent extends ResponseStreamEvent {
  private ResponseContentPartEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseContentPartEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseContentPartEvent(Json.freezeMap(json));
  }

  /** Returns true for {@code response.content_part.done}, false for {@code added}. */
  public boolean isDone() {
    return type().equals("response.content_part.done");
  }

  /** Returns the id of the item the part belongs to. */
  public String itemId() {
    return string("item_id");
  }

  /** Returns the index of the item in {@link Response#output()}. */
  public long outputIndex() {
    return longValue("output_index");
  }

  /** Returns the index of the part in the item's content. */
  public long contentIndex() {
    return longValue("content_index");
  }

  /** Returns the part. */
  public ResponseOutputContent part() {
    return object("part", ResponseOutputContent::fromJson);
  }
}
