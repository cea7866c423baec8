package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A call of the built-in {@link FileSearchTool}, with its queries and, if included, its results. */
public final class ResponseFileSearchCall extends ResponseOutputItem {
  private ResponseFileSearchCall(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseFileSearchCall fromJson(Map<String, @Nullable Object> json) {
    return new ResponseFileSearchCall(Json.freezeMap(json));
  }

  /** Returns the id of the call. */
  public String id() {
    return string("id");
  }

  /** Returns the status ({@code in_progress}, {@code searching}, {@code completed}, {@code incomplete}, {@code failed}), or null. */
  public @Nullable String status() {
    return stringOrNull("status");
  }

  /** Returns the queries the model searched for. */
  public List<String> queries() {
    return stringList("queries");
  }

  /**
   * Returns the results as JSON trees ({@code file_id}, {@code filename}, {@code text}, {@code score});
   * empty unless {@code file_search_call.results} was included.
   */
  public List<Map<String, @Nullable Object>> results() {
    return objectList("results", m -> m);
  }
}
