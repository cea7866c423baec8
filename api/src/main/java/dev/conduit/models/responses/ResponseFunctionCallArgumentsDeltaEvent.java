package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A piece of the arguments of a function call ({@code response.function_call_arguments.delta}).
 */
public final class ResponseFunctionCallArgumentsDeltaEvent extends ResponseStreamEvent {
  private ResponseFunctionCallArgumentsDeltaEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseFunctionCallArgumentsDeltaEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseFunctionCallArgumentsDeltaEvent(Json.freezeMap(json));
  }

  /** Returns the id of the function call item. */
  public String itemId() {
    return string("item_id");
  }

  /** Returns the index of the output item in {@link Response#output()}. */
  public long outputIndex() {
    return longValue("output_index");
  }

  /** Returns the piece of the JSON arguments to append. */
  public String delta() {
    return string("delta");
  }
}
