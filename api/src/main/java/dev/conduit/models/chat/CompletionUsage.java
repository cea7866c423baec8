package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Token usage of a chat completion request. */
public final class CompletionUsage extends JsonModel {
  private CompletionUsage(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static CompletionUsage fromJson(Map<String, @Nullable Object> json) {
    return new CompletionUsage(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this usage. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the number of tokens in the prompt. */
  public long promptTokens() {
    return longValue("prompt_tokens");
  }

  /** Returns the number of tokens in the generated completion, reasoning tokens included. */
  public long completionTokens() {
    return longValue("completion_tokens");
  }

  /** Returns the total number of tokens used (prompt plus completion). */
  public long totalTokens() {
    return longValue("total_tokens");
  }

  /** Returns the breakdown of the prompt tokens, or null if the API did not send one. */
  public @Nullable PromptTokensDetails promptTokensDetails() {
    return objectOrNull("prompt_tokens_details", PromptTokensDetails::fromJson);
  }

  /** Returns the breakdown of the completion tokens, or null if the API did not send one. */
  public @Nullable CompletionTokensDetails completionTokensDetails() {
    return objectOrNull("completion_tokens_details", CompletionTokensDetails::fromJson);
  }

  /** A breakdown of the prompt tokens. */
  public static final class PromptTokensDetails extends JsonModel {
    private PromptTokensDetails(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static PromptTokensDetails fromJson(Map<String, @Nullable Object> json) {
      return new PromptTokensDetails(Json.freezeMap(json));
    }

    /** Returns the number of prompt tokens served from the prompt cache, or null if not sent. */
    public @Nullable Long cachedTokens() {
      return longOrNull("cached_tokens");
    }

    /** Returns the number of audio tokens in the prompt, or null if not sent. */
    public @Nullable Long audioTokens() {
      return longOrNull("audio_tokens");
    }
  }

  /** A breakdown of the completion tokens. */
  public static final class CompletionTokensDetails extends JsonModel {
    private CompletionTokensDetails(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static CompletionTokensDetails fromJson(Map<String, @Nullable Object> json) {
      return new CompletionTokensDetails(Json.freezeMap(json));
    }

    /** Returns the number of tokens the model spent reasoning, or null if not sent. */
    public @Nullable Long reasoningTokens() {
      return longOrNull("reasoning_tokens");
    }

    /** Returns the number of audio tokens generated, or null if not sent. */
    public @Nullable Long audioTokens() {
      return longOrNull("audio_tokens");
    }

    /** Returns the number of predicted-output tokens that appeared in the completion, or null. */
    public @Nullable Long acceptedPredictionTokens() {
      return longOrNull("accepted_prediction_tokens");
    }

    /** Returns the number of predicted-output tokens that did not appear (still billed), or null. */
    public @Nullable Long rejectedPredictionTokens() {
      return longOrNull("rejected_prediction_tokens");
    }
  }

  /** A builder of {@link CompletionUsage}, mainly for tests and fakes. */
  public static final class Builder extends JsonModel.Builder<Builder, CompletionUsage> {
    private Builder() {}

    private Builder(CompletionUsage from) {
      super(from);
    }

    /** Sets the number of prompt tokens. */
    public Builder promptTokens(long promptTokens) {
      return set("prompt_tokens", promptTokens);
    }

    /** Sets the number of completion tokens. */
    public Builder completionTokens(long completionTokens) {
      return set("completion_tokens", completionTokens);
    }

    /** Sets the total number of tokens. */
    public Builder totalTokens(long totalTokens) {
      return set("total_tokens", totalTokens);
    }

    /** Returns the usage. */
    @Override
    public CompletionUsage build() {
      return new CompletionUsage(frozenJson());
    }
  }
}
