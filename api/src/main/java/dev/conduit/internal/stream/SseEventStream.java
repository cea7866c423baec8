package dev.conduit.internal.stream;

import dev.conduit.core.EventStream;
import dev.conduit.http.HttpResponse;
import dev.conduit.internal.sse.EventMapper;
import dev.conduit.internal.sse.ServerSentEvent;
import dev.conduit.internal.sse.SseEventReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** A blocking {@link EventStream} over a live response whose body is a server-sent event stream. */
public final class SseEventStream<T> implements EventStream<T> {
  private final HttpResponse response;
  private final SseEventReader reader;
  private final EventMapper<T> mapper;
  private final AtomicBoolean iterated = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  public SseEventStream(HttpResponse response, EventMapper<T> mapper) {
    this.response = response;
    this.reader = new SseEventReader(response.body());
    this.mapper = mapper;
  }

  @Override
  public Iterator<T> iterator() {
    if (!iterated.compareAndSet(false, true)) {
      throw new IllegalStateException("an event stream can be iterated only once");
    }
    return new Iterator<T>() {
      private @Nullable T next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next != null) {
          return true;
        }
        if (done) {
          return false;
        }
        try {
          while (true) {
            if (closed.get()) {
              done = true;
              return false;
            }
            ServerSentEvent event = reader.next();
            if (event == null) {
              done = true;
              close();
              mapper.onEndOfInput(reader.endedMidEvent());
              return false;
            }
            if (mapper.isEnd(event)) {
              done = true;
              close();
              return false;
            }
            T item = mapper.map(event);
            if (item != null) {
              next = item;
              return true;
            }
          }
        } catch (IOException | RuntimeException e) {
          done = true;
          boolean wasClosed = closed.get();
          close();
          if (wasClosed && e instanceof IOException) {
            return false; // closed by the user from another thread: a normal end, not a failure
          }
          throw StreamErrors.map(e);
        }
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T item = next;
        next = null;
        return item;
      }
    };
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      response.close();
    }
  }
}
