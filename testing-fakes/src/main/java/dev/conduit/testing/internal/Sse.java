package dev.conduit.testing.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Formats server-sent events as the real API sends them. */
public final class Sse {
  /** The chat stream's terminator. */
  public static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

  private Sse() {}

  /** Returns one event: an optional {@code event:} line, one {@code data:} line, a blank line. */
  public static byte[] event(@Nullable String name, String data) {
    String e = (name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
    return e.getBytes(StandardCharsets.UTF_8);
  }
}
