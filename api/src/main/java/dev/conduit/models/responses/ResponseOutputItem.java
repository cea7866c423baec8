package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An item the model produced: a {@link ResponseOutputMessage}, a {@link ResponseFunctionToolCall}, a
 * {@link ResponseReasoningItem}, a built-in tool call ({@link ResponseWebSearchCall},
 * {@link ResponseFileSearchCall}) or a {@link ResponseFunctionCallOutput}. An item type this version
 * does not know decodes to {@link Unknown}, with its JSON kept whole.
 *
 * <p>Output items are valid input as they are: add them to the next request's input to continue a
 * conversation statelessly or to answer tool calls.
 */
public abstract sealed class ResponseOutputItem extends JsonModel implements ResponseItem
    permits ResponseOutputMessage,
        ResponseFunctionToolCall,
        ResponseFunctionCallOutput,
        ResponseReasoningItem,
        ResponseWebSearchCall,
        ResponseFileSearchCall,
        ResponseOutputItem.Unknown {

  ResponseOutputItem(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns the variant for {@code json} by its {@code type}; never fails, an unknown or absent type gives {@link Unknown}. */
  public static ResponseOutputItem fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    switch (Unions.typeOf(frozen)) {
      case "message":
        return ResponseOutputMessage.fromJson(frozen);
      case "function_call":
        return ResponseFunctionToolCall.fromJson(frozen);
      case "function_call_output":
        return ResponseFunctionCallOutput.fromJson(frozen);
      case "reasoning":
        return ResponseReasoningItem.fromJson(frozen);
      case "web_search_call":
        return ResponseWebSearchCall.fromJson(frozen);
      case "file_search_call":
        return ResponseFileSearchCall.fromJson(frozen);
      default:
        return new Unknown(frozen);
    }
  }

  /** Returns the {@code type} discriminator, e.g. {@code "message"}; "" if the JSON had none. */
  @Override
  public String type() {
    return Unions.typeOf(toJson());
  }

  /** An item type this version of Conduit does not know; its JSON is kept whole and re-sent unchanged. */
  public static final class Unknown extends ResponseOutputItem {
    private Unknown(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns the item's id, or null if it has none. */
    public @Nullable String id() {
      Object id = jsonField("id");
      return id instanceof String ? (String) id : null;
    }
  }
}
