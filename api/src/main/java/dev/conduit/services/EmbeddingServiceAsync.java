package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.models.embeddings.CreateEmbeddingResponse;
import dev.conduit.models.embeddings.EmbeddingCreateParams;
import java.util.concurrent.CompletableFuture;

/** The asynchronous twin of {@link EmbeddingService}. */
public interface EmbeddingServiceAsync {
  /** Creates embedding vectors for the input; see {@link EmbeddingService#create(EmbeddingCreateParams, RequestOptions)}. */
  CompletableFuture<CreateEmbeddingResponse> create(EmbeddingCreateParams params, RequestOptions options);

  /** Creates embedding vectors for the input. */
  default CompletableFuture<CreateEmbeddingResponse> create(EmbeddingCreateParams params) {
    return create(params, RequestOptions.none());
  }
}
