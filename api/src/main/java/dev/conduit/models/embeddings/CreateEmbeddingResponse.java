package dev.conduit.models.embeddings;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The answer to creating embeddings: one {@link Embedding} per input, in input order. */
public final class CreateEmbeddingResponse extends JsonModel {
  private CreateEmbeddingResponse(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static CreateEmbeddingResponse fromJson(Map<String, @Nullable Object> json) {
    return new CreateEmbeddingResponse(Json.freezeMap(json));
  }

  /** Returns a new builder, mainly for tests and fakes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this response. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the object type, always {@code "list"}. */
  public String object() {
    return string("object");
  }

  /** Returns the embeddings, one per input. */
  public List<Embedding> data() {
    return objectList("data", Embedding::fromJson);
  }

  /** Returns the model that generated the embeddings. */
  public String model() {
    return string("model");
  }

  /** Returns the token usage of the request. */
  public Usage usage() {
    return object("usage", Usage::fromJson);
  }

  /** The token usage of an embeddings request. */
  public static final class Usage extends JsonModel {
    private Usage(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static Usage fromJson(Map<String, @Nullable Object> json) {
      return new Usage(Json.freezeMap(json));
    }

    /** Returns usage of {@code promptTokens} and {@code totalTokens}. */
    public static Usage of(long promptTokens, long totalTokens) {
      Map<String, @Nullable Object> json = new LinkedHashMap<>();
      json.put("prompt_tokens", promptTokens);
      json.put("total_tokens", totalTokens);
      return new Usage(Json.freezeMap(json));
    }

    /** Returns the number of tokens in the inputs. */
    public long promptTokens() {
      return longValue("prompt_tokens");
    }

    /** Returns the total number of tokens used. */
    public long totalTokens() {
      return longValue("total_tokens");
    }
  }

  /** A builder of {@link CreateEmbeddingResponse}. */
  public static final class Builder extends JsonModel.Builder<Builder, CreateEmbeddingResponse> {
    private Builder() {
      set("object", "list");
    }

    private Builder(CreateEmbeddingResponse from) {
      super(from);
    }

    /** Replaces the embeddings. */
    public Builder data(List<Embedding> data) {
      return set("data", data);
    }

    /** Appends an embedding. */
    public Builder addData(Embedding embedding) {
      return append("data", embedding);
    }

    /** Sets the model. */
    public Builder model(String model) {
      return set("model", model);
    }

    /** Sets the usage. */
    public Builder usage(Usage usage) {
      return set("usage", usage);
    }

    /** Returns the response. */
    @Override
    public CreateEmbeddingResponse build() {
      return new CreateEmbeddingResponse(frozenJson());
    }
  }
}
