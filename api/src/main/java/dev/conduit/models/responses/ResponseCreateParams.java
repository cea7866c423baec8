package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.shared.ModerationParam;
import dev.conduit.models.shared.Prompt;
import dev.conduit.models.shared.PromptCacheOptionsParam;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /responses}: the model, the input, and the options of one response.
 *
 * <pre>{@code
 * ResponseCreateParams params = ResponseCreateParams.builder()
 *     .model("gpt-5")
 *     .instructions("Be brief.")
 *     .input("Write a haiku about Java.")
 *     .build();
 * }</pre>
 *
 * <p>The model, the input, the conversation, the tools and the output format are the fields of
 * {@link ResponseContextParams}; this class adds the options of generation, storage and caching.
 * {@code stream} is not a builder option: the client's create and stream methods set it (see
 * {@link #withStream(boolean)}). Parameters this version does not know are set with
 * {@link Builder#putJsonField(String, Object)}.
 */
public final class ResponseCreateParams extends ResponseContextParams {
  private ResponseCreateParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseCreateParams fromJson(Map<String, @Nullable Object> json) {
    return new ResponseCreateParams(Json.freezeMap(json));
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
   * Returns a copy with {@code stream} set to {@code stream}; used by the SDK's create and stream
   * methods, which decide whether the answer is streamed.
   */
  public ResponseCreateParams withStream(boolean stream) {
    return toBuilder().stream(stream).build();
  }

  /** Returns the sampling temperature, or null. */
  public @Nullable Double temperature() {
    return doubleOrNull("temperature");
  }

  /** Returns the nucleus-sampling probability mass, or null. */
  public @Nullable Double topP() {
    return doubleOrNull("top_p");
  }

  /** Returns how many most likely tokens to return, with their log probabilities, per position; or null. */
  public @Nullable Long topLogprobs() {
    return longOrNull("top_logprobs");
  }

  /** Returns the upper bound on generated tokens, or null. */
  public @Nullable Long maxOutputTokens() {
    return longOrNull("max_output_tokens");
  }

  /** Returns the upper bound on calls to built-in tools in the response, or null. */
  public @Nullable Long maxToolCalls() {
    return longOrNull("max_tool_calls");
  }

  /** Returns the prompt template to use, with its variables, or null. */
  public @Nullable Prompt prompt() {
    return objectOrNull("prompt", Prompt::fromJson);
  }

  /** Returns whether to store the response, or null for the server's default. */
  public @Nullable Boolean store() {
    return booleanOrNull("store");
  }

  /** Returns whether to run in the background, or null. */
  public @Nullable Boolean background() {
    return booleanOrNull("background");
  }

  /** Returns the metadata; empty if none. */
  public Map<String, String> metadata() {
    return stringMap("metadata");
  }

  /** Returns the end-user identifier, or null. */
  public @Nullable String user() {
    return stringOrNull("user");
  }

  /** Returns the stable identifier of the end user, for abuse detection, or null. */
  public @Nullable String safetyIdentifier() {
    return stringOrNull("safety_identifier");
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

  /** Returns the moderation to run on the input and output, or null for none. */
  public @Nullable ModerationParam moderation() {
    return objectOrNull("moderation", ModerationParam::fromJson);
  }

  /** Returns the extra output data to include, e.g. {@code reasoning.encrypted_content}; empty if none. */
  public List<String> include() {
    return stringList("include");
  }

  /** Returns the service tier asked for, or null. */
  public @Nullable String serviceTier() {
    return stringOrNull("service_tier");
  }

  /** Returns whether the answer is streamed, as set by {@link #withStream(boolean)}, or null. */
  public @Nullable Boolean stream() {
    return booleanOrNull("stream");
  }

  /** A builder of {@link ResponseCreateParams}. */
  public static final class Builder extends ResponseContextParams.Builder<Builder, ResponseCreateParams> {
    private Builder() {}

    private Builder(ResponseCreateParams from) {
      super(from);
    }

    private Builder stream(boolean stream) {
      return set("stream", stream);
    }

    /** Sets the sampling temperature, 0 to 2. */
    public Builder temperature(@Nullable Double temperature) {
      return set("temperature", temperature);
    }

    /** Sets the nucleus-sampling probability mass, 0 to 1. */
    public Builder topP(@Nullable Double topP) {
      return set("top_p", topP);
    }

    /**
     * Sets how many most likely tokens to return per position, 0 to 20, each with its log
     * probability; the output text parts then carry {@code logprobs}.
     */
    public Builder topLogprobs(@Nullable Long topLogprobs) {
      return set("top_logprobs", topLogprobs);
    }

    /** Sets the upper bound on generated tokens, reasoning included. */
    public Builder maxOutputTokens(@Nullable Long maxOutputTokens) {
      return set("max_output_tokens", maxOutputTokens);
    }

    /** Sets the upper bound on calls to built-in tools in the response, across all of them. */
    public Builder maxToolCalls(@Nullable Long maxToolCalls) {
      return set("max_tool_calls", maxToolCalls);
    }

    /** Uses a prompt template stored in the dashboard, e.g. {@code Prompt.builder().id("pmpt_123").build()}. */
    public Builder prompt(@Nullable Prompt prompt) {
      return set("prompt", prompt);
    }

    /** Sets whether to store the response for later retrieval. */
    public Builder store(@Nullable Boolean store) {
      return set("store", store);
    }

    /** Sets whether to run the response in the background. */
    public Builder background(@Nullable Boolean background) {
      return set("background", background);
    }

    /** Sets up to 16 metadata key-value pairs. */
    public Builder metadata(@Nullable Map<String, String> metadata) {
      return set("metadata", metadata);
    }

    /** Sets the end-user identifier (deprecated by the API in favour of {@code safety_identifier}). */
    public Builder user(@Nullable String user) {
      return set("user", user);
    }

    /** Sets a stable identifier of the end user (e.g. a hash of their user name), for abuse detection; at most 64 characters. */
    public Builder safetyIdentifier(@Nullable String safetyIdentifier) {
      return set("safety_identifier", safetyIdentifier);
    }

    /** Sets the key under which the prompt cache is read and written, grouping similar requests. */
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

    /** Runs a moderation model on the input and output; the response reports its results in {@code moderation}. */
    public Builder moderation(@Nullable ModerationParam moderation) {
      return set("moderation", moderation);
    }

    /** Sets the extra output data to include, e.g. {@code "reasoning.encrypted_content"}. */
    public Builder include(@Nullable List<String> include) {
      return set("include", include);
    }

    /** Sets the service tier, e.g. {@code "flex"} or {@code "priority"}. */
    public Builder serviceTier(@Nullable String serviceTier) {
      return set("service_tier", serviceTier);
    }

    /** Returns the immutable {@link ResponseCreateParams}. */
    @Override
    public ResponseCreateParams build() {
      return new ResponseCreateParams(frozenJson());
    }
  }
}
