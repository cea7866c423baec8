package dev.conduit.internal.paging;

import dev.conduit.core.AsyncPage;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The asynchronous twin of {@link CursorPage}. */
public final class AsyncCursorPage<T> implements AsyncPage<T> {
  private final List<T> data;
  private final boolean hasMore;
  private final @Nullable String nextCursor;
  private final @Nullable String previousCursor;
  private final Function<String, CompletableFuture<AsyncPage<T>>> fetch;

  public AsyncCursorPage(List<T> data, boolean hasMore, @Nullable String nextCursor, @Nullable String previousCursor,
      Function<String, CompletableFuture<AsyncPage<T>>> fetch) {
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
  public CompletableFuture<AsyncPage<T>> nextPage() {
    if (!hasNextPage()) {
      return CompletableFuture.failedFuture(new NoSuchElementException("this is the last page"));
    }
    return fetch.apply(nextCursor);
  }

  @Override
  public Flow.Publisher<T> autoPager() {
    return new AutoPagerPublisher<>(this);
  }

  @Override
  public String toString() {
    return "AsyncPage{items=" + data.size() + ", hasNextPage=" + hasNextPage() + "}";
  }
}
