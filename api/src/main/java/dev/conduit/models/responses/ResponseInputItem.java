package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An item of the {@code input} of {@link ResponseCreateParams}: any {@link ResponseItem} (messages,
 * tool calls and their outputs, reasoning, and every {@link ResponseOutputItem} of an earlier
 * response) or an {@link ItemReference} to a stored item.
 *
 * <p>The static factories build the common items:
 *
 * <pre>{@code
 * List<ResponseInputItem> input = new ArrayList<>();
 * input.add(ResponseInputItem.developerMessage("Answer in French."));
 * input.add(ResponseInputItem.userMessage("What is the weather in Paris?"));
 * input.addAll(first.output());                       // the model's function call, sent back
 * input.add(ResponseInputItem.functionCallOutput(call.callId(), "{\"celsius\":21}"));
 * }</pre>
 */
public sealed interface ResponseInputItem permits ResponseItem, ResponseInputItem.ItemReference {
  /** Returns the {@code type} discriminator, e.g. {@code "message"} or {@code "function_call"}. */
  String type();

  /** Returns the whole JSON object of the item, including fields unknown to Conduit; unmodifiable. */
  Map<String, @Nullable Object> toJson();

  /**
   * Returns the item for {@code json} by its {@code type}; never fails: an unknown type decodes to
   * {@link ResponseOutputItem.Unknown}. See {@link ResponseItem#fromJson(Map)} for messages.
   */
  static ResponseInputItem fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    if (Unions.typeOf(frozen).equals("item_reference")) {
      return ItemReference.fromJson(frozen);
    }
    return ResponseItem.fromJson(frozen);
  }

  /** Returns a message with role {@code user} and text content. */
  static ResponseInputMessage userMessage(String text) {
    return ResponseInputMessage.ofText("user", text);
  }

  /** Returns a message with role {@code system} and text content. */
  static ResponseInputMessage systemMessage(String text) {
    return ResponseInputMessage.ofText("system", text);
  }

  /** Returns a message with role {@code developer} (instructions that outrank the user) and text content. */
  static ResponseInputMessage developerMessage(String text) {
    return ResponseInputMessage.ofText("developer", text);
  }

  /** Returns a message with role {@code assistant} and text content, e.g. an earlier answer of the model. */
  static ResponseInputMessage assistantMessage(String text) {
    return ResponseInputMessage.ofText("assistant", text);
  }

  /** Returns a message with {@code role} ({@code user}, {@code system}, {@code developer}) made of {@code content} parts. */
  static ResponseInputMessage message(String role, List<ResponseInputContent> content) {
    return ResponseInputMessage.ofParts(role, content);
  }

  /** Returns the result of the function call {@code callId}, as text (often JSON) the model reads. */
  static ResponseFunctionCallOutput functionCallOutput(String callId, String output) {
    return ResponseFunctionCallOutput.of(callId, output);
  }

  /** Returns a reference to the stored item {@code id}, which the server expands. */
  static ItemReference itemReference(String id) {
    Objects.requireNonNull(id, "id == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "item_reference");
    json.put("id", id);
    return ItemReference.fromJson(json);
  }

  /**
   * Returns {@code item}, an output of an earlier response, as input for the next one: output items
   * are valid input as they are. Use it in tool loops to send the model's calls back before their
   * outputs.
   */
  static ResponseInputItem fromOutput(ResponseOutputItem item) {
    return Objects.requireNonNull(item, "item == null");
  }

  /** A reference to a stored item by its id ({@code item_reference}). */
  final class ItemReference extends JsonModel implements ResponseInputItem {
    private ItemReference(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static ItemReference fromJson(Map<String, @Nullable Object> json) {
      return new ItemReference(Json.freezeMap(json));
    }

    /** Returns {@code "item_reference"}. */
    @Override
    public String type() {
      return "item_reference";
    }

    /** Returns the id of the referenced item. */
    public String id() {
      return string("id");
    }
  }
}
