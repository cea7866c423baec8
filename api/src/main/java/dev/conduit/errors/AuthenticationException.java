package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered 401 Unauthorized: a missing or invalid API key. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(statusCode, headers, error, bodySnippet);
  }
}
