package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message the model generated in a chat completion. To send it back in the next request, as a
 * tool-calling loop must, use {@link ChatCompletionMessageParam#fromMessage(ChatCompletionMessage)}.
 */
public final class ChatCompletionMessage extends JsonModel {
  private ChatCompletionMessage(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletionMessage fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletionMessage(Json.freezeMap(json));
  }

  /** Returns a new builder of an assistant message. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this message. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the role of the author, {@code "assistant"}. */
  public String role() {
    return string("role");
  }

  /** Returns the text of the message, or null if there is none (e.g. only tool calls). */
  public @Nullable String content() {
    return stringOrNull("content");
  }

  /** Returns the refusal message of the model, or null if it did not refuse. */
  public @Nullable String refusal() {
    return stringOrNull("refusal");
  }

  /** Returns the tool calls the model made; empty if none. */
  public List<ChatCompletionMessageToolCall> toolCalls() {
    return objectList("tool_calls", ChatCompletionMessageToolCall::fromJson);
  }

  /**
   * Returns the annotations of the message as JSON object trees, e.g. {@code url_citation}s of web
   * search; empty if none.
   */
  public List<Map<String, @Nullable Object>> annotations() {
    return objectList("annotations", m -> m);
  }

  /**
   * Returns the audio response as a JSON object tree ({@code id}, {@code expires_at}, {@code data},
   * {@code transcript}), or null if audio output was not requested.
   */
  public @Nullable Map<String, @Nullable Object> audio() {
    return objectOrNull("audio", m -> m);
  }

  /** A builder of {@link ChatCompletionMessage}, mainly for tests and fakes. */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionMessage> {
    private Builder() {
      set("role", "assistant");
    }

    private Builder(ChatCompletionMessage from) {
      super(from);
    }

    /** Sets the role of the author; the default is {@code "assistant"}. */
    public Builder role(String role) {
      return set("role", role);
    }

    /** Sets the text of the message; null removes it. */
    public Builder content(@Nullable String content) {
      return set("content", content);
    }

    /** Sets the refusal message; null removes it. */
    public Builder refusal(@Nullable String refusal) {
      return set("refusal", refusal);
    }

    /** Replaces the tool calls. */
    public Builder toolCalls(List<ChatCompletionMessageToolCall> toolCalls) {
      return set("tool_calls", toolCalls);
    }

    /** Appends a tool call. */
    public Builder addToolCall(ChatCompletionMessageToolCall toolCall) {
      return append("tool_calls", toolCall);
    }

    /** Returns the message. */
    @Override
    public ChatCompletionMessage build() {
      return new ChatCompletionMessage(frozenJson());
    }
  }
}
