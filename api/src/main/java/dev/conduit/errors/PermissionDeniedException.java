package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered 403 Forbidden. */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(statusCode, headers, error, bodySnippet);
  }
}
