package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The tokens a {@link Response} used, with breakdowns of cached input and reasoning output. */
public final class ResponseUsage extends JsonModel {
  private ResponseUsage(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseUsage fromJson(Map<String, @Nullable Object> json) {
    return new ResponseUsage(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this usage. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the number of input tokens. */
  public long inputTokens() {
    return longValue("input_tokens");
  }

  /** Returns the number of output tokens, reasoning tokens included. */
  public long outputTokens() {
    return longValue("output_tokens");
  }

  /** Returns the number of tokens used in total. */
  public long totalTokens() {
    return longValue("total_tokens");
  }

  /** Returns the breakdown of the input tokens, or null if the server sent none. */
  public @Nullable InputTokensDetails inputTokensDetails() {
    return objectOrNull("input_tokens_details", InputTokensDetails::fromJson);
  }

  /** Returns the breakdown of the output tokens, or null if the server sent none. */
  public @Nullable OutputTokensDetails outputTokensDetails() {
    return objectOrNull("output_tokens_details", OutputTokensDetails::fromJson);
  }

  /** The breakdown of {@link ResponseUsage#inputTokens()}. */
  public static final class InputTokensDetails extends JsonModel {
    private InputTokensDetails(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static InputTokensDetails fromJson(Map<String, @Nullable Object> json) {
      return new InputTokensDetails(Json.freezeMap(json));
    }

    /** Returns how many input tokens were read from the prompt cache. */
    public long cachedTokens() {
      return longValue("cached_tokens");
    }
  }

  /** The breakdown of {@link ResponseUsage#outputTokens()}. */
  public static final class OutputTokensDetails extends JsonModel {
    private OutputTokensDetails(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static OutputTokensDetails fromJson(Map<String, @Nullable Object> json) {
      return new OutputTokensDetails(Json.freezeMap(json));
    }

    /** Returns how many output tokens the model spent reasoning. */
    public long reasoningTokens() {
      return longValue("reasoning_tokens");
    }
  }

  /** A builder of {@link ResponseUsage}. */
  public static final class Builder extends JsonModel.Builder<Builder, ResponseUsage> {
    private Builder() {}

    private Builder(ResponseUsage from) {
      super(from);
    }

    /** Sets the number of input tokens. */
    public Builder inputTokens(long inputTokens) {
      return set("input_tokens", inputTokens);
    }

    /** Sets the number of output tokens. */
    public Builder outputTokens(long outputTokens) {
      return set("output_tokens", outputTokens);
    }

    /** Sets the total number of tokens. */
    public Builder totalTokens(long totalTokens) {
      return set("total_tokens", totalTokens);
    }

    /** Sets {@code input_tokens_details.cached_tokens}. */
    public Builder cachedTokens(long cachedTokens) {
      return set("input_tokens_details", Map.of("cached_tokens", cachedTokens));
    }

    /** Sets {@code output_tokens_details.reasoning_tokens}. */
    public Builder reasoningTokens(long reasoningTokens) {
      return set("output_tokens_details", Map.of("reasoning_tokens", reasoningTokens));
    }

    /** Returns the immutable {@link ResponseUsage}. */
    @Override
    public ResponseUsage build() {
      return new ResponseUsage(frozenJson());
    }
  }
}
