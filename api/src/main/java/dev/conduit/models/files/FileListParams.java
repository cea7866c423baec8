package dev.conduit.models.files;

import dev.conduit.models.SortOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of listing files ({@code GET /files}). Every parameter is optional. Immutable
 * and thread-safe.
 */
public final class FileListParams {
  private final Map<String, String> query;

  private FileListParams(Map<String, String> query) {
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder(Map.of());
  }

  /** Returns parameters that set nothing: the API's defaults apply. */
  public static FileListParams none() {
    return builder().build();
  }

  /** Returns a builder holding a copy of these parameters. */
  public Builder toBuilder() {
    return new Builder(query);
  }

  /** Returns the cursor, the id of the last file of the previous page, or null if not set. */
  public @Nullable String after() {
    return query.get("after");
  }

  /** Returns the page size, or null if not set. */
  public @Nullable Long limit() {
    String limit = query.get("limit");
    return limit == null ? null : Long.valueOf(limit);
  }

  /** Returns the sort order by creation time, or null if not set (the API defaults to descending). */
  public @Nullable SortOrder order() {
    String order = query.get("order");
    return order == null ? null : SortOrder.of(order);
  }

  /** Returns the purpose filter, or null if not set. */
  public @Nullable FilePurpose purpose() {
    String purpose = query.get("purpose");
    return purpose == null ? null : FilePurpose.of(purpose);
  }

  /** Returns the query parameters that were set, in the order they were first set. Unmodifiable. */
  public Map<String, String> toQuery() {
    return query;
  }

  /** Returns true if {@code o} is a {@code FileListParams} with the same parameters. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FileListParams && ((FileListParams) o).query.equals(query);
  }

  /** Returns a hash of the parameters. */
  @Override
  public int hashCode() {
    return query.hashCode();
  }

  /** Returns the parameters for debugging. */
  @Override
  public String toString() {
    return "FileListParams" + query;
  }

  /** A builder of {@link FileListParams}. Setters given null remove their parameter. */
  public static final class Builder {
    private final Map<String, String> query;

    private Builder(Map<String, String> query) {
      this.query = new LinkedHashMap<>(query);
    }

    private Builder put(String name, @Nullable String value) {
      if (value == null) {
        query.remove(name);
      } else {
        query.put(name, value);
      }
      return this;
    }

    /** Sets the cursor: the id of the last file of the previous page. */
    public Builder after(@Nullable String after) {
      return put("after", after);
    }

    /**
     * Sets the page size, 1 to 10,000.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public Builder limit(long limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit < 1: " + limit);
      }
      return put("limit", Long.toString(limit));
    }

    /** Sets the sort order by creation time. */
    public Builder order(@Nullable SortOrder order) {
      return put("order", order == null ? null : order.value());
    }

    /** Lists only files with {@code purpose}. */
    public Builder purpose(@Nullable FilePurpose purpose) {
      return put("purpose", purpose == null ? null : purpose.value());
    }

    /** Returns the parameters. */
    public FileListParams build() {
      return new FileListParams(query);
    }
  }
}
