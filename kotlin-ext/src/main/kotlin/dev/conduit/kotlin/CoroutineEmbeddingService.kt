package dev.conduit.kotlin

import dev.conduit.RequestOptions
import dev.conduit.models.embeddings.CreateEmbeddingResponse
import dev.conduit.models.embeddings.EmbeddingCreateParams
import dev.conduit.services.EmbeddingServiceAsync
import kotlinx.coroutines.future.await

/** The `/embeddings` endpoint for coroutines; the twin of [EmbeddingServiceAsync]. */
public class CoroutineEmbeddingService internal constructor(private val service: EmbeddingServiceAsync) {
  /** Creates embedding vectors for the input of [params]. */
  public suspend fun create(
    params: EmbeddingCreateParams,
    options: RequestOptions = RequestOptions.none(),
  ): CreateEmbeddingResponse = service.create(params, options).await()
}
