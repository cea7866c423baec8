package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered 429 Too Many Requests. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  public RateLimitException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(statusCode, headers, error, bodySnippet);
  }
}
