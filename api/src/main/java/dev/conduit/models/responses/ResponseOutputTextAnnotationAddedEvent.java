package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An annotation, such as a URL or file citation, added to output text ({@code response.output_text.annotation.added}). */
public final class ResponseOutputTextAnnotationAddedEvent extends ResponseStreamEvent {
  private ResponseOutputTextAnnotationAddedEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseOutputTextAnnotationAddedEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseOutputTextAnnotationAddedEvent(Json.freezeMap(json));
  }

  /** Returns the id of the message. */
  public String itemId() {
    return string("item_id");
  }

  /** Returns the index of the item in {@link Response#output()}. */
  public long outputIndex() {
    return longValue("output_index");
  }

  /** Returns the index of the text part in the item's content. */
  public long contentIndex() {
    return longValue("content_index");
  }

  /** Returns the index of the annotation in the part's annotations. */
  public long annotationIndex() {
    return longValue("annotation_index");
  }

  /** Returns the annotation as a JSON tree, or null if the event carried none. */
  public @Nullable Map<String, @Nullable Object> annotation() {
    return objectOrNull("annotation", m -> m);
  }
}
