package dev.conduit.kotlin

import dev.conduit.RequestOptions
import dev.conduit.kotlin.internal.pagedFlow
import dev.conduit.kotlin.internal.publisherFlow
import dev.conduit.kotlin.internal.requireRecords
import dev.conduit.models.responses.InputItemListParams
import dev.conduit.models.responses.Response
import dev.conduit.models.responses.ResponseCreateParams
import dev.conduit.models.responses.ResponseItem
import dev.conduit.models.responses.ResponseStreamEvent
import dev.conduit.services.InputItemServiceAsync
import dev.conduit.services.ResponseServiceAsync
import dev.conduit.structured.ParsedResponse
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.future.await

/** The `/responses` endpoints of the Responses API for coroutines; the twin of [ResponseServiceAsync]. */
public class CoroutineResponseService internal constructor(private val service: ResponseServiceAsync) {
  private val inputItems = CoroutineInputItemService(service.inputItems())

  /** Creates a model response. */
  public suspend fun create(params: ResponseCreateParams, options: RequestOptions = RequestOptions.none()): Response =
    service.create(params, options).await()

  /**
   * Returns the events of a streamed response as a cold flow: each collection sends the request and
   * reads the events as the collector takes them. Stopping early aborts the exchange.
   *
   * ```kotlin
   * client.responses().stream(params).textDeltas().collect { print(it) }
   * val response = client.responses().stream(params).toResponse()
   * ```
   *
   * An error status is thrown by the collection before any event, as the exception the Java client
   * throws; an error event, or a stream cut short, throws [dev.conduit.errors.StreamException]. See
   * [textDeltas], [reasoningDeltas] and [toResponse] for views of the events.
   */
  public fun stream(
    params: ResponseCreateParams,
    options: RequestOptions = RequestOptions.none(),
  ): Flow<ResponseStreamEvent> = publisherFlow { service.stream(params, options) }

  /**
   * Creates a response whose output is JSON fitting the strict schema derived from [type], and
   * returns it decoded as [type], or the model's refusal. [type] must be a record: in Kotlin, a data
   * class annotated with `@JvmRecord` (as must be every data class it contains). Prefer the reified
   * overload, `parse<Recipe>(params)`.
   *
   * A component declared with Kotlin's `?` alone is still required and non-null in the schema,
   * because the `?` is not visible to Java reflection; the model always fills it in.
   *
   * @throws IllegalArgumentException if [type] is not a record, reaches a Kotlin class that is not
   *     one, or uses a type strict structured outputs cannot express
   * @throws dev.conduit.errors.InvalidResponseException if the output does not decode as [type]
   */
  public suspend fun <T : Any> parse(
    params: ResponseCreateParams,
    type: Class<T>,
    options: RequestOptions = RequestOptions.none(),
  ): ParsedResponse<T> {
    requireRecords(type, "structured output")
    return service.parse(params, type, options).await()
  }

  /**
   * Creates a response whose output is JSON fitting the strict schema of [T], a `@JvmRecord` data
   * class, and returns it decoded, or the model's refusal:
   *
   * ```kotlin
   * @JvmRecord data class Recipe(val title: String, val steps: List<String>)
   *
   * val recipe: Recipe? = client.responses().parse<Recipe>(params).output()
   * ```
   *
   * @throws IllegalArgumentException as [parse] with a class does
   */
  public suspend inline fun <reified T : Any> parse(
    params: ResponseCreateParams,
    options: RequestOptions = RequestOptions.none(),
  ): ParsedResponse<T> = parse(params, T::class.java, options)

  /**
   * Retrieves a stored response.
   *
   * @throws dev.conduit.errors.NotFoundException if there is no response [responseId]
   */
  public suspend fun retrieve(responseId: String, options: RequestOptions = RequestOptions.none()): Response =
    service.retrieve(responseId, options).await()

  /**
   * Deletes a stored response.
   *
   * @throws dev.conduit.errors.NotFoundException if there is no response [responseId]
   */
  public suspend fun delete(responseId: String, options: RequestOptions = RequestOptions.none()) {
    service.delete(responseId, options).await()
  }

  /** Cancels a background response that is still running and returns it. */
  public suspend fun cancel(responseId: String, options: RequestOptions = RequestOptions.none()): Response =
    service.cancel(responseId, options).await()

  /** The input items of stored responses. */
  public fun inputItems(): CoroutineInputItemService = inputItems
}

/** The input items of stored responses for coroutines; the twin of [InputItemServiceAsync]. */
public class CoroutineInputItemService internal constructor(private val service: InputItemServiceAsync) {
  /**
   * Returns the input items of the stored response [responseId] as a cold flow, fetching pages as
   * the collector reaches them.
   */
  public fun list(
    responseId: String,
    params: InputItemListParams = InputItemListParams.builder().build(),
    options: RequestOptions = RequestOptions.none(),
  ): Flow<ResponseItem> = pagedFlow { service.list(responseId, params, options) }
}
