package dev.conduit.errors;

import org.jspecify.annotations.Nullable;

/**
 * The server could not be reached, or the connection failed before a complete response arrived
 * (refused, reset, DNS, TLS handshake). The cause holds the transport's exception.
 */
public class ApiConnectionException extends OpenAIException {
  private static final long serialVersionUID = 1L;

  public ApiConnectionException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
