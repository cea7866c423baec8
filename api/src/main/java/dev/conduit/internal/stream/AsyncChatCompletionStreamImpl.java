package dev.conduit.internal.stream;

import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionAccumulator;
import dev.conduit.models.chat.ChatCompletionChunk;
import dev.conduit.services.AsyncChatCompletionStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** {@link AsyncChatCompletionStream} over a cold chunk publisher. */
public final class AsyncChatCompletionStreamImpl extends AsyncAccumulatingStream<ChatCompletionChunk, ChatCompletion>
    implements AsyncChatCompletionStream {
  public AsyncChatCompletionStreamImpl(Flow.Publisher<ChatCompletionChunk> chunks) {
    this(chunks, new ChatCompletionAccumulator());
  }

  private AsyncChatCompletionStreamImpl(Flow.Publisher<ChatCompletionChunk> chunks, ChatCompletionAccumulator accumulator) {
    super(chunks, accumulator::accept, accumulator::finalCompletion);
  }

  @Override
  public Flow.Publisher<String> textDeltas() {
    return view(ChatCompletionStreamImpl::textDelta);
  }

  @Override
  public CompletableFuture<ChatCompletion> finalCompletion() {
    return result();
  }
}
