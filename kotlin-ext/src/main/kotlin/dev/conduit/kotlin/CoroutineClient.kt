package dev.conduit.kotlin

import dev.conduit.OpenAIClient
import dev.conduit.OpenAIClientAsync
import dev.conduit.RawResponse
import dev.conduit.services.WebhookService
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.future.future

/**
 * Conduit's client for Kotlin coroutines: the resources and method names of [OpenAIClientAsync],
 * with `suspend` functions instead of futures and cold [kotlinx.coroutines.flow.Flow]s instead of
 * publishers. It returns the same model types and throws the same exceptions as the Java clients.
 *
 * ```kotlin
 * val client = OpenAIClient.fromEnv().coroutines()
 * val answer = client.responses().create(responseCreateParams {
 *     model = "gpt-5"
 *     input("Write a haiku about coroutines.")
 * })
 * println(answer.outputText())
 *
 * client.responses().stream(params).textDeltas().collect { print(it) }   // streamed
 * client.files().list().collect { println(it.filename()) }               // every page, lazily
 * ```
 *
 * Every `suspend` function is cancellable: cancelling the calling coroutine returns at once and
 * cancels the request's future, which [OpenAIClientAsync] turns into an aborted exchange. Every
 * `Flow` is cold: nothing is sent until it is collected, each collection sends its own request, and
 * the collector's pace is the backpressure (a stream holds at most a bounded buffer of events ahead
 * of it). A collector that stops early, by cancellation, an exception or an operator such as
 * `take(n)` or `first()`, aborts the exchange and releases its connection.
 *
 * Obtain one with [OpenAIClient.coroutines], [OpenAIClientAsync.coroutines] or [fromEnv]. It is a
 * thin view: it shares the Java client's pool and settings, is thread-safe, and closing it closes
 * that pool (see [close]).
 */
public class CoroutineClient internal constructor(private val client: OpenAIClientAsync) : AutoCloseable {
  private val models = CoroutineModelService(client.models())
  private val responses = CoroutineResponseService(client.responses())
  private val chat = CoroutineChatService(client.chat())
  private val embeddings = CoroutineEmbeddingService(client.embeddings())
  private val files = CoroutineFileService(client.files())

  /** The `/models` endpoints. */
  public fun models(): CoroutineModelService = models

  /** The `/responses` endpoints of the Responses API. */
  public fun responses(): CoroutineResponseService = responses

  /** The `/chat` endpoints; `chat().completions()` for chat completions. */
  public fun chat(): CoroutineChatService = chat

  /** The `/embeddings` endpoint. */
  public fun embeddings(): CoroutineEmbeddingService = embeddings

  /** The `/files` endpoints. */
  public fun files(): CoroutineFileService = files

  /**
   * Verification and decoding of webhook deliveries: the Java clients' own service, since the work
   * is local and never suspends.
   */
  public fun webhooks(): WebhookService = client.webhooks()

  /** Returns the asynchronous Java client this one wraps, sharing its pool and settings. */
  public fun async(): OpenAIClientAsync = client

  /**
   * Returns a client with the same pool and changed settings, as [OpenAIClient.withOptions] does:
   *
   * ```kotlin
   * val patient = client.withOptions { maxRetries(5) }
   * ```
   */
  public fun withOptions(change: OpenAIClient.Builder.() -> Unit): CoroutineClient =
    CoroutineClient(client.withOptions { it.change() })

  /**
   * Runs [call] with a client scoped to it and returns its result together with the status and
   * headers of the HTTP response it came from (the last one, if [call] made several requests).
   *
   * ```kotlin
   * val raw = client.withRawResponse { it.responses().create(params) }
   * println(raw.requestId())
   * ```
   *
   * [call] must complete its request before it returns: a `Flow` returned uncollected made none.
   *
   * @throws IllegalStateException if [call] made no request through the client it was given
   */
  public suspend fun <T : Any> withRawResponse(call: suspend (CoroutineClient) -> T): RawResponse<T> =
    coroutineScope {
      client.withRawResponse { scoped -> future { call(CoroutineClient(scoped)) } }.await()
    }

  /** Closes the shared pool, as [OpenAIClient.close] does; clients derived from it stop working. */
  override fun close() {
    client.close()
  }

  override fun toString(): String = "CoroutineClient" + client.toString().removePrefix("OpenAIClientAsync")

  /** Factories of [CoroutineClient]. */
  public companion object {
    /**
     * Returns a client configured from the environment (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, ...);
     * see [OpenAIClient.fromEnv].
     *
     * @throws dev.conduit.errors.ConfigurationException if the environment lacks an API key, or no
     *     transport or JSON codec is on the classpath
     */
    @JvmStatic
    public fun fromEnv(): CoroutineClient = CoroutineClient(OpenAIClientAsync.fromEnv())
  }
}

/** Returns a coroutine view of this client, sharing its pool and settings. */
public fun OpenAIClientAsync.coroutines(): CoroutineClient = CoroutineClient(this)

/** Returns a coroutine view of this client's asynchronous twin, sharing its pool and settings. */
public fun OpenAIClient.coroutines(): CoroutineClient = CoroutineClient(async())
