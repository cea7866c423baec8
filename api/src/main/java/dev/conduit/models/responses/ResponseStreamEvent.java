package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event of a streamed response ({@code stream: true}), one per server-sent event.
 *
 * <p>The variants carry the lifecycle ({@link ResponseLifecycleEvent}), output items and content parts
 * as they open and close, and the deltas of text ({@link ResponseTextDeltaEvent}), refusals, function
 * call arguments and reasoning ({@link ResponseReasoningTextDeltaEvent},
 * {@link ResponseReasoningSummaryTextDeltaEvent}); {@link ResponseErrorEvent} reports a failure. Every
 * other event type, including those added to the API later, decodes to {@link Unknown}, which keeps
 * its type and its whole JSON. Fold events into a {@link Response} with {@link ResponseAccumulator}.
 */
public abstract sealed class ResponseStreamEvent extends JsonModel
    permits ResponseLifecycleEvent,
        ResponseOutputItemEvent,
        ResponseContentPartEvent,
        ResponseTextDeltaEvent,
        ResponseTextDoneEvent,
        ResponseOutputTextAnnotationAddedEvent,
        ResponseRefusalDeltaEvent,
        ResponseRefusalDoneEvent,
        ResponseFunctionCallArgumentsDeltaEvent,
        ResponseFunctionCallArgumentsDoneEvent,
        ResponseReasoningSummaryPartEvent,
        ResponseReasoningSummaryTextDeltaEvent,
        ResponseReasoningSummaryTextDoneEvent,
        ResponseReasoningTextDeltaEvent,
        ResponseReasoningTextDoneEvent,
        ResponseErrorEvent,
        ResponseStreamEvent.Unknown {

  ResponseStreamEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /**
   * Returns the variant for {@code json}, the data of one server-sent event, by its {@code type};
   * never fails: an unknown or absent type gives {@link Unknown}.
   */
  public static ResponseStreamEvent fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    switch (Unions.typeOf(frozen)) {
      case "response.output_text.delta":
        return ResponseTextDeltaEvent.fromJson(frozen);
      case "response.created":
      case "response.in_progress":
      case "response.completed":
      case "response.failed":
      case "response.incomplete":
      case "response.queued":
        return ResponseLifecycleEvent.fromJson(frozen);
      case "response.output_item.added":
      case "response.output_item.done":
        return ResponseOutputItemEvent.fromJson(frozen);
      case "response.content_part.added":
      case "response.content_part.done":
        return ResponseContentPartEvent.fromJson(frozen);
      case "response.output_text.done":
        return ResponseTextDoneEvent.fromJson(frozen);
      case "response.output_text.annotation.added":
        return ResponseOutputTextAnnotationAddedEvent.fromJson(frozen);
      case "response.refusal.delta":
        return ResponseRefusalDeltaEvent.fromJson(frozen);
      case "response.refusal.done":
        return ResponseRefusalDoneEvent.fromJson(frozen);
      case "response.function_call_arguments.delta":
        return ResponseFunctionCallArgumentsDeltaEvent.fromJson(frozen);
      case "response.function_call_arguments.done":
        return ResponseFunctionCallArgumentsDoneEvent.fromJson(frozen);
      case "response.reasoning_summary_part.added":
      case "response.reasoning_summary_part.done":
        return ResponseReasoningSummaryPartEvent.fromJson(frozen);
      case "response.reasoning_summary_text.delta":
        return ResponseReasoningSummaryTextDeltaEvent.fromJson(frozen);
      case "response.reasoning_summary_text.done":
        return ResponseReasoningSummaryTextDoneEvent.fromJson(frozen);
      case "response.reasoning_text.delta":
      case "response.reasoning.delta":
        return ResponseReasoningTextDeltaEvent.fromJson(frozen);
      case "response.reasoning_text.done":
      case "response.reasoning.done":
        return ResponseReasoningTextDoneEvent.fromJson(frozen);
      case "error":
        return ResponseErrorEvent.fromJson(frozen);
      default:
        return new Unknown(frozen);
    }
  }

  /** Returns the event type, e.g. {@code "response.output_text.delta"}; "" if the JSON had none. */
  public final String type() {
    return Unions.typeOf(toJson());
  }

  /** Returns the position of the event in its stream, or null if the provider sent none. */
  public final @Nullable Long sequenceNumber() {
    return longOrNull("sequence_number");
  }

  /** An event type this version of Conduit does not type; its type and JSON are kept whole. */
  public static final class Unknown extends ResponseStreamEvent {
    private Unknown(Map<String, @Nullable Object> json) {
      super(json);
    }
  }
}
