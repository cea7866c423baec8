package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The built-in tool that searches uploaded files in vector stores; its calls arrive as {@link ResponseFileSearchCall}. */
public final class FileSearchTool extends Tool {
  private FileSearchTool(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static FileSearchTool fromJson(Map<String, @Nullable Object> json) {
    return new FileSearchTool(Json.freezeMap(json));
  }

  /** Returns a new builder; {@code vectorStoreIds} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this tool. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the ids of the vector stores to search. */
  public List<String> vectorStoreIds() {
    return stringList("vector_store_ids");
  }

  /** Returns the maximum number of results (1 to 50), or null if unset. */
  public @Nullable Long maxNumResults() {
    return longOrNull("max_num_results");
  }

  /** Returns the attribute filter as a JSON tree; empty if unset. */
  public Map<String, @Nullable Object> filters() {
    return mapOrEmpty("filters");
  }

  /** A builder of {@link FileSearchTool}. */
  public static final class Builder extends JsonModel.Builder<Builder, FileSearchTool> {
    private Builder() {
      set("type", "file_search");
    }

    private Builder(FileSearchTool from) {
      super(from);
    }

    /** Sets the ids of the vector stores to search. */
    public Builder vectorStoreIds(List<String> vectorStoreIds) {
      return set("vector_store_ids", vectorStoreIds);
    }

    /** Sets the maximum number of results, between 1 and 50. */
    public Builder maxNumResults(@Nullable Long maxNumResults) {
      return set("max_num_results", maxNumResults);
    }

    /** Sets an attribute filter, given as a JSON tree. */
    public Builder filters(@Nullable Map<String, ?> filters) {
      return set("filters", filters);
    }

    /** Sets the ranking options, given as a JSON tree. */
    public Builder rankingOptions(@Nullable Map<String, ?> rankingOptions) {
      return set("ranking_options", rankingOptions);
    }

    /**
     * Returns the tool.
     *
     * @throws IllegalStateException if {@code vectorStoreIds} was not set
     */
    @Override
    public FileSearchTool build() {
      require("vector_store_ids");
      return new FileSearchTool(frozenJson());
    }
  }
}
