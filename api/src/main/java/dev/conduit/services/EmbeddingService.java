package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.models.embeddings.CreateEmbeddingResponse;
import dev.conduit.models.embeddings.EmbeddingCreateParams;

/** The {@code /embeddings} endpoint. Obtain with {@code client.embeddings()}. */
public interface EmbeddingService {
  /**
   * Creates embedding vectors for the input. Unless the params choose an encoding, Conduit asks for
   * base64 (smaller and faster to decode); either way {@code Embedding.embedding()} is a {@code float[]}.
   */
  CreateEmbeddingResponse create(EmbeddingCreateParams params, RequestOptions options);

  /** Creates embedding vectors for the input; see {@link #create(EmbeddingCreateParams, RequestOptions)}. */
  default CreateEmbeddingResponse create(EmbeddingCreateParams params) {
    return create(params, RequestOptions.none());
  }
}
