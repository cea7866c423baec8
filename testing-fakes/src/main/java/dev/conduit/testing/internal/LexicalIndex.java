package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fake's stand-in for embeddings: a deterministic lexical index over chunks of text. Terms are
 * the lowercased word {@link Tokens} (runs of letters, digits and underscores); a chunk and a query
 * are TF-IDF vectors (weight {@code (1 + ln tf) * ln(1 + N / df)}), and the score of a chunk is the
 * cosine of the two, which lies in [0, 1]: 0 when they share no term, 1 when they weigh the same
 * terms alike. Not thread-safe; build one per search.
 */
final class LexicalIndex {
  /** A chunk that shares at least one term with the query, by its index in the indexed list. */
  record Hit(int chunk, double score) {}

  private final List<Map<String, Integer>> chunks = new ArrayList<>();
  private final Map<String, Integer> documentFrequency = new HashMap<>();

  LexicalIndex(List<String> texts) {
    for (String text : texts) {
      Map<String, Integer> tf = frequencies(text);
      chunks.add(tf);
      for (String term : tf.keySet()) {
        documentFrequency.merge(term, 1, Integer::sum);
      }
    }
  }

  /** Returns the lowercased word terms of {@code text}, in order. */
  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    for (String token : Tokens.split(text)) {
      String t = token.strip();
      if (!t.isEmpty() && (Character.isLetterOrDigit(t.codePointAt(0)) || t.charAt(0) == '_')) {
        out.add(t.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /**
   * Returns the chunks that share a term with {@code query}, best first; equal scores keep the order
   * in which the chunks were indexed.
   */
  List<Hit> search(String query) {
    Map<String, Double> q = weights(frequencies(query));
    double qNorm = norm(q);
    List<Hit> hits = new ArrayList<>();
    if (qNorm == 0) {
      return hits;
    }
    for (int i = 0; i < chunks.size(); i++) {
      Map<String, Double> d = weights(chunks.get(i));
      double dot = 0;
      for (Map.Entry<String, Double> e : q.entrySet()) {
        Double w = d.get(e.getKey());
        if (w != null) {
          dot += w * e.getValue();
        }
      }
      if (dot > 0) {
        hits.add(new Hit(i, Math.min(1.0, dot / (qNorm * norm(d)))));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(Hit::chunk));
    return hits;
  }

  private static Map<String, Integer> frequencies(String text) {
    Map<String, Integer> tf = new HashMap<>();
    for (String term : terms(text)) {
      tf.merge(term, 1, Integer::sum);
    }
    return tf;
  }

  private Map<String, Double> weights(Map<String, Integer> tf) {
    Map<String, Double> w = new HashMap<>();
    int n = chunks.size();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      int df = Math.max(1, documentFrequency.getOrDefault(e.getKey(), 0));
      w.put(e.getKey(), (1 + Math.log(e.getValue())) * Math.log(1 + (double) n / df));
    }
    return w;
  }

  private static double norm(Map<String, Double> v) {
    double sum = 0;
    for (double x : v.values()) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
