package dev.conduit.testing.internal;

import dev.conduit.http.Headers;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as the fake received it, from either mode.
 *
 * @param path the decoded path, without the query
 * @param rawQuery the query as sent (still percent-encoded), or null
 */
public record IncomingRequest(String method, String path, @Nullable String rawQuery, Headers headers, byte[] body) {
  /** Returns the decoded query parameters. */
  public Map<String, List<String>> query() {
    return Http.parseQuery(rawQuery);
  }

  /** Returns the first value of query parameter {@code name}, or null. */
  public @Nullable String queryParam(String name) {
    List<String> v = query().get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
