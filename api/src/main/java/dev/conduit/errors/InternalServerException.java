package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered a 5xx server error. */
public class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InternalServerException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(statusCode, headers, error, bodySnippet);
  }
}
