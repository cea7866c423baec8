package dev.conduit.errors;

import dev.conduit.http.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error status. Carries the status, the request id the server assigned
 * ({@code x-request-id}), the response headers, the parsed {@linkplain #error() error object} when the
 * body held one, and a bounded snippet of the raw body (for HTML error pages and other surprises).
 *
 * <p>Subclasses name the status: {@link BadRequestException} (400), {@link AuthenticationException}
 * (401), {@link PermissionDeniedException} (403), {@link NotFoundException} (404),
 * {@link ConflictException} (409), {@link UnprocessableEntityException} (422),
 * {@link RateLimitException} (429), {@link InternalServerException} (5xx) and
 * {@link UnexpectedStatusException} (any other).
 */
public class ApiException extends OpenAIException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final transient Headers headers;
  private final @Nullable String requestId;
  private final transient @Nullable ApiError error;
  private final String bodySnippet;

  public ApiException(int statusCode, Headers headers, @Nullable ApiError error, String bodySnippet) {
    super(message(statusCode, headers, error, bodySnippet));
    this.statusCode = statusCode;
    this.headers = headers;
    this.requestId = headers.first("x-request-id");
    this.error = error;
    this.bodySnippet = bodySnippet;
  }

  private static String message(int status, Headers headers, @Nullable ApiError error, String snippet) {
    StringBuilder sb = new StringBuilder().append(status);
    if (error != null && error.message() != null) {
      sb.append(": ").append(error.message());
    } else if (!snippet.isEmpty()) {
      sb.append(": ").append(snippet);
    } else {
      sb.append(": (empty body)");
    }
    if (error != null && error.type() != null) {
      sb.append(" [type=").append(error.type());
      if (error.code() != null) {
        sb.append(", code=").append(error.code());
      }
      if (error.param() != null) {
        sb.append(", param=").append(error.param());
      }
      sb.append(']');
    }
    String requestId = headers.first("x-request-id");
    if (requestId != null) {
      sb.append(" (request id ").append(requestId).append(')');
    }
    return sb.toString();
  }

  /** Returns the HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the response headers. */
  public Headers headers() {
    return headers;
  }

  /** Returns the server's request id ({@code x-request-id}), or null if it sent none. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Returns the parsed error object, or null if the body held none (HTML page, empty body...). */
  public @Nullable ApiError error() {
    return error;
  }

  /** Returns the start of the raw body (at most a few KiB), empty if there was none. */
  public String bodySnippet() {
    return bodySnippet;
  }
}
