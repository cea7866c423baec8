package dev.conduit.core;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A blocking stream of typed server-sent events. Iterate it once, in a try-with-resources block:
 *
 * <pre>{@code
 * try (EventStream<ChatCompletionChunk> chunks = client.chat().completions().stream(params)) {
 *   for (ChatCompletionChunk chunk : chunks) { ... }
 * }
 * }</pre>
 *
 * <p>Each {@code next()} blocks until the next event arrives, guarded by the {@code read} timeout.
 * Closing the stream, or breaking out of the loop and closing, aborts the HTTP exchange and releases
 * its connection. An error event from the server, or a stream that ends before its terminal event,
 * throws {@link dev.conduit.errors.StreamException} from the iterator; a read timeout throws
 * {@link dev.conduit.errors.ApiTimeoutException}. Not thread-safe, except {@link #close()}, which any
 * thread may call to stop a reader.
 *
 * @param <T> the event type
 */
public interface EventStream<T> extends Iterable<T>, AutoCloseable {
  /**
   * Returns the iterator over the events; a stream can be iterated only once.
   *
   * @throws IllegalStateException on a second call
   */
  @Override
  Iterator<T> iterator();

  /** Returns the events as a sequential {@link Stream} that closes this stream when closed. */
  default Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  /** Aborts the exchange if it is still running and releases the connection; idempotent. */
  @Override
  void close();
}
