package dev.conduit.internal.stream;

import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseAccumulator;
import dev.conduit.models.responses.ResponseStreamEvent;
import dev.conduit.services.AsyncResponseStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** {@link AsyncResponseStream} over a cold event publisher. */
public final class AsyncResponseStreamImpl extends AsyncAccumulatingStream<ResponseStreamEvent, Response>
    implements AsyncResponseStream {
  public AsyncResponseStreamImpl(Flow.Publisher<ResponseStreamEvent> events) {
    this(events, new ResponseAccumulator());
  }

  private AsyncResponseStreamImpl(Flow.Publisher<ResponseStreamEvent> events, ResponseAccumulator accumulator) {
    super(events, accumulator::accept, accumulator::finalResponse);
  }

  @Override
  public Flow.Publisher<String> textDeltas() {
    return view(ResponseStreamImpl::textDelta);
  }

  @Override
  public CompletableFuture<Response> finalResponse() {
    return result();
  }
}
