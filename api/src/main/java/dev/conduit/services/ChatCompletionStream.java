package dev.conduit.services;

import dev.conduit.core.EventStream;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionChunk;
import java.util.stream.Stream;

/**
 * A streamed chat completion: the chunks, a view of the content deltas, and the final
 * {@link ChatCompletion} accumulated from them (content, refusals and tool calls merged by index).
 *
 * <pre>{@code
 * try (ChatCompletionStream s = client.chat().completions().stream(params)) {
 *   s.textDeltas().forEach(System.out::print);
 *   ChatCompletion done = s.finalCompletion();
 * }
 * }</pre>
 *
 * The chunks can be consumed once, through one of {@link #iterator()}, {@link #stream()} or
 * {@link #textDeltas()}; every chunk that passes is accumulated.
 */
public interface ChatCompletionStream extends EventStream<ChatCompletionChunk> {
  /** Returns the content deltas of the first choice as they arrive. */
  Stream<String> textDeltas();

  /**
   * Reads the rest of the stream and returns the accumulated completion.
   *
   * @throws dev.conduit.errors.StreamException if the stream failed or was truncated
   */
  ChatCompletion finalCompletion();
}
