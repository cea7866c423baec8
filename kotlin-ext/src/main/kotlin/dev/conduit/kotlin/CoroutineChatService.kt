package dev.conduit.kotlin

import dev.conduit.RequestOptions
import dev.conduit.kotlin.internal.pagedFlow
import dev.conduit.kotlin.internal.publisherFlow
import dev.conduit.kotlin.internal.requireRecords
import dev.conduit.models.chat.ChatCompletion
import dev.conduit.models.chat.ChatCompletionChunk
import dev.conduit.models.chat.ChatCompletionCreateParams
import dev.conduit.models.chat.ChatCompletionDeleted
import dev.conduit.models.chat.ChatCompletionListParams
import dev.conduit.models.chat.ChatCompletionMessageListParams
import dev.conduit.models.chat.ChatCompletionStoreMessage
import dev.conduit.models.chat.ChatCompletionUpdateParams
import dev.conduit.services.ChatCompletionServiceAsync
import dev.conduit.services.ChatServiceAsync
import dev.conduit.structured.ParsedChatCompletion
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.future.await

/** The `/chat` endpoints for coroutines; the twin of [ChatServiceAsync]. */
public class CoroutineChatService internal constructor(service: ChatServiceAsync) {
  private val completions = CoroutineChatCompletionService(service.completions())

  /** The `/chat/completions` endpoints. */
  public fun completions(): CoroutineChatCompletionService = completions
}

/** The `/chat/completions` endpoints for coroutines; the twin of [ChatCompletionServiceAsync]. */
public class CoroutineChatCompletionService internal constructor(private val service: ChatCompletionServiceAsync) {
  /** Creates a chat completion. */
  public suspend fun create(
    params: ChatCompletionCreateParams,
    options: RequestOptions = RequestOptions.none(),
  ): ChatCompletion = service.create(params, options).await()

  /**
   * Returns the chunks of a streamed chat completion as a cold flow: each collection sends the
   * request and reads the chunks as the collector takes them. Stopping early aborts the exchange.
   *
   * ```kotlin
   * client.chat().completions().stream(params).textDeltas().collect { print(it) }
   * ```
   *
   * An error status is thrown by the collection before any chunk, as the exception the Java client
   * throws; a stream cut short throws [dev.conduit.errors.StreamException]. See [textDeltas] and
   * [toCompletion] for views of the chunks.
   */
  public fun stream(
    params: ChatCompletionCreateParams,
    options: RequestOptions = RequestOptions.none(),
  ): Flow<ChatCompletionChunk> = publisherFlow { service.stream(params, options) }

  /**
   * Creates a chat completion whose content is JSON fitting the strict schema derived from [type],
   * and returns the first choice decoded as [type], or its refusal. [type] must be a record: in
   * Kotlin, a data class annotated with `@JvmRecord` (as must be every data class it contains).
   * Prefer the reified overload, `parse<Recipe>(params)`.
   *
   * A component declared with Kotlin's `?` alone is still required and non-null in the schema,
   * because the `?` is not visible to Java reflection; the model always fills it in.
   *
   * @throws IllegalArgumentException if [type] is not a record, reaches a Kotlin class that is not
   *     one, or uses a type strict structured outputs cannot express
   * @throws dev.conduit.errors.InvalidResponseException if the content does not decode as [type]
   */
  public suspend fun <T : Any> parse(
    params: ChatCompletionCreateParams,
    type: Class<T>,
    options: RequestOptions = RequestOptions.none(),
  ): ParsedChatCompletion<T> {
    requireRecords(type, "structured output")
    return service.parse(params, type, options).await()
  }

  /**
   * Creates a chat completion whose content is JSON fitting the strict schema of [T], a `@JvmRecord`
   * data class, and returns it decoded, or the model's refusal.
   *
   * @throws IllegalArgumentException as [parse] with a class does
   */
  public suspend inline fun <reified T : Any> parse(
    params: ChatCompletionCreateParams,
    options: RequestOptions = RequestOptions.none(),
  ): ParsedChatCompletion<T> = parse(params, T::class.java, options)

  /**
   * Returns the stored chat completions as a cold flow, fetching pages as the collector reaches
   * them.
   */
  public fun list(
    params: ChatCompletionListParams = ChatCompletionListParams.none(),
    options: RequestOptions = RequestOptions.none(),
  ): Flow<ChatCompletion> = pagedFlow { service.list(params, options) }

  /**
   * Retrieves a stored chat completion.
   *
   * @throws dev.conduit.errors.NotFoundException if there is no stored completion [completionId]
   */
  public suspend fun retrieve(completionId: String, options: RequestOptions = RequestOptions.none()): ChatCompletion =
    service.retrieve(completionId, options).await()

  /** Updates a stored chat completion's metadata and returns the updated completion. */
  public suspend fun update(
    completionId: String,
    params: ChatCompletionUpdateParams,
    options: RequestOptions = RequestOptions.none(),
  ): ChatCompletion = service.update(completionId, params, options).await()

  /** Deletes a stored chat completion. */
  public suspend fun delete(
    completionId: String,
    options: RequestOptions = RequestOptions.none(),
  ): ChatCompletionDeleted = service.delete(completionId, options).await()

  /**
   * Returns the messages of the stored chat completion [completionId] as a cold flow, fetching pages
   * as the collector reaches them.
   */
  public fun listMessages(
    completionId: String,
    params: ChatCompletionMessageListParams = ChatCompletionMessageListParams.none(),
    options: RequestOptions = RequestOptions.none(),
  ): Flow<ChatCompletionStoreMessage> = pagedFlow { service.listMessages(completionId, params, options) }
}
