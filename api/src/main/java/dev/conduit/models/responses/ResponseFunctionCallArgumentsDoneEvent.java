package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The final arguments of a function call ({@code response.function_call_arguments.done}).
 */
public final class ResponseFunctionCallArgumentsDoneEvent extends ResponseStreamEvent {
  private ResponseFunctionCallArgumentsDoneEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseFunctionCallArgumentsDoneEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseFunctionCallArgumentsDoneEvent(Json.freezeMap(json));
  }

  /** Returns the id of the function call item. */
  public String itemId() {
    return string("item_id");
  }

  /** Returns the index of the output item in {@link Response#output()}. */
  public long outputIndex() {
    return longValue("output_index");
  }

  /** Returns the whole arguments, a JSON string, final. */
  public String arguments() {
    return string("arguments");
  }

  /** Returns the name of the function, or null if the provider sent none. */
  public @Nullable String name() {
    return stringOrNull("name");
  }
}
