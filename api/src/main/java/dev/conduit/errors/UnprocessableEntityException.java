package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered 422 Unprocessable Entity. */
public class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(statusCode, headers, error, bodySnippet);
  }
}
