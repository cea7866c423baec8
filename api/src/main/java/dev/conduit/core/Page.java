package dev.conduit.core;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * One page of a list endpoint, with the means to fetch the next one.
 *
 * <pre>{@code
 * for (FileObject file : client.files().list().autoPager()) { ... } // fetches pages lazily
 * }</pre>
 *
 * @param <T> the item type
 */
public interface Page<T> {
  /** Returns the items of this page. */
  List<T> data();

  /** Returns true if the server reported more items after this page. */
  boolean hasNextPage();

  /**
   * Fetches the next page (a blocking call).
   *
   * @throws NoSuchElementException if there is no next page
   */
  Page<T> nextPage();

  /** Returns every item from this page on, fetching later pages lazily as iteration reaches them. */
  Iterable<T> autoPager();

  /** Returns {@link #autoPager()} as a lazy sequential stream. */
  Stream<T> stream();
}
