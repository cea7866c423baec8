package dev.conduit.services;

import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionChunk;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * An asynchronous streamed chat completion: a cold publisher of chunks (the request is sent on
 * subscription) with backpressure, plus the accumulated completion. One subscription, made through
 * {@link #subscribe}, {@link #textDeltas()} or {@link #finalCompletion()}.
 */
public interface AsyncChatCompletionStream extends Flow.Publisher<ChatCompletionChunk> {
  /** Returns a publisher of the first choice's content deltas; subscribing to it consumes this stream. */
  Flow.Publisher<String> textDeltas();

  /** Returns the accumulated completion, subscribing and reading every chunk if nobody has yet. */
  CompletableFuture<ChatCompletion> finalCompletion();
}
