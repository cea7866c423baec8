package dev.conduit.models.chat;

import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A tool message: the result of a tool call, sent back to the model after the call's message. */
public final class ChatCompletionToolMessageParam extends ChatCompletionMessageParam {
  ChatCompletionToolMessageParam(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a new builder; the role is set to {@code "tool"}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this message. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the id of the tool call this message answers. */
  public String toolCallId() {
    return string("tool_call_id");
  }

  /** A builder of {@link ChatCompletionToolMessageParam}; {@link #build()} requires both fields. */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionToolMessageParam> {
    private Builder() {
      set("role", "tool");
    }

    private Builder(ChatCompletionToolMessageParam from) {
      super(from);
    }

    /** Sets the id of the tool call this message answers. */
    public Builder toolCallId(String toolCallId) {
      return set("tool_call_id", toolCallId);
    }

    /** Sets the content, the tool's result, to plain text. */
    public Builder content(String content) {
      return set("content", content);
    }

    /** Sets the content to a list of parts (text parts only). */
    public Builder contentParts(List<? extends ChatCompletionContentPart> parts) {
      return set("content", parts);
    }

    /**
     * Returns the message.
     *
     * @throws IllegalStateException if the tool call id or the content was not set
     */
    @Override
    public ChatCompletionToolMessageParam build() {
      require("tool_call_id");
      require("content");
      return new ChatCompletionToolMessageParam(frozenJson());
    }
  }
}
