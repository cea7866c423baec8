package dev.conduit.testing.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One step of delivering a response body: bytes, a pause, a stall or a connection reset. */
public sealed interface BodyStep {
  /** Bytes to send (one flush). */
  record Bytes(byte[] bytes) implements BodyStep {}

  /** A pause after which delivery goes on. */
  record Pause(Duration duration) implements BodyStep {}

  /** A stall: nothing is sent for {@code duration}, or until the client gives up when null. */
  record Stall(@Nullable Duration duration) implements BodyStep {}

  /** The connection is reset (TCP RST); nothing follows. */
  record Reset() implements BodyStep {}
}
