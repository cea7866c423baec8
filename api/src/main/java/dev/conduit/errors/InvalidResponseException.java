package dev.conduit.errors;

import org.jspecify.annotations.Nullable;

/**
 * The server answered, but its body cannot be used: malformed or truncated JSON, HTML where JSON was
 * expected, a wrong content type, or a field of the wrong JSON type. Carries the status, the request id
 * and a bounded snippet of the body where they are known.
 */
public class InvalidResponseException extends OpenAIException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final @Nullable String requestId;
  private final String bodySnippet;

  public InvalidResponseException(String message, int statusCode, @Nullable String requestId, String bodySnippet, @Nullable Throwable cause) {
    super(message + describe(statusCode, requestId, bodySnippet), cause);
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.bodySnippet = bodySnippet;
  }

  private static String describe(int statusCode, @Nullable String requestId, String bodySnippet) {
    StringBuilder sb = new StringBuilder();
    if (statusCode > 0) {
      sb.append(" (status ").append(statusCode);
      if (requestId != null) {
        sb.append(", request id ").append(requestId);
      }
      sb.append(')');
    }
    if (!bodySnippet.isEmpty()) {
      sb.append("; body starts: ").append(bodySnippet);
    }
    return sb.toString();
  }

  /** Returns the HTTP status, or 0 if the value did not come straight from a response. */
  public int statusCode() {
    return statusCode;
  }

  public @Nullable String requestId() {
    return requestId;
  }

  /** Returns the start of the offending body, empty if unknown. */
  public String bodySnippet() {
    return bodySnippet;
  }
}
