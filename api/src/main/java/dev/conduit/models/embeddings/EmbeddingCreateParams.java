package dev.conduit.models.embeddings;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of creating embeddings ({@code POST /embeddings}). The input is one text, a list of
 * texts, or a list of token arrays; one embedding is returned per input.
 *
 * <pre>{@code
 * EmbeddingCreateParams params = EmbeddingCreateParams.builder()
 *     .model("text-embedding-3-small")
 *     .input(List.of("first text", "second text"))
 *     .build();
 * }</pre>
 */
public final class EmbeddingCreateParams extends JsonModel {
  private EmbeddingCreateParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static EmbeddingCreateParams fromJson(Map<String, @Nullable Object> json) {
    return new EmbeddingCreateParams(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these parameters. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the model id, e.g. {@code "text-embedding-3-small"}. */
  public String model() {
    return string("model");
  }

  /**
   * Returns the input as a JSON tree: a {@code String}, a {@code List} of strings, or a {@code List}
   * of {@code List}s of {@code Long} tokens; null if not set.
   */
  public @Nullable Object input() {
    return jsonField("input");
  }

  /** Returns the number of dimensions of the embeddings, or null if not set. */
  public @Nullable Long dimensions() {
    return longOrNull("dimensions");
  }

  /** Returns the encoding format, or null if not set (the API defaults to float). */
  public @Nullable EmbeddingEncodingFormat encodingFormat() {
    return enumOrNull("encoding_format", EmbeddingEncodingFormat::of);
  }

  /** Returns the end-user id, or null if not set. */
  public @Nullable String user() {
    return stringOrNull("user");
  }

  /** A builder of {@link EmbeddingCreateParams}; {@link #build()} requires a model and an input. */
  public static final class Builder extends JsonModel.Builder<Builder, EmbeddingCreateParams> {
    private Builder() {}

    private Builder(EmbeddingCreateParams from) {
      super(from);
    }

    /** Sets the model id. */
    public Builder model(String model) {
      return set("model", Objects.requireNonNull(model, "model == null"));
    }

    /** Sets one text to embed; it must not be empty. */
    public Builder input(String input) {
      return set("input", Objects.requireNonNull(input, "input == null"));
    }

    /** Sets several texts to embed, at most 2048; one embedding is returned per text. */
    public Builder input(List<String> inputs) {
      Objects.requireNonNull(inputs, "inputs == null");
      return set("input", inputs);
    }

    /** Sets several inputs given as token arrays, at most 2048; one embedding is returned per array. */
    public Builder inputTokens(List<? extends List<Long>> tokens) {
      Objects.requireNonNull(tokens, "tokens == null");
      return set("input", tokens);
    }

    /**
     * Sets the number of dimensions of the embeddings ({@code text-embedding-3} and later).
     *
     * @throws IllegalArgumentException if {@code dimensions < 1}
     */
    public Builder dimensions(long dimensions) {
      if (dimensions < 1) {
        throw new IllegalArgumentException("dimensions < 1: " + dimensions);
      }
      return set("dimensions", dimensions);
    }

    /**
     * Sets the wire format of the vectors. {@link EmbeddingEncodingFormat#BASE64} makes responses
     * about four times smaller; {@link Embedding#embedding()} decodes either.
     */
    public Builder encodingFormat(@Nullable EmbeddingEncodingFormat encodingFormat) {
      return set("encoding_format", encodingFormat);
    }

    /** Sets an end-user id for abuse monitoring; null removes it. */
    public Builder user(@Nullable String user) {
      return set("user", user);
    }

    /**
     * Returns the parameters.
     *
     * @throws IllegalStateException if the model or the input was not set
     */
    @Override
    public EmbeddingCreateParams build() {
      require("model");
      require("input");
      return new EmbeddingCreateParams(frozenJson());
    }
  }
}
