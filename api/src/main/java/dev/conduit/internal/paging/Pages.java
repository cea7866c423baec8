package dev.conduit.internal.paging;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.core.Page;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.ClientCore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Fetches pages of list endpoints that use the {@code after} cursor style:
 * {@code {"data": [...], "has_more": true, "last_id": "..."}}, where the cursor is {@code last_id} or,
 * when a server leaves it out, the {@code id} of the last item.
 */
public final class Pages {
  private Pages() {}

  /** Fetches a page (blocking) of {@code request}, whose items are built by {@code item}. */
  public static <T> Page<T> fetch(ClientCore core, ApiRequest request, RequestOptions options,
      Function<Map<String, @Nullable Object>, T> item, @Nullable String previousCursor) {
    return core.json(request, options, tree -> {
      Parsed<T> p = parse(tree, item);
      return new CursorPage<>(p.items, p.hasMore, p.cursor, previousCursor,
          cursor -> fetch(core, request.query("after", cursor), options, item, cursor));
    });
  }

  /** Fetches a page without blocking; see {@link #fetch}. */
  public static <T> CompletableFuture<AsyncPage<T>> fetchAsync(ClientCore core, ApiRequest request, RequestOptions options,
      Function<Map<String, @Nullable Object>, T> item, @Nullable String previousCursor) {
    return core.jsonAsync(request, options, tree -> {
      Parsed<T> p = parse(tree, item);
      return new AsyncCursorPage<>(p.items, p.hasMore, p.cursor, previousCursor,
          cursor -> fetchAsync(core, request.query("after", cursor), options, item, cursor));
    });
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

  private static <T> Parsed<T> parse(@Nullable Object tree, Function<Map<String, @Nullable Object>, T> item) {
    Map<String, @Nullable Object> page = Json.asObject(tree, "page");
    Object rawData = page.get("data");
    List<@Nullable Object> data = rawData == null ? List.of() : Json.asArray(rawData, "page.data");
    List<T> items = new ArrayList<>(data.size());
    String lastId = null;
    for (int i = 0; i < data.size(); i++) {
      Map<String, @Nullable Object> obj = Json.asObject(data.get(i), "page.data[" + i + "]");
      items.add(item.apply(obj));
      Object id = obj.get("id");
      lastId = id instanceof String ? (String) id : null;
    }
    boolean hasMore = Boolean.TRUE.equals(page.get("has_more"));
    Object last = page.get("last_id");
    String cursor = last instanceof String ? (String) last : lastId;
    return new Parsed<>(items, hasMore, cursor);
  }
}
