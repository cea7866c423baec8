package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered an error status that has no more specific exception. */
public class UnexpectedStatusException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnexpectedStatusException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(statusCode, headers, error, bodySnippet);
  }
}
