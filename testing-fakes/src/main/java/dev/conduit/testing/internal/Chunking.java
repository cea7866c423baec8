package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a vector store file is cut into chunks: windows of {@code maxTokens} {@link Tokens} that overlap
 * by {@code overlapTokens}. The {@code auto} strategy is the static one the real API reports for it,
 * 800 tokens overlapping by 400.
 */
record Chunking(int maxTokens, int overlapTokens) {
  static final Chunking AUTO = new Chunking(800, 400);

  /**
   * Reads a {@code chunking_strategy} parameter found at {@code param}, or returns {@code fallback}
   * when it is absent.
   */
  static Chunking parse(@Nullable Object raw, String param, Chunking fallback) {
    if (raw == null) {
      return fallback;
    }
    Map<String, @Nullable Object> strategy = Params.object(raw, param);
    Object type = strategy.get("type");
    if (type == null) {
      throw ApiError.missing(param + ".type");
    }
    if ("auto".equals(type)) {
      Params.checkNested(strategy, param, Map.of("type", Params.Type.STRING));
      return AUTO;
    }
    if (!"static".equals(type)) {
      throw ApiError.invalidValue(param + ".type", type, "Supported values are: 'auto' and 'static'.");
    }
    Params.checkNested(strategy, param, Map.of("type", Params.Type.STRING, "static", Params.Type.OBJECT), "static");
    Map<String, @Nullable Object> fixed = Json.objAt(strategy, "static");
    String at = param + ".static";
    Params.checkNested(fixed, at, Map.of("max_chunk_size_tokens", Params.Type.INTEGER, "chunk_overlap_tokens",
        Params.Type.INTEGER), "max_chunk_size_tokens", "chunk_overlap_tokens");
    int max = (int) Params.integer(fixed, at, "max_chunk_size_tokens", 100, 4096, null);
    int overlap = (int) Params.integer(fixed, at, "chunk_overlap_tokens", 0, Integer.MAX_VALUE, null);
    if (overlap > max / 2) {
      throw ApiError.invalid("Invalid '" + at + ".chunk_overlap_tokens': must not exceed half of max_chunk_size_tokens ("
          + max / 2 + "), but got " + overlap + " instead.", at + ".chunk_overlap_tokens", "invalid_value");
    }
    return new Chunking(max, overlap);
  }

  /** Returns the strategy as vector store files show it. */
  Map<String, @Nullable Object> tree() {
    return Json.obj("type", "static", "static", Json.obj("max_chunk_size_tokens", (long) maxTokens,
        "chunk_overlap_tokens", (long) overlapTokens));
  }

  /** Cuts {@code text} into chunks, trimmed of surrounding whitespace; none for a blank text. */
  List<String> chunks(String text) {
    List<String> tokens = Tokens.split(text);
    List<String> out = new ArrayList<>();
    int step = maxTokens - overlapTokens;
    for (int start = 0; start < tokens.size(); start += step) {
      int end = Math.min(tokens.size(), start + maxTokens);
      String chunk = String.join("", tokens.subList(start, end)).strip();
      if (!chunk.isEmpty()) {
        out.add(chunk);
      }
      if (end == tokens.size()) {
        break;
      }
    }
    return out;
  }
}
