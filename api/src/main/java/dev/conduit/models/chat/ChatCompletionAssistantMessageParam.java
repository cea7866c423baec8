package dev.conduit.models.chat;

import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An assistant message: an earlier answer of the model, sent back as conversation history. To echo
 * a generated {@link ChatCompletionMessage}, use {@link ChatCompletionMessageParam#fromMessage}.
 */
public final class ChatCompletionAssistantMessageParam extends ChatCompletionMessageParam {
  ChatCompletionAssistantMessageParam(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a new builder; the role is set to {@code "assistant"}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this message. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the refusal message, or null if none. */
  public @Nullable String refusal() {
    return stringOrNull("refusal");
  }

  /** Returns the optional participant name, or null if not set. */
  public @Nullable String name() {
    return stringOrNull("name");
  }

  /** Returns the tool calls the model made in this message; empty if none. */
  public List<ChatCompletionMessageToolCall> toolCalls() {
    return objectList("tool_calls", ChatCompletionMessageToolCall::fromJson);
  }

  /** Returns the id of an earlier audio response this message refers to, or null if none. */
  public @Nullable String audioId() {
    Object audio = jsonField("audio");
    return audio instanceof Map && ((Map<?, ?>) audio).get("id") instanceof String
        ? (String) ((Map<?, ?>) audio).get("id")
        : null;
  }

  /** A builder of {@link ChatCompletionAssistantMessageParam}. Every field is optional. */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionAssistantMessageParam> {
    private Builder() {
      set("role", "assistant");
    }

    private Builder(ChatCompletionAssistantMessageParam from) {
      super(from);
    }

    /** Sets the content to plain text; null removes it (allowed when there are tool calls). */
    public Builder content(@Nullable String content) {
      return set("content", content);
    }

    /** Sets the content to a list of parts: text parts, or exactly one refusal part. */
    public Builder contentParts(List<? extends ChatCompletionContentPart> parts) {
      return set("content", parts);
    }

    /** Appends a content part; content previously set as plain text is replaced. */
    public Builder addContentPart(ChatCompletionContentPart part) {
      return append("content", part);
    }

    /** Sets the refusal message; null removes it. */
    public Builder refusal(@Nullable String refusal) {
      return set("refusal", refusal);
    }

    /** Sets an optional participant name; null removes it. */
    public Builder name(@Nullable String name) {
      return set("name", name);
    }

    /** Replaces the tool calls. */
    public Builder toolCalls(List<ChatCompletionMessageToolCall> toolCalls) {
      return set("tool_calls", toolCalls);
    }

    /** Appends a tool call. */
    public Builder addToolCall(ChatCompletionMessageToolCall toolCall) {
      return append("tool_calls", toolCall);
    }

    /** Refers to an earlier audio response of the model by its id; null removes it. */
    public Builder audioId(@Nullable String audioId) {
      return set("audio", audioId == null ? null : Map.of("id", audioId));
    }

    /** Returns the message. */
    @Override
    public ChatCompletionAssistantMessageParam build() {
      return new ChatCompletionAssistantMessageParam(frozenJson());
    }
  }
}
