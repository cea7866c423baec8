package dev.conduit.errors;

import dev.conduit.http.Timeouts;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One of the {@link Timeouts} fired; {@link #kind()} says which. */
public class ApiTimeoutException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;
  private final Timeouts.Kind kind;
  private final @Nullable Duration timeout;

  public ApiTimeoutException(Timeouts.Kind kind, @Nullable Duration timeout, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.timeout = timeout;
  }

  /** Returns which timeout fired. */
  public Timeouts.Kind kind() {
    return kind;
  }

  /** Returns the configured value that was exceeded, or null if unknown. */
  public @Nullable Duration timeout() {
    return timeout;
  }
}
