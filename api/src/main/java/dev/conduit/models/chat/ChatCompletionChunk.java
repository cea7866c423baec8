package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import dev.conduit.models.shared.ChatCompletionModeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed chat completion: for each choice, the {@link Delta} of the message since
 * the previous chunk. Every chunk of a stream has the same id, created time and model. When {@code
 * stream_options.include_usage} was set, the last chunk has no choices and carries the {@link
 * #usage()} of the whole request. {@link ChatCompletionAccumulator} merges chunks into a {@link
 * ChatCompletion}.
 */
public final class ChatCompletionChunk extends JsonModel {
  private ChatCompletionChunk(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletionChunk fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletionChunk(Json.freezeMap(json));
  }

  /** Returns a new builder, mainly for tests and fakes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this chunk. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the id of the completion, the same in every chunk. */
  public String id() {
    return string("id");
  }

  /** Returns the object type, always {@code "chat.completion.chunk"}. */
  public String object() {
    return string("object");
  }

  /** Returns when the completion was created, in Unix seconds; the same in every chunk. */
  public long created() {
    return longValue("created");
  }

  /** Returns the model generating the completion. */
  public String model() {
    return string("model");
  }

  /** Returns the choice deltas; empty in the final usage chunk. */
  public List<Choice> choices() {
    return objectList("choices", Choice::fromJson);
  }

  /** Returns the usage of the whole request, present only in the final usage chunk, else null. */
  public @Nullable CompletionUsage usage() {
    return objectOrNull("usage", CompletionUsage::fromJson);
  }

  /** Returns the fingerprint of the backend configuration, or null if not sent. */
  public @Nullable String systemFingerprint() {
    return stringOrNull("system_fingerprint");
  }

  /** Returns the service tier that served the request, or null if not sent. */
  public @Nullable ServiceTier serviceTier() {
    return enumOrNull("service_tier", ServiceTier::of);
  }

  /**
   * Returns the random padding that evens out the sizes of streamed chunks (a mitigation of
   * side-channel attacks), or null when {@code stream_options.include_obfuscation} was false. It
   * carries no content.
   */
  public @Nullable String obfuscation() {
    return stringOrNull("obfuscation");
  }

  /** Returns the results of the moderation asked for in the request, or null if this chunk has none. */
  public @Nullable ChatCompletionModeration moderation() {
    return objectOrNull("moderation", ChatCompletionModeration::fromJson);
  }

