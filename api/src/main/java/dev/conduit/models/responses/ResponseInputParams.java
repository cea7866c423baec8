package dev.conduit.models.responses;

import dev.conduit.models.JsonModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The conversation part of a request to the Responses API: the input (a text or a list of items), the
 * instructions, and the previous response it continues. The parameters of creating a response
 * ({@link ResponseCreateParams}), of counting its input tokens ({@link InputTokenCountParams}) and of
 * compacting a conversation ({@link ResponseCompactParams}) all have these fields.
 */
public abstract sealed class ResponseInputParams extends JsonModel permits ResponseContextParams, ResponseCompactParams {
  ResponseInputParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns the input when it is a plain string (a user message), else null. */
  public final @Nullable String inputText() {
    return jsonField("input") instanceof List ? null : stringOrNull("input");
  }

  /** Returns the input when it is a list of items; empty when it is a string or unset. */
  public final List<ResponseInputItem> inputItems() {
    return jsonField("input") instanceof List ? objectList("input", ResponseInputItem::fromJson) : List.of();
  }

  /** Returns the system (developer) instructions, or null. */
  public final @Nullable String instructions() {
    return stringOrNull("instructions");
  }

  /** Returns the id of the previous response whose conversation this request continues, or null. */
  public final @Nullable String previousResponseId() {
    return stringOrNull("previous_response_id");
  }

  /**
   * The setters of the fields of {@link ResponseInputParams}, for the builders of its subclasses.
   *
   * @param <B> the concrete builder type
   * @param <M> the parameters type built
   */
  public abstract static class Builder<B extends Builder<B, M>, M extends ResponseInputParams>
      extends JsonModel.Builder<B, M> {
    Builder() {}

    Builder(M from) {
      super(from);
    }

    /** Sets the input to a text, which the model reads as a user message. */
    public final B input(String text) {
      return set("input", Objects.requireNonNull(text, "text == null"));
    }

    /** Sets the input to a list of items: messages, earlier output items, tool call outputs. */
    public final B input(List<? extends ResponseInputItem> items) {
      return set("input", Objects.requireNonNull(items, "items == null"));
    }

    /** Appends an input item; a text input set before becomes a user message first. */
    public final B addInput(ResponseInputItem item) {
      Objects.requireNonNull(item, "item == null");
      Object existing = json.get("input");
      if (existing instanceof String) {
        List<@Nullable Object> list = new ArrayList<>();
        list.add(ResponseInputItem.userMessage((String) existing).toJson());
        json.put("input", Collections.unmodifiableList(list));
      }
      return append("input", item);
    }

    /** Sets the system (developer) instructions. */
    public final B instructions(@Nullable String instructions) {
      return set("instructions", instructions);
    }

    /** Continues the conversation of the response {@code previousResponseId}. */
    public final B previousResponseId(@Nullable String previousResponseId) {
      return set("previous_response_id", previousResponseId);
    }
  }
}
