package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An output item opened ({@code response.output_item.added}) or finished
 * ({@code response.output_item.done}); the item of a done event is complete and authoritative.
 */
public final class ResponseOutputItemEvent extends ResponseStreamEvent {
  private ResponseOutputItemEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseOutputItemEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseOutputItemEvent(Json.freezeMap(json));
  }

  /** Returns true for {@code response.output_item.done}, false for {@code added}. */
  public boolean isDone() {
    return type().equals("response.output_item.done");
  }

  /** Returns the index of the item in {@link Response#output()}. */
  public long outputIndex() {
    return longValue("output_index");
  }

  /** Returns the item. */
  public ResponseOutputItem item() {
    return object("item", ResponseOutputItem::fromJson);
  }
}
