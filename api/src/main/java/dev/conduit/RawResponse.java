package dev.conduit;

import dev.conduit.http.Headers;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parsed result together with the HTTP response it came from: status, headers and the request id.
 * Obtained with {@link OpenAIClient#withRawResponse} (or its async twin).
 *
 * @param <T> the type of the parsed body
 */
public final class RawResponse<T> {
  private final int statusCode;
  private final Headers headers;
  private final T body;

  public RawResponse(int statusCode, Headers headers, T body) {
    this.statusCode = statusCode;
    this.headers = Objects.requireNonNull(headers, "headers == null");
    this.body = body;
  }

  public int statusCode() {
    return statusCode;
  }

  public Headers headers() {
    return headers;
  }

  /** Returns the server's request id ({@code x-request-id}), or null if it sent none. */
  public @Nullable String requestId() {
    return headers.first("x-request-id");
  }

  /** Returns the parsed body (a stream or page for calls that return one). */
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "RawResponse{status=" + statusCode + ", requestId=" + requestId() + ", body=" + body + "}";
  }
}
