package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /responses/compact}: the conversation as a shorter list of items, to send
 * as the input of the next response in place of the history it replaces.
 *
 * <p>The items are the conversation's messages kept as they were plus a {@code compaction} item whose
 * encrypted content stands for the rest. This version does not type compaction items: they decode to
 * {@link ResponseOutputItem.Unknown}, which keeps their JSON whole, so they are sent back unchanged.
 */
public final class CompactedResponse extends JsonModel {
  private CompactedResponse(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static CompactedResponse fromJson(Map<String, @Nullable Object> json) {
    return new CompactedResponse(Json.freezeMap(json));
  }

  /** Returns the id of the compacted response. */
  public String id() {
    return string("id");
  }

  /** Returns the object type, always {@code "response.compaction"}. */
  public String object() {
    return string("object");
  }

  /** Returns when the conversation was compacted, in Unix seconds. */
  public long createdAt() {
    return longValue("created_at");
  }

  /**
   * Returns the compacted items, in order; valid input as they are
   * ({@link ResponseCreateParams.Builder#input(List)}).
   */
  public List<ResponseItem> output() {
    return objectList("output", ResponseItem::fromJson);
  }

  /** Returns the tokens the compaction pass used. */
  public ResponseUsage usage() {
    return object("usage", ResponseUsage::fromJson);
  }
}
