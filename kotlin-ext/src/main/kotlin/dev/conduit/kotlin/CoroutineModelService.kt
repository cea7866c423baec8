package dev.conduit.kotlin

import dev.conduit.RequestOptions
import dev.conduit.kotlin.internal.pagedFlow
import dev.conduit.models.models.Model
import dev.conduit.models.models.ModelDeleted
import dev.conduit.services.ModelServiceAsync
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.future.await

/** The `/models` endpoints for coroutines; the twin of [ModelServiceAsync]. */
public class CoroutineModelService internal constructor(private val service: ModelServiceAsync) {
  /**
   * Returns the models available to the caller as a cold flow, fetching pages as the collector
   * reaches them.
   */
  public fun list(options: RequestOptions = RequestOptions.none()): Flow<Model> =
    pagedFlow { service.list(options) }

  /**
   * Retrieves one model.
   *
   * @throws dev.conduit.errors.NotFoundException if there is no model [model]
   */
  public suspend fun retrieve(model: String, options: RequestOptions = RequestOptions.none()): Model =
    service.retrieve(model, options).await()

  /** Deletes a fine-tuned model you own. */
  public suspend fun delete(model: String, options: RequestOptions = RequestOptions.none()): ModelDeleted =
    service.delete(model, options).await()
}
