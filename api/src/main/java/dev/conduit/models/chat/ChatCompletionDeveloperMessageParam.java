package dev.conduit.models.chat;

import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A developer message: instructions the model should follow regardless of user messages; replaces
 * system messages for o1 and newer models.
 */
public final class ChatCompletionDeveloperMessageParam extends ChatCompletionMessageParam {
  ChatCompletionDeveloperMessageParam(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a new builder; the role is set to {@code "developer"}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this message. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the optional participant name, or null if not set. */
  public @Nullable String name() {
    return stringOrNull("name");
  }

  /** A builder of {@link ChatCompletionDeveloperMessageParam}; {@link #build()} requires content. */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionDeveloperMessageParam> {
    private Builder() {
      set("role", "developer");
    }

    private Builder(ChatCompletionDeveloperMessageParam from) {
      super(from);
    }

    /** Sets the content to plain text. */
    public Builder content(String content) {
      return set("content", content);
    }

    /** Sets the content to a list of parts (text parts only). */
    public Builder contentParts(List<? extends ChatCompletionContentPart> parts) {
      return set("content", parts);
    }

    /** Appends a content part; content previously set as plain text is replaced. */
    public Builder addContentPart(ChatCompletionContentPart part) {
      return append("content", part);
    }

    /** Sets an optional name that tells participants of the same role apart; null removes it. */
    public Builder name(@Nullable String name) {
      return set("name", name);
    }

    /**
     * Returns the message.
     *
     * @throws IllegalStateException if no content was set
     */
    @Override
    public ChatCompletionDeveloperMessageParam build() {
      require("content");
      return new ChatCompletionDeveloperMessageParam(frozenJson());
    }
  }
}
