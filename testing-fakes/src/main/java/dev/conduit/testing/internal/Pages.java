package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Cursor pagination as the real API does it: {@code after} (or {@code before}), {@code limit}, {@code order}. */
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
    return page(items, req, defaultOrder, defaultLimit, maxLimit, id, false);
  }

  /**
   * Like {@link #page(List, IncomingRequest, String, int, int)}, and also honours {@code before} as
   * the lists of vector stores and their files do: the {@code limit} items that come just before that
   * id in the requested order, with {@code has_more} telling whether more precede them.
   */
  public static Map<String, @Nullable Object> pageBothWays(List<Map<String, @Nullable Object>> items, IncomingRequest req,
      String defaultOrder, int defaultLimit, int maxLimit) {
    return page(items, req, defaultOrder, defaultLimit, maxLimit, m -> Json.strAt(m, "id"), true);
  }

  private static Map<String, @Nullable Object> page(List<Map<String, @Nullable Object>> items, IncomingRequest req,
      String defaultOrder, int defaultLimit, int maxLimit, Function<Map<String, @Nullable Object>, @Nullable String> id,
      boolean before) {
    int limit = Params.queryInt(req, "limit", defaultLimit, 1, maxLimit);
    String order = Params.order(req, defaultOrder);
    List<Map<String, @Nullable Object>> ordered = new ArrayList<>(items);
    if (order.equals("desc")) {
      Collections.reverse(ordered);
    }
    String after = req.queryParam("after");
    String until = before ? req.queryParam("before") : null;
    int start = 0;
    int end;
    boolean more;
    if (after != null && !after.isEmpty()) {
      start = indexOf(ordered, after, id) + 1;
      if (start == 0) {
        start = ordered.size();
      }
      end = Math.min(ordered.size(), start + limit);
      more = end < ordered.size();
    } else if (until != null && !until.isEmpty()) {
      end = indexOf(ordered, until, id);
      if (end < 0) {
        end = 0;
      }
      start = Math.max(0, end - limit);
      more = start > 0;
    } else {
      end = Math.min(ordered.size(), limit);
      more = end < ordered.size();
    }
    List<@Nullable Object> data = new ArrayList<>(ordered.subList(start, end));
    String first = data.isEmpty() ? null : id.apply(ordered.get(start));
    String last = data.isEmpty() ? null : id.apply(ordered.get(end - 1));
    return Json.obj("object", "list", "data", data, "first_id", first, "last_id", last, "has_more", more);
  }

  private static int indexOf(List<Map<String, @Nullable Object>> ordered, String wanted,
      Function<Map<String, @Nullable Object>, @Nullable String> id) {
    for (int i = 0; i < ordered.size(); i++) {
      if (wanted.equals(id.apply(ordered.get(i)))) {
        return i;
      }
    }
    return -1;
  }
}
