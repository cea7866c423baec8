package dev.conduit.internal.sse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One dispatched server-sent event. Immutable. */
public final class ServerSentEvent {
  private static final int TO_STRING_DATA_LIMIT = 256;

  private final @Nullable String event;
  /** The data as text; decoded from {@link #utf8} on first use when the parser made the event. */
  private @Nullable String data;
  /** The data as UTF-8, when the event came from the parser: decoders read it without a round trip. */
  private final byte @Nullable [] utf8;
  private final @Nullable String id;
  private final long retry;

  /**
   * @param event the event type, or null for the default type {@code message}
   * @param data the data lines joined with {@code '\n'}
   * @param id the last event id in effect when the event was dispatched, or null if none was ever set
   * @param retry the reconnection time in ms set by a {@code retry} field of this event, or -1
   */
  public ServerSentEvent(@Nullable String event, String data, @Nullable String id, long retry) {
    if (retry < -1) {
      throw new IllegalArgumentException("retry < -1: " + retry);
    }
    this.event = event;
    this.data = Objects.requireNonNull(data, "data == null");
    this.utf8 = null;
    this.id = id;
    this.retry = retry;
  }

  private ServerSentEvent(@Nullable String event, byte[] utf8, @Nullable String id, long retry) {
    this.event = event;
    this.data = null;
    this.utf8 = utf8;
    this.id = id;
    this.retry = retry;
  }

  /**
   * Returns an event whose data is the UTF-8 bytes {@code utf8} (not copied; the caller hands them
   * over), decoded to text only if {@link #data()} is called. For the parser, so that JSON decoders
   * read the bytes as they came off the wire.
   */
  static ServerSentEvent ofUtf8(@Nullable String event, byte[] utf8, @Nullable String id, long retry) {
    if (retry < -1) {
      throw new IllegalArgumentException("retry < -1: " + retry);
    }
    return new ServerSentEvent(event, utf8, id, retry);
  }

  /** Returns the event type, or null when the stream gave none (the default type, {@code message}). */
  public @Nullable String event() {
    return event;
  }

  /** Returns the event's data: its {@code data} lines joined with {@code '\n'}. */
  public String data() {
    String d = data;
    if (d == null) {
      d = data = new String(Objects.requireNonNull(utf8), StandardCharsets.UTF_8); // a benign race: equal strings
    }
    return d;
  }

  /**
   * Returns the data as UTF-8 bytes: the parser's own bytes for an event it made (do not modify
   * them), otherwise the text encoded.
   */
  public byte[] dataUtf8() {
    byte[] b = utf8;
    return b != null ? b : data().getBytes(StandardCharsets.UTF_8);
  }

  /** Returns true if the data is exactly {@code text}, an ASCII string, without decoding it. */
  public boolean dataIsAscii(String text) {
    byte[] b = utf8;
    if (b == null) {
      return data().equals(text);
    }
    if (b.length != text.length()) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      if (b[i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the last event id in effect: set by an {@code id} field of this or an earlier event, null
   * if the stream never set one. An {@code id} field with an empty value resets it to {@code ""}.
   */
  public @Nullable String id() {
    return id;
  }

  /** Returns the reconnection time in milliseconds set by this event's {@code retry} field, or -1. */
  public long retry() {
    return retry;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ServerSentEvent)) {
      return false;
    }
    ServerSentEvent that = (ServerSentEvent) o;
    return retry == that.retry
        && Objects.equals(event, that.event)
        && data().equals(that.data())
        && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(event);
    h = 31 * h + data().hashCode();
    h = 31 * h + Objects.hashCode(id);
    return 31 * h + Long.hashCode(retry);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ServerSentEvent{");
    if (event != null) {
      sb.append("event=").append(event).append(", ");
    }
    if (id != null) {
      sb.append("id=").append(id).append(", ");
    }
    if (retry >= 0) {
      sb.append("retry=").append(retry).append(", ");
    }
    sb.append("data=");
    if (data.length() <= TO_STRING_DATA_LIMIT) {
      sb.append(data);
    } else {
      sb.append(data, 0, TO_STRING_DATA_LIMIT).append("...(").append(data.length()).append(" chars)");
    }
    return sb.append('}').toString();
  }
}
