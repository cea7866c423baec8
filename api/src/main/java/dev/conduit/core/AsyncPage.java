package dev.conduit.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One page of a list endpoint on the asynchronous client.
 *
 * @param <T> the item type
 */
public interface AsyncPage<T> {
  /** Returns the items of this page. */
  List<T> data();

  /** Returns true if the server reported more items after this page. */
  boolean hasNextPage();

  /**
   * Fetches the next page without blocking; the future fails with {@link java.util.NoSuchElementException}
   * if there is none.
   */
  CompletableFuture<AsyncPage<T>> nextPage();

  /**
   * Returns every item from this page on as a publisher that fetches the next page only when its
   * subscriber has demand left and this page's items are used up. Accepts one subscriber per call.
   */
  Flow.Publisher<T> autoPager();
}
