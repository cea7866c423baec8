package dev.conduit.errors;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Conduit throws for a failed call. Unchecked, like the rest of the SDK's
 * failures; catch a subclass to handle one kind of failure:
 *
 * <ul>
 *   <li>{@link ApiException} and its subclasses: the server answered with an error status;
 *   <li>{@link ApiConnectionException}: the server could not be reached or the connection broke;
 *   <li>{@link ApiTimeoutException}: one of the timeouts fired, named by {@link ApiTimeoutException#kind()};
 *   <li>{@link StreamException}: a stream carried an error event, or was truncated or malformed;
 *   <li>{@link InvalidResponseException}: a success status with a body that cannot be decoded;
 *   <li>{@link ConfigurationException}: the client cannot be built as configured;
 *   <li>{@link WebhookVerificationException}: a webhook failed signature verification.
 * </ul>
 *
 * <p>No message of any of these ever contains the API key.
 */
public class OpenAIException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OpenAIException(String message) {
    super(message);
  }

  public OpenAIException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
