package dev.conduit.internal.stream;

import dev.conduit.core.EventStream;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A blocking event stream that hands every event passing through it to an accumulator, whichever
 * view consumes it, and can drain the rest to produce the accumulated result.
 *
 * @param <E> the event type
 * @param <R> the accumulated result
 */
public abstract class AccumulatingStream<E, R> implements EventStream<E> {
  private final EventStream<E> events;
  private final Consumer<E> accumulate;
  private final Supplier<R> result;
  private @Nullable Iterator<E> iterator;

  protected AccumulatingStream(EventStream<E> events, Consumer<E> accumulate, Supplier<R> result) {
    this.events = events;
    this.accumulate = accumulate;
    this.result = result;
  }

  @Override
  public final synchronized Iterator<E> iterator() {
    if (iterator != null) {
      throw new IllegalStateException("this stream can be consumed only once");
    }
    return accumulating();
  }

  private Iterator<E> accumulating() {
    Iterator<E> source = events.iterator();
    iterator = new Iterator<E>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public E next() {
        E e = source.next();
        accumulate.accept(e);
        return e;
      }
    };
    return iterator;
  }

  @Override
  public final Stream<E> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  /** Returns the stream of {@code view} applied to each event, skipping events it maps to null. */
  protected final Stream<String> view(Function<E, @Nullable String> view) {
    return stream().map(view).filter(s -> s != null);
  }

  /** Reads the rest of the events and returns the accumulated result. */
  protected final synchronized R drain() {
    Iterator<E> it = iterator != null ? iterator : accumulating();
    while (it.hasNext()) {
      it.next();
    }
    return result.get();
  }

  @Override
  public final void close() {
    events.close();
  }
}
