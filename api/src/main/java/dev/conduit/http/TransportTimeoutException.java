package dev.conduit.http;

import java.io.InterruptedIOException;
import java.util.Objects;

/** Thrown by a {@link Transport} when one of the {@link Timeouts} fired. */
public class TransportTimeoutException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;
  private final Timeouts.Kind kind;

  public TransportTimeoutException(Timeouts.Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind == null");
  }

  /** Returns which timeout fired. */
  public Timeouts.Kind kind() {
    return kind;
  }
}
