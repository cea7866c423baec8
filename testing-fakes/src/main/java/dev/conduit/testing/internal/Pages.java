package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Cursor pagination as the real API does it: {@code after}, {@code limit}, {@code order}. */
public final class Pages {
  private Pages() {}

  /**
   * Returns a list object ({@code object}, {@code data}, {@code first_id}, {@code last_id},
   * {@code has_more}) over {@code items}, which are given oldest first.
   */
  public static Map<String, @Nullable Object> page(List<Map<String, @Nullable Object>> items, IncomingRequest req,
      String defaultOrder, int defaultLimit, int maxLimit) {
    return page(items, req, defaultOrder, defaultLimit, maxLimit, m -> Json.strAt(m, "id"));
  }

  /** Like {@link #page(List, IncomingRequest, String, int, int)} with a custom id of each item. */
  public static Map<String, @Nullable Object> page(List<Map<String, @Nullable Object>> items, IncomingRequest req,
      String defaultOrder, int defaultLimit, int maxLimit, Function<Map<String, @Nullable Object>, @Nullable String> id) {
    int limit = Params.queryInt(req, "limit", defaultLimit, 1, maxLimit);
    String order = Params.order(req, defaultOrder);
    List<Map<String, @Nullable Object>> ordered = new ArrayList<>(items);
    if (order.equals("desc")) {
      Collections.reverse(ordered);
    }
    String after = req.queryParam("after");
    int start = 0;
    if (after != null && !after.isEmpty()) {
      start = ordered.size();
      for (int i = 0; i < ordered.size(); i++) {
        if (after.equals(id.apply(ordered.get(i)))) {
          start = i + 1;
          break;
        }
      }
    }
    int end = Math.min(ordered.size(), start + limit);
    List<@Nullable Object> data = new ArrayList<>(ordered.subList(start, end));
    String first = data.isEmpty() ? null : id.apply(ordered.get(start));
    String last = data.isEmpty() ? null : id.apply(ordered.get(end - 1));
    return Json.obj("object", "list", "data", data, "first_id", first, "last_id", last, "has_more", end < ordered.size());
  }
}
