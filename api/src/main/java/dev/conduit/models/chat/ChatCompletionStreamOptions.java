package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Options of a streamed chat completion; sent only when streaming. */
public final class ChatCompletionStreamOptions extends JsonModel {
  private ChatCompletionStreamOptions(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletionStreamOptions fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletionStreamOptions(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns whether a last chunk with the usage of the whole request is streamed, or null. */
  public @Nullable Boolean includeUsage() {
    return booleanOrNull("include_usage");
  }

  /** Returns whether chunks carry random {@code obfuscation} padding, or null if not set. */
  public @Nullable Boolean includeObfuscation() {
    return booleanOrNull("include_obfuscation");
  }

  /** A builder of {@link ChatCompletionStreamOptions}. */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionStreamOptions> {
    private Builder() {}

    private Builder(ChatCompletionStreamOptions from) {
      super(from);
    }

    /**
     * Asks for an extra last chunk, with empty {@code choices}, whose {@code usage} covers the whole
     * request; null removes the setting.
     */
    public Builder includeUsage(@Nullable Boolean includeUsage) {
      return set("include_usage", includeUsage);
    }

    /** Turns the obfuscation padding of chunks on or off; null removes the setting. */
    public Builder includeObfuscation(@Nullable Boolean includeObfuscation) {
      return set("include_obfuscation", includeObfuscation);
    }

    /** Returns the options. */
    @Override
    public ChatCompletionStreamOptions build() {
      return new ChatCompletionStreamOptions(frozenJson());
    }
  }
}
