package dev.conduit.services;

import dev.conduit.core.EventStream;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseStreamEvent;
import java.util.stream.Stream;

/**
 * A streamed Responses API call: the typed events, with views of the text and reasoning deltas and
 * the final {@link Response} accumulated from them. Use it in a try-with-resources block:
 *
 * <pre>{@code
 * try (ResponseStream s = client.responses().stream(params)) {
 *   s.textDeltas().forEach(System.out::print);
 *   Response done = s.finalResponse();
 * }
 * }</pre>
 *
 * <p>The events can be consumed once, through exactly one of {@link #iterator()}, {@link #stream()},
 * {@link #textDeltas()} or {@link #reasoningDeltas()}; every event that passes, whichever view it
 * passes through, is accumulated. {@link #finalResponse()} reads whatever is left.
 */
public interface ResponseStream extends EventStream<ResponseStreamEvent> {
  /** Returns the output text as it arrives ({@code response.output_text.delta}). */
  Stream<String> textDeltas();

  /** Returns the reasoning text and reasoning summary text as they arrive. */
  Stream<String> reasoningDeltas();

  /**
   * Reads the rest of the stream and returns the final response: the one the terminal event
   * carries, completed with the output accumulated from the deltas.
   *
   * @throws dev.conduit.errors.StreamException if the stream failed or was truncated
   */
  Response finalResponse();
}
