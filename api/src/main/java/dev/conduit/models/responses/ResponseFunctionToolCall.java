package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model's request to call a {@link FunctionTool}. Run the function, then send its result with
 * {@link ResponseInputItem#functionCallOutput(String, String)} using {@link #callId()}.
 */
public final class ResponseFunctionToolCall extends ResponseOutputItem {
  private ResponseFunctionToolCall(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseFunctionToolCall fromJson(Map<String, @Nullable Object> json) {
    return new ResponseFunctionToolCall(Json.freezeMap(json));
  }

  /** Returns a new builder of a completed call. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this call. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the id of the item, or null if the server sent none. */
  public @Nullable String id() {
    return stringOrNull("id");
  }

  /** Returns the id the model gave the call, which its output must quote. */
  public String callId() {
    return string("call_id");
  }

  /** Returns the name of the function to call. */
  public String name() {
    return string("name");
  }

  /**
   * Decodes the arguments as {@code type} (a record, typically the one the tool was declared from
   * with {@link FunctionTool#fromRecord}).
   *
   * @throws dev.conduit.errors.InvalidResponseException if the arguments do not decode as {@code type}
   */
  public <T> T arguments(Class<T> type) {
    return dev.conduit.internal.structured.StructuredOutputs.decode(arguments(), type,
        dev.conduit.internal.structured.DefaultCodec.get(), null);
  }

  /** Returns the arguments as a JSON string, as the model wrote them (not validated). */
  public String arguments() {
    return string("arguments");
  }

  /** Returns the status ({@code in_progress}, {@code completed}, {@code incomplete}), or null. */
  public @Nullable String status() {
    return stringOrNull("status");
  }

  /** A builder of {@link ResponseFunctionToolCall}. */
  public static final class Builder extends JsonModel.Builder<Builder, ResponseFunctionToolCall> {
    private Builder() {
      set("type", "function_call");
      set("status", "completed");
    }

    private Builder(ResponseFunctionToolCall from) {
      super(from);
    }

    /** Sets the id of the item. */
    public Builder id(String id) {
      return set("id", id);
    }

    /** Sets the id of the call. */
    public Builder callId(String callId) {
      return set("call_id", callId);
    }

    /** Sets the name of the function. */
    public Builder name(String name) {
      return set("name", name);
    }

    /** Sets the arguments, a JSON string. */
    public Builder arguments(String arguments) {
      return set("arguments", arguments);
    }

    /** Sets the status; the default is {@code completed}. */
    public Builder status(String status) {
      return set("status", status);
    }

    /** Returns the immutable {@link ResponseFunctionToolCall}. */
    @Override
    public ResponseFunctionToolCall build() {
      return new ResponseFunctionToolCall(frozenJson());
    }
  }
}
