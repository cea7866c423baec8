package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message given to the model with a role ({@code user}, {@code system}, {@code developer}, or
 * {@code assistant} with text content). Build one with the factories of {@link ResponseInputItem}.
 */
public final class ResponseInputMessage extends JsonModel implements ResponseItem {
  private ResponseInputMessage(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseInputMessage fromJson(Map<String, @Nullable Object> json) {
    return new ResponseInputMessage(Json.freezeMap(json));
  }

  static ResponseInputMessage ofText(String role, String text) {
    Objects.requireNonNull(text, "text == null");
    return of(role, text);
  }

  static ResponseInputMessage ofParts(String role, List<ResponseInputContent> content) {
    Objects.requireNonNull(content, "content == null");
    return of(role, Json.toTree(content));
  }

  private static ResponseInputMessage of(String role, @Nullable Object content) {
    Objects.requireNonNull(role, "role == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "message");
    json.put("role", role);
    json.put("content", content);
    return new ResponseInputMessage(Json.freezeMap(json));
  }

  /** Returns {@code "message"}. */
  @Override
  public String type() {
    return "message";
  }

  /** Returns the id of a stored message, or null for one built to be sent. */
  public @Nullable String id() {
    return stringOrNull("id");
  }

  /** Returns the role: {@code user}, {@code system}, {@code developer} or {@code assistant}. */
  public String role() {
    return string("role");
  }

  /** Returns the status of a stored message ({@code in_progress}, {@code completed}, {@code incomplete}), or null. */
  public @Nullable String status() {
    return stringOrNull("status");
  }

  /**
   * Returns the content parts; content sent as a plain string reads as one {@code input_text} part.
   * The raw form stays readable with {@code jsonField("content")}.
   */
  public List<ResponseInputContent> content() {
    Object content = jsonField("content");
    if (content instanceof String) {
      return List.of(ResponseInputContent.text((String) content));
    }
    return objectList("content", ResponseInputContent::fromJson);
  }

  /** Returns the text of all text parts, concatenated; "" if there are none. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (ResponseInputContent part : content()) {
      if (part instanceof ResponseInputContent.InputText) {
        sb.append(((ResponseInputContent.InputText) part).text());
      }
    }
    return sb.toString();
  }
}
