package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered 404 Not Found. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(statusCode, headers, error, bodySnippet);
  }
}
