package dev.conduit.services;

import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseStreamEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * An asynchronous streamed Responses API call: a cold {@link Flow.Publisher} of typed events (the
 * request is sent when it is subscribed to) with real backpressure, plus the final response.
 * Cancelling the subscription aborts the HTTP exchange.
 *
 * <p>Accepts one subscription, made through {@link #subscribe}, {@link #textDeltas()} or
 * {@link #finalResponse()}.
 */
public interface AsyncResponseStream extends Flow.Publisher<ResponseStreamEvent> {
  /** Returns a publisher of the output text deltas alone; subscribing to it consumes this stream. */
  Flow.Publisher<String> textDeltas();

  /**
   * Returns the final response, completed when the stream ends; subscribes to the stream (reading
   * every event) if nobody has yet. Fails with {@link dev.conduit.errors.StreamException} if the stream
   * fails or is truncated.
   */
  CompletableFuture<Response> finalResponse();
}
