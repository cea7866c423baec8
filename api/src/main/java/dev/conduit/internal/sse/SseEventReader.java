package dev.conduit.internal.sse;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A blocking pull reader of server-sent events from an {@link InputStream}, such as a synchronous HTTP
 * response body. Reads the stream in 8 KiB chunks and queues the events each chunk yields. Not
 * thread-safe.
 *
 * <pre>{@code
 * try (SseEventReader reader = new SseEventReader(body)) {
 *   for (ServerSentEvent e; (e = reader.next()) != null; ) { ... }
 *   if (reader.endedMidEvent()) { ... the stream was cut short ... }
 * }
 * }</pre>
 */
public final class SseEventReader implements Closeable {
  private static final int CHUNK_SIZE = 8192;

  private final InputStream in;
  private final SseParser parser;
  private final ArrayDeque<ServerSentEvent> queue = new ArrayDeque<>();
  private final Consumer<ServerSentEvent> sink = queue::add;
  private final byte[] buffer = new byte[CHUNK_SIZE];
  private boolean endOfInput;
  private boolean closed;

  /** Creates a reader whose lines and events are limited to {@link SseParser#DEFAULT_MAX_SIZE}. */
  public SseEventReader(InputStream in) {
    this(in, SseParser.DEFAULT_MAX_SIZE);
  }

  /**
   * Creates a reader.
   *
   * @param maxSize the maximum size in bytes of a line and of an event's data
   */
  public SseEventReader(InputStream in, int maxSize) {
    this.in = Objects.requireNonNull(in, "in == null");
    this.parser = new SseParser(maxSize);
  }

  /**
   * Returns the next event, blocking until it has arrived, or null at end of input. An event not ended
   * by a blank line when the input ends is discarded; {@link #endedMidEvent()} then returns true.
   *
   * @throws SseFormatException if a line or an event exceeds the maximum size
   * @throws IOException if reading the stream fails, or if this reader is closed
   */
  public @Nullable ServerSentEvent next() throws IOException {
    if (closed) {
      throw new IOException("reader closed");
    }
    while (queue.isEmpty() && !endOfInput) {
      int n = in.read(buffer, 0, buffer.length);
      if (n < 0) {
        endOfInput = true;
        parser.finish(sink);
      } else {
        parser.feed(buffer, 0, n, sink);
      }
    }
    return queue.poll();
  }

  /**
   * Returns true if the input has ended inside an event or a line, which usually means the stream was
   * truncated. False until {@link #next()} has returned null.
   */
  public boolean endedMidEvent() {
    return endOfInput && parser.hasPartialEvent();
  }

  /** Closes the underlying stream. Idempotent. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      queue.clear();
      in.close();
    }
  }
}