  /** The delta of one choice in a {@link ChatCompletionChunk}. */
  public static final class Choice extends JsonModel {
    private Choice(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static Choice fromJson(Map<String, @Nullable Object> json) {
      return new Choice(Json.freezeMap(json));
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Returns the index of the choice this delta belongs to. */
    public long index() {
      return longValue("index");
    }

    /** Returns what the message gained since the previous chunk. */
    public Delta delta() {
      return object("delta", Delta::fromJson);
    }

    /** Returns why the model stopped, in the last chunk of the choice; null before. */
    public @Nullable FinishReason finishReason() {
      return enumOrNull("finish_reason", FinishReason::of);
    }

    /** Returns the log probabilities of this delta's tokens as a JSON object tree, or null. */
    public @Nullable Map<String, @Nullable Object> logprobs() {
      return objectOrNull("logprobs", m -> m);
    }

    /** A builder of {@link Choice}. */
    public static final class Builder extends JsonModel.Builder<Builder, Choice> {
      private Builder() {}

      /** Sets the index of the choice. */
      public Builder index(long index) {
        return set("index", index);
      }

      /** Sets the delta. */
      public Builder delta(Delta delta) {
        return set("delta", delta);
      }

      /** Sets the finish reason; null removes it. */
      public Builder finishReason(@Nullable FinishReason finishReason) {
        return set("finish_reason", finishReason);
      }

      /** Returns the choice. */
      @Override
      public Choice build() {
        return new Choice(frozenJson());
      }
    }
  }

  /** What a message gained in one chunk; every field is absent when it did not change. */
  public static final class Delta extends JsonModel {
    private Delta(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static Delta fromJson(Map<String, @Nullable Object> json) {
      return new Delta(Json.freezeMap(json));
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Returns the role of the author, sent in the first chunk of a choice, else null. */
    public @Nullable String role() {
      return stringOrNull("role");
    }

    /** Returns the next fragment of the message text, or null. */
    public @Nullable String content() {
      return stringOrNull("content");
    }

    /** Returns the next fragment of the refusal message, or null. */
    public @Nullable String refusal() {
      return stringOrNull("refusal");
    }

    /** Returns the fragments of tool calls in this chunk; empty if none. */
    public List<ToolCallDelta> toolCalls() {
      return objectList("tool_calls", ToolCallDelta::fromJson);
    }

    /** A builder of {@link Delta}. */
    public static final class Builder extends JsonModel.Builder<Builder, Delta> {
      private Builder() {}

      /** Sets the role; null removes it. */
      public Builder role(@Nullable String role) {
        return set("role", role);
      }

      /** Sets the text fragment; null removes it. */
      public Builder content(@Nullable String content) {
        return set("content", content);
      }

      /** Sets the refusal fragment; null removes it. */
      public Builder refusal(@Nullable String refusal) {
        return set("refusal", refusal);
      }

      /** Appends a tool call fragment. */
      public Builder addToolCall(ToolCallDelta toolCall) {
        return append("tool_calls", toolCall);
      }

      /** Returns the delta. */
      @Override
      public Delta build() {
        return new Delta(frozenJson());
      }
    }
  }

  /**
   * A fragment of a tool call, identified by its {@link #index()} in the message. The first fragment
   * of a call carries its id, type and function name; the arguments arrive in pieces to append.
   */
  public static final class ToolCallDelta extends JsonModel {
    private ToolCallDelta(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static ToolCallDelta fromJson(Map<String, @Nullable Object> json) {
      return new ToolCallDelta(Json.freezeMap(json));
    }

    /** Returns a new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Returns the index of the tool call in the message. */
    public long index() {
      return longValue("index");
    }

    /** Returns the id of the tool call, sent in its first fragment, else null. */
    public @Nullable String id() {
      return stringOrNull("id");
    }

    /** Returns the tool type ({@code "function"}), sent in the first fragment, else null. */
    public @Nullable String type() {
      return stringOrNull("type");
    }

    /** Returns the function name, sent in the first fragment, else null. */
    public @Nullable String functionName() {
      FunctionDelta function = function();
      return function == null ? null : function.name();
    }

    /** Returns the next fragment of the JSON arguments, or null. */
    public @Nullable String functionArguments() {
      FunctionDelta function = function();
      return function == null ? null : function.arguments();
    }

    /** Returns the function fragment, or null if this fragment has none. */
    public @Nullable FunctionDelta function() {
      return objectOrNull("function", FunctionDelta::fromJson);
    }

    /** A builder of {@link ToolCallDelta}. */
    public static final class Builder extends JsonModel.Builder<Builder, ToolCallDelta> {
      private Builder() {}

      /** Sets the index of the tool call. */
      public Builder index(long index) {
        return set("index", index);
      }

      /** Sets the id; null removes it. */
      public Builder id(@Nullable String id) {
        return set("id", id);
      }

      /** Sets the tool type; null removes it. */
      public Builder type(@Nullable String type) {
        return set("type", type);
      }

      /** Sets the function fragment: a name (first fragment only) and/or a piece of the arguments. */
      public Builder function(@Nullable String name, @Nullable String arguments) {
        Map<String, @Nullable Object> function = new LinkedHashMap<>();
        if (name != null) {
          function.put("name", name);
        }
        if (arguments != null) {
          function.put("arguments", arguments);
        }
        return set("function", function);
      }

      /** Returns the fragment. */
      @Override
      public ToolCallDelta build() {
        return new ToolCallDelta(frozenJson());
      }
    }
  }

  /** The function part of a {@link ToolCallDelta}. */
  public static final class FunctionDelta extends JsonModel {
    private FunctionDelta(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static FunctionDelta fromJson(Map<String, @Nullable Object> json) {
      return new FunctionDelta(Json.freezeMap(json));
    }

    /** Returns the function name, or null if this fragment has none. */
    public @Nullable String name() {
      return stringOrNull("name");
    }

    /** Returns the next piece of the JSON arguments, or null. */
    public @Nullable String arguments() {
      return stringOrNull("arguments");
    }
  }

  /** A builder of {@link ChatCompletionChunk}. */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionChunk> {
    private Builder() {
      set("object", "chat.completion.chunk");
    }

    private Builder(ChatCompletionChunk from) {
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

    /** Appends a choice delta. */
    public Builder addChoice(Choice choice) {
      return append("choices", choice);
    }

    /** Sets the usage; null removes it. */
    public Builder usage(@Nullable CompletionUsage usage) {
      return set("usage", usage);
    }

    /** Sets the system fingerprint; null removes it. */
    public Builder systemFingerprint(@Nullable String systemFingerprint) {
      return set("system_fingerprint", systemFingerprint);
    }

    /** Returns the chunk. */
    @Override
    public ChatCompletionChunk build() {
      return new ChatCompletionChunk(frozenJson());
    }
  }
}
