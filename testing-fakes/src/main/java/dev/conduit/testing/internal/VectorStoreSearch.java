package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.BOOLEAN;
import static dev.conduit.testing.internal.Params.Type.INTEGER;
import static dev.conduit.testing.internal.Params.Type.NUMBER;
import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;
import static dev.conduit.testing.internal.Params.Type.STRING_OR_ARRAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/vector_stores/{id}/search}: ranks the chunks of the store's completed files with a
 * {@link LexicalIndex} built over all of them, keeps those whose file passes the attribute
 * {@code filters} and whose score reaches {@code ranking_options.score_threshold}, and answers one
 * result per chunk, best first, at most {@code max_num_results}. An array query is searched as one
 * query made of all its strings. {@code rewrite_query} is accepted and not acted on:
 * {@code search_query} echoes the query as sent.
 */
final class VectorStoreSearch {
  private static final Map<String, Params.Type> KNOWN = Map.of("query", STRING_OR_ARRAY, "rewrite_query", BOOLEAN,
      "max_num_results", INTEGER, "filters", OBJECT, "ranking_options", OBJECT);
  private static final Set<String> RANKERS = Set.of("none", "auto", "default-2024-11-15");

  private VectorStoreSearch() {}

  /** Validates a search request and returns the page of results. */
  static Map<String, @Nullable Object> run(VectorStoreState vs, Map<String, @Nullable Object> body) {
    Params.check(body, KNOWN, "query");
    List<String> queries = queries(body);
    int max = (int) Params.integer(body, "", "max_num_results", 1, 50, 10L);
    AttributeFilter filter = AttributeFilter.parse(body.get("filters"), "filters");
    double threshold = threshold(Json.objAt(body, "ranking_options"));

    List<VectorStoreState.File> owners = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (VectorStoreState.File f : vs.files.values()) {
      for (String chunk : f.chunks == null ? List.<String>of() : f.chunks) {
        owners.add(f);
        texts.add(chunk);
      }
    }
    List<@Nullable Object> data = new ArrayList<>();
    for (LexicalIndex.Hit hit : new LexicalIndex(texts).search(String.join("\n", queries))) {
      VectorStoreState.File f = owners.get(hit.chunk());
      if (data.size() == max || hit.score() < threshold) {
        break;
      }
      if (filter == null || filter.matches(f.attributes)) {
        data.add(Json.obj("file_id", f.id, "filename", f.filename, "score", hit.score(), "attributes",
            Json.copy(f.attributes), "content", Json.list(Json.obj("type", "text", "text", texts.get(hit.chunk())))));
      }
    }
    return Json.obj("object", "vector_store.search_results.page", "search_query", new ArrayList<>(queries), "data", data,
        "has_more", false, "next_page", null);
  }

  private static List<String> queries(Map<String, @Nullable Object> body) {
    Object query = body.get("query");
    if (query instanceof String) {
      if (((String) query).isEmpty()) {
        throw ApiError.invalid("Invalid 'query': string too short. Expected a string with minimum length 1, but got an "
            + "empty string instead.", "query", "string_below_min_length");
      }
      return List.of((String) query);
    }
    Params.arrayLength(body, "query", 1, Integer.MAX_VALUE);
    return Params.strings(body, "query");
  }

  private static double threshold(@Nullable Map<String, @Nullable Object> options) {
    if (options == null) {
      return 0;
    }
    Params.checkNested(options, "ranking_options", Map.of("ranker", STRING, "score_threshold", NUMBER));
    Object ranker = options.get("ranker");
    if (ranker != null && !RANKERS.contains(ranker)) {
      throw ApiError.invalidValue("ranking_options.ranker", ranker,
          "Supported values are: 'none', 'auto' and 'default-2024-11-15'.");
    }
    Object threshold = options.get("score_threshold");
    if (!(threshold instanceof Number)) {
      return 0;
    }
    double t = ((Number) threshold).doubleValue();
    Params.decimal("ranking_options.score_threshold", t, 0, 1);
    return t;
  }
}
