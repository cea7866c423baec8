package dev.conduit.internal.stream;

import dev.conduit.core.EventStream;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionAccumulator;
import dev.conduit.models.chat.ChatCompletionChunk;
import dev.conduit.services.ChatCompletionStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** {@link ChatCompletionStream} over a typed chunk stream. */
public final class ChatCompletionStreamImpl extends AccumulatingStream<ChatCompletionChunk, ChatCompletion>
    implements ChatCompletionStream {
  public ChatCompletionStreamImpl(EventStream<ChatCompletionChunk> chunks) {
    this(chunks, new ChatCompletionAccumulator());
  }

  private ChatCompletionStreamImpl(EventStream<ChatCompletionChunk> chunks, ChatCompletionAccumulator accumulator) {
    super(chunks, accumulator::accept, accumulator::finalCompletion);
  }

  /** Returns the first choice's content delta of a chunk, or null if it has none. */
  static @Nullable String textDelta(ChatCompletionChunk chunk) {
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      if (choice.index() == 0) {
        String content = choice.delta().content();
        return content == null || content.isEmpty() ? null : content;
      }
    }
    return null;
  }

  @Override
  public Stream<String> textDeltas() {
    return view(ChatCompletionStreamImpl::textDelta);
  }

  @Override
  public ChatCompletion finalCompletion() {
    return drain();
  }
}
