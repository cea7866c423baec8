package dev.conduit.internal.sse;

import java.io.IOException;

/** An event stream broke one of the parser's limits (a line or an event too long). */
public final class SseFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public SseFormatException(String message) {
    super(message);
  }
}
