package dev.conduit.internal.sse;

import org.jspecify.annotations.Nullable;

/**
 * Turns the server-sent events of one stream into items for {@link SsePublisher}. Its methods are
 * called serially, never concurrently, though not always from the same thread.
 *
 * @param <T> the type of items
 */
public interface EventMapper<T> {
  /** Returns true if this event ends the stream normally (e.g. data {@code [DONE]}); it is not emitted. */
  boolean isEnd(ServerSentEvent event);

  /**
   * Maps an event to an item, or returns null to skip it. May throw a RuntimeException (e.g. a {@code
   * StreamException}) to fail the stream.
   */
  @Nullable T map(ServerSentEvent event);

  /**
   * Called when the bytes end without an end event; return normally to complete, or throw to fail
   * (truncation). {@code midEvent} tells whether a partial event or line was pending.
   */
  void onEndOfInput(boolean midEvent);
}
