package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in web search tool ({@code web_search} and its dated or preview variants), which lets the
 * model search the Internet; its calls arrive as {@link ResponseWebSearchCall}.
 */
public final class WebSearchTool extends Tool {
  private WebSearchTool(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static WebSearchTool fromJson(Map<String, @Nullable Object> json) {
    return new WebSearchTool(Json.freezeMap(json));
  }

  /** Returns a new builder of a {@code web_search} tool. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this tool. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns how much context to spend on search results ({@code low}, {@code medium}, {@code high}), or null. */
  public @Nullable String searchContextSize() {
    return stringOrNull("search_context_size");
  }

  /** Returns the domains the search is limited to ({@code filters.allowed_domains}); empty if unlimited. */
  public List<String> allowedDomains() {
    Object filters = jsonField("filters");
    if (filters == null) {
      return List.of();
    }
    Object domains = Json.asObject(filters, "WebSearchTool.filters").get("allowed_domains");
    if (domains == null) {
      return List.of();
    }
    List<@Nullable Object> raw = Json.asArray(domains, "WebSearchTool.filters.allowed_domains");
    String[] out = new String[raw.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Json.asString(raw.get(i), "WebSearchTool.filters.allowed_domains[" + i + "]");
    }
    return List.of(out);
  }

  /** Returns the approximate location of the user as a JSON tree; empty if unset. */
  public Map<String, @Nullable Object> userLocation() {
    return mapOrEmpty("user_location");
  }

  /** A builder of {@link WebSearchTool}. */
  public static final class Builder extends JsonModel.Builder<Builder, WebSearchTool> {
    private Builder() {
      set("type", "web_search");
    }

    private Builder(WebSearchTool from) {
      super(from);
    }

    /** Sets the tool type, e.g. {@code web_search_preview}; the default is {@code web_search}. */
    public Builder type(String type) {
      return set("type", type);
    }

    /** Sets how much context to spend on search results: {@code low}, {@code medium} or {@code high}. */
    public Builder searchContextSize(@Nullable String searchContextSize) {
      return set("search_context_size", searchContextSize);
    }

    /** Limits the search to {@code domains} and their subdomains. */
    public Builder allowedDomains(List<String> domains) {
      return set("filters", Map.of("allowed_domains", domains));
    }

    /** Sets the approximate location of the user, e.g. {@code {"type":"approximate","country":"GB"}}. */
    public Builder userLocation(@Nullable Map<String, ?> userLocation) {
      return set("user_location", userLocation);
    }

    /** Returns the immutable {@link WebSearchTool}. */
    @Override
    public WebSearchTool build() {
      return new WebSearchTool(frozenJson());
    }
  }
}
