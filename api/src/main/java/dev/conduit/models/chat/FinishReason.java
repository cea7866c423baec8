package dev.conduit.models.chat;

import dev.conduit.models.OpenEnum;
import java.util.Map;

/**
 * Why the model stopped generating a choice. Values added to the API later decode to new instances
 * rather than failing; compare with {@code equals}.
 */
public final class FinishReason extends OpenEnum {
  /** The model hit a natural stop point or a provided stop sequence. */
  public static final FinishReason STOP = new FinishReason("stop");
  /** The token limit of the request was reached. */
  public static final FinishReason LENGTH = new FinishReason("length");
  /** The model called one or more tools. */
  public static final FinishReason TOOL_CALLS = new FinishReason("tool_calls");
  /** Content was omitted because of a content filter. */
  public static final FinishReason CONTENT_FILTER = new FinishReason("content_filter");
  /** The model called a function through the deprecated {@code function_call}. */
  public static final FinishReason FUNCTION_CALL = new FinishReason("function_call");

  private static final Map<String, FinishReason> KNOWN =
      Map.of(
          STOP.value(), STOP,
          LENGTH.value(), LENGTH,
          TOOL_CALLS.value(), TOOL_CALLS,
          CONTENT_FILTER.value(), CONTENT_FILTER,
          FUNCTION_CALL.value(), FUNCTION_CALL);

  private FinishReason(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance if this version does not know it. */
  public static FinishReason of(String value) {
    FinishReason known = KNOWN.get(value);
    return known != null ? known : new FinishReason(value);
  }
}
