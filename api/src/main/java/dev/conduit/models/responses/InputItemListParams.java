package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The query parameters of {@code GET /responses/{id}/input_items}, which lists a response's input items. */
public final class InputItemListParams extends JsonModel {
  private InputItemListParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static InputItemListParams fromJson(Map<String, @Nullable Object> json) {
    return new InputItemListParams(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these parameters. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the item id to list after (the cursor), or null. */
  public @Nullable String after() {
    return stringOrNull("after");
  }

  /** Returns the page size (1 to 100; the server's default is 20), or null. */
  public @Nullable Long limit() {
    return longOrNull("limit");
  }

  /** Returns the order, {@code asc} or {@code desc} (the server's default), or null. */
  public @Nullable String order() {
    return stringOrNull("order");
  }

  /** Returns the extra fields to include; empty if none. */
  public List<String> include() {
    return stringList("include");
  }

  /**
   * Returns the query parameters in order, each name with its values: scalars have one value, and
   * {@code include} becomes the repeated {@code include[]} as the official SDKs send it. Unknown
   * fields set with {@code putJsonField} are sent as their string form.
   */
  public Map<String, List<String>> toQuery() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : toJson().entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      if (v instanceof List) {
        List<String> values = new ArrayList<>();
        for (Object o : (List<?>) v) {
          values.add(String.valueOf(o));
        }
        query.put(e.getKey() + "[]", Collections.unmodifiableList(values));
      } else {
        query.put(e.getKey(), List.of(String.valueOf(v)));
      }
    }
    return Collections.unmodifiableMap(query);
  }

  /** A builder of {@link InputItemListParams}. */
  public static final class Builder extends JsonModel.Builder<Builder, InputItemListParams> {
    private Builder() {}

    private Builder(InputItemListParams from) {
      super(from);
    }

    /** Lists the items after the item {@code after}. */
    public Builder after(@Nullable String after) {
      return set("after", after);
    }

    /**
     * Sets the page size.
     *
     * @throws IllegalArgumentException if {@code limit} is not between 1 and 100
     */
    public Builder limit(long limit) {
      if (limit < 1 || limit > 100) {
        throw new IllegalArgumentException("limit not in [1, 100]: " + limit);
      }
      return set("limit", limit);
    }

    /** Sets the order: {@code "asc"} or {@code "desc"}. */
    public Builder order(@Nullable String order) {
      return set("order", order);
    }

    /** Sets the extra fields to include, e.g. {@code "message.input_image.image_url"}. */
    public Builder include(List<String> include) {
      return set("include", Objects.requireNonNull(include, "include == null"));
    }

    /** Returns the immutable {@link InputItemListParams}. */
    @Override
    public InputItemListParams build() {
      return new InputItemListParams(frozenJson());
    }
  }
}
