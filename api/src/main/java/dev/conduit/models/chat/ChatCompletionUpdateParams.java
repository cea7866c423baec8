package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The parameters of updating a stored chat completion ({@code POST /chat/completions/{id}}). */
public final class ChatCompletionUpdateParams extends JsonModel {
  private ChatCompletionUpdateParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletionUpdateParams fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletionUpdateParams(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these parameters. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the new metadata of the completion. */
  public Map<String, String> metadata() {
    return stringMap("metadata");
  }

  /** A builder of {@link ChatCompletionUpdateParams}; {@link #build()} requires the metadata. */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionUpdateParams> {
    private Builder() {}

    private Builder(ChatCompletionUpdateParams from) {
      super(from);
    }

    /** Sets the metadata, up to 16 string pairs, which replaces the stored metadata. */
    public Builder metadata(Map<String, String> metadata) {
      return set("metadata", Objects.requireNonNull(metadata, "metadata == null"));
    }

    /**
     * Returns the parameters.
     *
     * @throws IllegalStateException if no metadata was set
     */
    @Override
    public ChatCompletionUpdateParams build() {
      require("metadata");
      return new ChatCompletionUpdateParams(frozenJson());
    }
  }
}
