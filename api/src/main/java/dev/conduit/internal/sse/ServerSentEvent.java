package dev.conduit.internal.sse;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One dispatched server-sent event. Immutable. */
public final class ServerSentEvent {
  private static final int TO_STRING_DATA_LIMIT = 256;

  private final @Nullable String event;
  private final String data;
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
    this.id = id;
    this.retry = retry;
  }

  /** Returns the event type, or null when the stream gave none (the default type, {@code message}). */
  public @Nullable String event() {
    return event;
  }

  /** Returns the event's data: its {@code data} lines joined with {@code '\n'}. */
  public String data() {
    return data;
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
        && data.equals(that.data)
        && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(event);
    h = 31 * h + data.hashCode();
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
