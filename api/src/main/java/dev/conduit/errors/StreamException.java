package dev.conduit.errors;

import org.jspecify.annotations.Nullable;

/**
 * A server-sent event stream failed after it started: the server sent an error event, or the stream
 * was truncated (the connection closed before the terminal event) or malformed. When the server sent
 * an error object, {@link #error()} holds it.
 */
public class StreamException extends OpenAIException {
  private static final long serialVersionUID = 1L;
  private final transient @Nullable ApiError error;

  public StreamException(String message, @Nullable ApiError error, @Nullable Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  /** Returns the error object of the error event, or null for a truncated or malformed stream. */
  public @Nullable ApiError error() {
    return error;
  }
}
