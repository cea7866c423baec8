package dev.conduit.internal.stream;

import dev.conduit.core.EventStream;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseAccumulator;
import dev.conduit.models.responses.ResponseReasoningSummaryTextDeltaEvent;
import dev.conduit.models.responses.ResponseReasoningTextDeltaEvent;
import dev.conduit.models.responses.ResponseStreamEvent;
import dev.conduit.models.responses.ResponseTextDeltaEvent;
import dev.conduit.services.ResponseStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** {@link ResponseStream} over a typed event stream. */
public final class ResponseStreamImpl extends AccumulatingStream<ResponseStreamEvent, Response> implements ResponseStream {
  public ResponseStreamImpl(EventStream<ResponseStreamEvent> events) {
    this(events, new ResponseAccumulator());
  }

  private ResponseStreamImpl(EventStream<ResponseStreamEvent> events, ResponseAccumulator accumulator) {
    super(events, accumulator::accept, accumulator::finalResponse);
  }

  static @Nullable String textDelta(ResponseStreamEvent e) {
    return e instanceof ResponseTextDeltaEvent ? ((ResponseTextDeltaEvent) e).delta() : null;
  }

  static @Nullable String reasoningDelta(ResponseStreamEvent e) {
    if (e instanceof ResponseReasoningTextDeltaEvent) {
      return ((ResponseReasoningTextDeltaEvent) e).delta();
    }
    return e instanceof ResponseReasoningSummaryTextDeltaEvent ? ((ResponseReasoningSummaryTextDeltaEvent) e).delta() : null;
  }

  @Override
  public Stream<String> textDeltas() {
    return view(ResponseStreamImpl::textDelta);
  }

  @Override
  public Stream<String> reasoningDeltas() {
    return view(ResponseStreamImpl::reasoningDelta);
  }

  @Override
  public Response finalResponse() {
    return drain();
  }
}
