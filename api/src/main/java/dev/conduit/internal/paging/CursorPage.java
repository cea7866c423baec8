package dev.conduit.internal.paging;

import dev.conduit.core.Page;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A page of a cursor-paginated list: the next page is fetched by handing {@code nextCursor} (e.g.
 * the last item's id for {@code after}) to {@code fetch}. A page without a cursor, or with the same
 * cursor as the page before it, is the last one, so a misbehaving server cannot loop the pager.
 */
public final class CursorPage<T> implements Page<T> {
  private final List<T> data;
  private final boolean hasMore;
  private final @Nullable String nextCursor;
  private final @Nullable String previousCursor;
  private final Function<String, Page<T>> fetch;

  public CursorPage(List<T> data, boolean hasMore, @Nullable String nextCursor, @Nullable String previousCursor,
      Function<String, Page<T>> fetch) {
    this.data = List.copyOf(data);
    this.hasMore = hasMore;
    this.nextCursor = nextCursor;
    this.previousCursor = previousCursor;
    this.fetch = fetch;
  }

  @Override
  public List<T> data() {
    return data;
  }

  @Override
  public boolean hasNextPage() {
    return hasMore && nextCursor != null && !data.isEmpty() && !nextCursor.equals(previousCursor);
  }

  @Override
  public Page<T> nextPage() {
    if (!hasNextPage()) {
      throw new NoSuchElementException("this is the last page");
    }
    return fetch.apply(nextCursor);
  }

  @Override
  public Iterable<T> autoPager() {
    return () -> new Iterator<T>() {
      private Page<T> page = CursorPage.this;
      private Iterator<T> items = data.iterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext()) {
          if (!page.hasNextPage()) {
            return false;
          }
          page = page.nextPage();
          items = page.data().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  @Override
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(autoPager().iterator(), Spliterator.ORDERED), false);
  }

  @Override
  public String toString() {
    return "Page{items=" + data.size() + ", hasNextPage=" + hasNextPage() + "}";
  }
}
