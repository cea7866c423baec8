@file:JvmName("Flows")

package dev.conduit.kotlin

import dev.conduit.core.AsyncPage
import dev.conduit.models.chat.ChatCompletion
import dev.conduit.models.chat.ChatCompletionAccumulator
import dev.conduit.models.chat.ChatCompletionChunk
import dev.conduit.models.responses.Response
import dev.conduit.models.responses.ResponseAccumulator
import dev.conduit.models.responses.ResponseReasoningSummaryTextDeltaEvent
import dev.conduit.models.responses.ResponseReasoningTextDeltaEvent
import dev.conduit.models.responses.ResponseStreamEvent
import dev.conduit.models.responses.ResponseTextDeltaEvent
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.mapNotNull
import kotlinx.coroutines.future.await

/**
 * Returns every item from this page on as a cold flow that fetches the next page only when its
 * collector asks for an item past the end of the current one: a collector that stops early (for
 * example with `take(n)`) never causes a page it does not reach to be fetched. Cancelling the
 * collector cancels a page request in flight.
 *
 * Each collection starts again from this page. A failed page request throws the same exception
 * as the Java client, such as [dev.conduit.errors.RateLimitException].
 */
public fun <T : Any> AsyncPage<T>.asFlow(): Flow<T> {
  val first = this
  return flow {
    var page = first
    while (true) {
      for (item in page.data()) {
        emit(item)
      }
      if (!page.hasNextPage()) {
        break
      }
      page = page.nextPage().await()
    }
  }
}

/**
 * Returns the output text deltas of this stream of Responses API events, in order; the other
 * events are skipped. Collecting the result collects (and so sends) the stream.
 *
 * ```kotlin
 * client.responses().stream(params).textDeltas().collect { print(it) }
 * ```
 */
@JvmName("responseTextDeltas")
public fun Flow<ResponseStreamEvent>.textDeltas(): Flow<String> =
  mapNotNull { (it as? ResponseTextDeltaEvent)?.delta() }

/**
 * Returns the reasoning deltas of this stream of Responses API events: the raw reasoning text and
 * the reasoning summary text, in the order they arrive. Models show only what the request asked
 * for (see [dev.conduit.models.responses.Reasoning.summary]).
 */
public fun Flow<ResponseStreamEvent>.reasoningDeltas(): Flow<String> = mapNotNull {
  when (it) {
    is ResponseReasoningTextDeltaEvent -> it.delta()
    is ResponseReasoningSummaryTextDeltaEvent -> it.delta()
    else -> null
  }
}

/**
 * Collects this stream of Responses API events and returns the response they describe, folded by a
 * [ResponseAccumulator]. Combine it with `onEach` to show deltas as they arrive:
 *
 * ```kotlin
 * val response = client.responses().stream(params)
 *     .onEach { if (it is ResponseTextDeltaEvent) print(it.delta()) }
 *     .toResponse()
 * ```
 *
 * @throws dev.conduit.errors.StreamException if the server sends an error event, or the stream is
 *     truncated or malformed
 * @throws IllegalStateException if the flow carried no event describing a response
 */
public suspend fun Flow<ResponseStreamEvent>.toResponse(): Response {
  val accumulator = ResponseAccumulator()
  collect { accumulator.accept(it) }
  return accumulator.finalResponse()
}

/**
 * Returns the content deltas of the first choice of this stream of chat completion chunks, in order;
 * empty deltas, other choices and usage-only chunks are skipped.
 */
@JvmName("chatTextDeltas")
public fun Flow<ChatCompletionChunk>.textDeltas(): Flow<String> = mapNotNull { chunk ->
  val content = chunk.choices().firstOrNull { it.index() == 0L }?.delta()?.content()
  if (content.isNullOrEmpty()) null else content
}

/**
 * Collects this stream of chat completion chunks and returns the completion they add up to, merged
 * by a [ChatCompletionAccumulator].
 *
 * @throws dev.conduit.errors.StreamException if the stream is truncated or malformed
 * @throws IllegalStateException if the flow carried no chunk
 */
public suspend fun Flow<ChatCompletionChunk>.toCompletion(): ChatCompletion {
  val accumulator = ChatCompletionAccumulator()
  collect { accumulator.accept(it) }
  return accumulator.finalCompletion()
}
