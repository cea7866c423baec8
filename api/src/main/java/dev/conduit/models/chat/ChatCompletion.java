package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import dev.conduit.models.shared.ChatCompletionModeration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion: the model's answer to a {@link ChatCompletionCreateParams} request, one
 * {@link Choice} per requested alternative. Also the form of a stored completion, and what
 * {@link ChatCompletionAccumulator} rebuilds from a stream.
 */
public final class ChatCompletion extends JsonModel {
  private ChatCompletion(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletion fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletion(Json.freezeMap(json));
  }

  /** Returns a new builder, mainly for tests and fakes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this completion. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the unique id of the completion, e.g. {@code "chatcmpl-123"}. */
  public String id() {
    return string("id");
  }

  /** Returns the object type, always {@code "chat.completion"}. */
  public String object() {
    return string("object");
  }

  /** Returns when the completion was created, in Unix seconds. */
  public long created() {
    return longValue("created");
  }

  /** Returns the model that generated the completion. */
  public String model() {
    return string("model");
  }

  /** Returns the choices; more than one if {@code n} was greater than 1. */
  public List<Choice> choices() {
    return objectList("choices", Choice::fromJson);
  }

  /** Returns the token usage, or null if the API did not report it. */
  public @Nullable CompletionUsage usage() {
    return objectOrNull("usage", CompletionUsage::fromJson);
  }

  /** Returns the fingerprint of the backend configuration, or null if not sent. */
  public @Nullable String systemFingerprint() {
    return stringOrNull("system_fingerprint");
  }

  /** Returns the service tier that actually served the request, or null if not sent. */
  public @Nullable ServiceTier serviceTier() {
    return enumOrNull("service_tier", ServiceTier::of);
  }

  /** Returns the metadata of a stored completion; empty if none. */
  public Map<String, String> metadata() {
    return stringMap("metadata");
  }

  /**
   * Returns the results of the moderation asked for with
   * {@link ChatCompletionCreateParams.Builder#moderation}, for the input and the output, or null if
   * none ran.
   */
  public @Nullable ChatCompletionModeration moderation() {
    return objectOrNull("moderation", ChatCompletionModeration::fromJson);
  }

  /** One alternative answer of a {@link ChatCompletion}. */
  public static final class Choice extends JsonModel {
    private Choice(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static Choice fromJson(Map<String, @Nullable Object> json) {
      return new Choice(Json.freezeMap(json));
    }

    /** Returns a new builder, mainly for tests and fakes. */
    public static Builder builder() {
      return new Builder();
    }

    /** Returns a builder holding a copy of this choice. */
    public Builder toBuilder() {
      return new Builder(this);
    }

    /** Returns the index of the choice in the list of choices. */
    public long index() {
      return longValue("index");
    }

    /** Returns the message the model generated. */
    public ChatCompletionMessage message() {
      return object("message", ChatCompletionMessage::fromJson);
    }

    /** Returns why the model stopped generating. */
    public FinishReason finishReason() {
      return enumValue("finish_reason", FinishReason::of);
    }

    /**
     * Returns the log probability information as a JSON object tree ({@code content} and
     * {@code refusal} arrays of token log probabilities), or null if not requested.
     */
    public @Nullable Map<String, @Nullable Object> logprobs() {
      return objectOrNull("logprobs", m -> m);
    }

    /** A builder of {@link Choice}. */
    public static final class Builder extends JsonModel.Builder<Builder, Choice> {
      private Builder() {}

      private Builder(Choice from) {
        super(from);
      }

      /** Sets the index of the choice. */
      public Builder index(long index) {
        return set("index", index);
      }

      /** Sets the generated message. */
      public Builder message(ChatCompletionMessage message) {
        return set("message", message);
      }

      /** Sets why the model stopped generating. */
      public Builder finishReason(FinishReason finishReason) {
        return set("finish_reason", finishReason);
      }

      /** Returns the choice. */
      @Override
      public Choice build() {
        return new Choice(frozenJson());
      }
    }
  }

  /** A builder of {@link ChatCompletion}. */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletion> {
    private Builder() {
      set("object", "chat.completion");
    }

    private Builder(ChatCompletion from) {
      super(from);
    }

    /** Sets the id. */
    public Builder id(String id) {
      return set("id", id);
    }

    /** Sets the creation time in Unix seconds. */
    public Builder created(long created) {
      return set("created", created);
    }

    /** Sets the model. */
    public Builder model(String model) {
      return set("model", model);
    }

    /** Replaces the choices. */
    public Builder choices(List<Choice> choices) {
      return set("choices", choices);
    }

    /** Appends a choice. */
    public Builder addChoice(Choice choice) {
      return append("choices", choice);
    }

    /** Sets the token usage; null removes it. */
    public Builder usage(@Nullable CompletionUsage usage) {
      return set("usage", usage);
    }

    /** Sets the system fingerprint; null removes it. */
    public Builder systemFingerprint(@Nullable String systemFingerprint) {
      return set("system_fingerprint", systemFingerprint);
    }

    /** Sets the service tier; null removes it. */
    public Builder serviceTier(@Nullable ServiceTier serviceTier) {
      return set("service_tier", serviceTier);
    }

    /** Returns the completion. */
    @Override
    public ChatCompletion build() {
      return new ChatCompletion(frozenJson());
    }
  }
}
