package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered 400 Bad Request. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(statusCode, headers, error, bodySnippet);
  }
}
