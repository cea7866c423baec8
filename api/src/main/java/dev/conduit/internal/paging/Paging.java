package dev.conduit.internal.paging;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.core.Page;
import dev.conduit.internal.calls.Calls;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.ClientCore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pages of the list endpoints of generated services, in every cursor style of the API. Each page's
 * answer is {@code {"data": [...], "has_more": ..., ...}}; what differs is where the cursor of the
 * next page comes from and which query parameter carries it:
 *
 * <ul>
 *   <li>{@link Style#LAST_ID}: {@code after} = {@code last_id} (or the last item's {@code id});
 *   <li>{@link Style#LAST_ID_OR_FIRST_ID}: the same, or, when the first request set {@code before}
 *       and not {@code after}, backwards: {@code before} = {@code first_id} (or the first item's id);
 *   <li>{@link Style#ITEM_ID}: {@code after} = the last item's {@code id} (no {@code last_id});
 *   <li>{@link Style#NEXT}: {@code after} = {@code next};
 *   <li>{@link Style#NEXT_PAGE}: {@code page} = {@code next_page}.
 * </ul>
 *
 * The sixth style, a list answered in one page without a cursor ({@code GET /models}), needs no
 * pager. A page is the last when {@code has_more} is not true, it has no cursor or no items, or its
 * cursor repeats the previous one (so a misbehaving server cannot loop the pager).
 */
public final class Paging {
  private Paging() {}

  /** Where the next page's cursor comes from. */
  public enum Style { LAST_ID, LAST_ID_OR_FIRST_ID, ITEM_ID, NEXT, NEXT_PAGE }

  /** The resolved direction of one listing: the query parameter and how to read the cursor. */
  private enum Cursor {
    AFTER_LAST_ID("after"),
    BEFORE_FIRST_ID("before"),
    AFTER_ITEM_ID("after"),
    AFTER_NEXT("after"),
    PAGE_NEXT_PAGE("page");

    final String param;

    Cursor(String param) {
      this.param = param;
    }
  }

  private static Cursor resolve(Style style, Map<String, @Nullable Object> params) {
    switch (style) {
      case LAST_ID:
        return Cursor.AFTER_LAST_ID;
      case LAST_ID_OR_FIRST_ID:
        return params.get("before") != null && params.get("after") == null ? Cursor.BEFORE_FIRST_ID : Cursor.AFTER_LAST_ID;
      case ITEM_ID:
        return Cursor.AFTER_ITEM_ID;
      case NEXT:
        return Cursor.AFTER_NEXT;
      case NEXT_PAGE:
        return Cursor.PAGE_NEXT_PAGE;
      default:
        throw new IllegalArgumentException("style: " + style);
    }
  }

  /**
   * Fetches the first page (blocking) of {@code request} with the query (and header) parameters of
   * {@code params}, whose items {@code item} builds.
   */
  public static <T> Page<T> page(ClientCore core, ApiRequest request, Map<String, @Nullable Object> params,
      RequestOptions options, Function<Map<String, @Nullable Object>, T> item, Style style, String... headers) {
    return fetch(core, request, params, options, item, resolve(style, params), headers, null);
  }

  /** Fetches the first page without blocking; see {@link #page}. */
  public static <T> CompletableFuture<AsyncPage<T>> pageAsync(ClientCore core, ApiRequest request,
      Map<String, @Nullable Object> params, RequestOptions options, Function<Map<String, @Nullable Object>, T> item,
      Style style, String... headers) {
    return fetchAsync(core, request, params, options, item, resolve(style, params), headers, null);
  }

  private static <T> Page<T> fetch(ClientCore core, ApiRequest base, Map<String, @Nullable Object> params,
      RequestOptions options, Function<Map<String, @Nullable Object>, T> item, Cursor cursor, String[] headers,
      @Nullable String previous) {
    return core.json(Calls.query(base, params, headers), options, tree -> {
      Parsed<T> p = parse(tree, item, cursor);
      return new CursorPage<>(p.items, p.hasMore, p.cursor, previous,
          next -> fetch(core, base, with(params, cursor.param, next), options, item, cursor, headers, next));
    });
  }

  private static <T> CompletableFuture<AsyncPage<T>> fetchAsync(ClientCore core, ApiRequest base,
      Map<String, @Nullable Object> params, RequestOptions options, Function<Map<String, @Nullable Object>, T> item,
      Cursor cursor, String[] headers, @Nullable String previous) {
    return core.jsonAsync(Calls.query(base, params, headers), options, tree -> {
      Parsed<T> p = parse(tree, item, cursor);
      return new AsyncCursorPage<>(p.items, p.hasMore, p.cursor, previous,
          next -> fetchAsync(core, base, with(params, cursor.param, next), options, item, cursor, headers, next));
    });
  }

  private static Map<String, @Nullable Object> with(Map<String, @Nullable Object> params, String name, String value) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(params);
    copy.put(name, value);
    return copy;
  }

  private static final class Parsed<T> {
    final List<T> items;
    final boolean hasMore;
    final @Nullable String cursor;

    Parsed(List<T> items, boolean hasMore, @Nullable String cursor) {
      this.items = items;
      this.hasMore = hasMore;
      this.cursor = cursor;
    }
  }

  private static <T> Parsed<T> parse(@Nullable Object tree, Function<Map<String, @Nullable Object>, T> item, Cursor cursor) {
    Map<String, @Nullable Object> page = Json.asObject(tree, "page");
    Object rawData = page.get("data");
    List<@Nullable Object> data = rawData == null ? List.of() : Json.asArray(rawData, "page.data");
    List<T> items = new ArrayList<>(data.size());
    String firstId = null;
    String lastId = null;
    for (int i = 0; i < data.size(); i++) {
      Map<String, @Nullable Object> obj = Json.asObject(data.get(i), "page.data[" + i + "]");
      items.add(item.apply(obj));
      Object id = obj.get("id");
      lastId = id instanceof String ? (String) id : null;
      if (i == 0) {
        firstId = lastId;
      }
    }
    boolean hasMore = Boolean.TRUE.equals(page.get("has_more"));
    String next;
    switch (cursor) {
      case AFTER_LAST_ID:
        next = stringOr(page.get("last_id"), lastId);
        break;
      case BEFORE_FIRST_ID:
        next = stringOr(page.get("first_id"), firstId);
        break;
      case AFTER_ITEM_ID:
        next = lastId;
        break;
      case AFTER_NEXT:
        next = stringOr(page.get("next"), null);
        break;
      case PAGE_NEXT_PAGE:
        next = stringOr(page.get("next_page"), null);
        break;
      default:
        throw new IllegalStateException();
    }
    return new Parsed<>(items, hasMore, next);
  }

  private static @Nullable String stringOr(@Nullable Object value, @Nullable String fallback) {
    return value instanceof String ? (String) value : fallback;
  }
}
