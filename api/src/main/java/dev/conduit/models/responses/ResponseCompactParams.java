package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.shared.PromptCacheOptionsParam;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /responses/compact}: a conversation to compact, given as input items, as
 * the previous response, or both.
 *
 * <pre>{@code
 * CompactedResponse compacted = client.responses().compact(ResponseCompactParams.builder()
 *     .model("gpt-5.1-codex-max")
 *     .input(history)                        // the items sent and received so far
 *     .build());
 * Response next = client.responses().create(ResponseCreateParams.builder()
 *     .model("gpt-5.1-codex-max")
 *     .input(compacted.output())             // the compacted items replace the history
 *     .addInput(ResponseInputItem.userMessage("Now add a contact form."))
 *     .build());
 * }</pre>
 *
 * <p>The input fields are those of {@link ResponseInputParams}; the model is required. Parameters this
 * version does not know are set with {@link Builder#putJsonField(String, Object)}.
 */
public final class ResponseCompactParams extends ResponseInputParams {
  private ResponseCompactParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseCompactParams fromJson(Map<String, @Nullable Object> json) {
    return new ResponseCompactParams(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these parameters. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the model that compacts, e.g. {@code "gpt-5.1-codex-max"}.
   *
   * @throws dev.conduit.errors.InvalidResponseException if the JSON has none (only possible for
   *     parameters made with {@link #fromJson(Map)}; the builder requires it)
   */
  public String model() {
    return string("model");
  }

  /** Returns the key under which the prompt cache is read and written, or null. */
  public @Nullable String promptCacheKey() {
    return stringOrNull("prompt_cache_key");
  }

  /** Returns how long a prompt cache entry is retained ({@code in_memory} or {@code 24h}), or null. */
  public @Nullable String promptCacheRetention() {
    return stringOrNull("prompt_cache_retention");
  }

  /** Returns the prompt cache options, or null. */
  public @Nullable PromptCacheOptionsParam promptCacheOptions() {
    return objectOrNull("prompt_cache_options", PromptCacheOptionsParam::fromJson);
  }

  /** Returns the service tier asked for, or null. */
  public @Nullable String serviceTier() {
    return stringOrNull("service_tier");
  }

  /** A builder of {@link ResponseCompactParams}; the model is required. */
  public static final class Builder extends ResponseInputParams.Builder<Builder, ResponseCompactParams> {
    private Builder() {}

    private Builder(ResponseCompactParams from) {
      super(from);
    }

    /** Sets the model, e.g. {@code "gpt-5.1-codex-max"}. */
    public Builder model(String model) {
      return set("model", Objects.requireNonNull(model, "model == null"));
    }

    /** Sets the key under which the prompt cache is read and written (at most 64 characters). */
    public Builder promptCacheKey(@Nullable String promptCacheKey) {
      return set("prompt_cache_key", promptCacheKey);
    }

    /** Sets how long a prompt cache entry is retained: {@code "in_memory"} or {@code "24h"}. */
    public Builder promptCacheRetention(@Nullable String promptCacheRetention) {
      return set("prompt_cache_retention", promptCacheRetention);
    }

    /** Sets the prompt cache options. */
    public Builder promptCacheOptions(@Nullable PromptCacheOptionsParam promptCacheOptions) {
      return set("prompt_cache_options", promptCacheOptions);
    }

    /** Sets the service tier, e.g. {@code "flex"} or {@code "priority"}. */
    public Builder serviceTier(@Nullable String serviceTier) {
      return set("service_tier", serviceTier);
    }

    /**
     * Returns the immutable {@link ResponseCompactParams}.
     *
     * @throws IllegalStateException if the model was not set
     */
    @Override
    public ResponseCompactParams build() {
      require("model");
      return new ResponseCompactParams(frozenJson());
    }
  }
}
