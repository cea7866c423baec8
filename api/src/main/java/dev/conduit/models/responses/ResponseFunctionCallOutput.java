package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a function call, sent back to the model ({@code function_call_output}); build one with
 * {@link ResponseInputItem#functionCallOutput(String, String)}.
 */
public final class ResponseFunctionCallOutput extends ResponseOutputItem {
  private ResponseFunctionCallOutput(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseFunctionCallOutput fromJson(Map<String, @Nullable Object> json) {
    return new ResponseFunctionCallOutput(Json.freezeMap(json));
  }

  static ResponseFunctionCallOutput of(String callId, String output) {
    Objects.requireNonNull(callId, "callId == null");
    Objects.requireNonNull(output, "output == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "function_call_output");
    json.put("call_id", callId);
    json.put("output", output);
    return new ResponseFunctionCallOutput(Json.freezeMap(json));
  }

  /** Returns the id of a stored item, or null. */
  public @Nullable String id() {
    return stringOrNull("id");
  }

  /** Returns the id of the call this is the result of. */
  public String callId() {
    return string("call_id");
  }

  /** Returns the output when it is a string, or null when it is a list of parts (see {@link #outputContent()}). */
  public @Nullable String output() {
    Object output = jsonField("output");
    return output instanceof List ? null : stringOrNull("output");
  }

  /** Returns the output when it is a list of text, image or file parts; empty when it is a string. */
  public List<ResponseInputContent> outputContent() {
    return jsonField("output") instanceof List ? objectList("output", ResponseInputContent::fromJson) : List.of();
  }

  /** Returns the status of a stored item ({@code in_progress}, {@code completed}, {@code incomplete}), or null. */
  public @Nullable String status() {
    return stringOrNull("status");
  }
}
