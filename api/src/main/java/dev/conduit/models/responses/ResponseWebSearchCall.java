package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A call of the built-in {@link WebSearchTool} and what it did. */
public final class ResponseWebSearchCall extends ResponseOutputItem {
  private ResponseWebSearchCall(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseWebSearchCall fromJson(Map<String, @Nullable Object> json) {
    return new ResponseWebSearchCall(Json.freezeMap(json));
  }

  /** Returns the id of the call. */
  public String id() {
    return string("id");
  }

  /** Returns the status ({@code in_progress}, {@code searching}, {@code completed}, {@code failed}), or null. */
  public @Nullable String status() {
    return stringOrNull("status");
  }

  /** Returns the action taken ({@code search}, {@code open_page}, {@code find_in_page}) as a JSON tree; empty if absent. */
  public Map<String, @Nullable Object> action() {
    return mapOrEmpty("action");
  }
}
