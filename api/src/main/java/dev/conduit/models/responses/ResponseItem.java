package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An item of a conversation, as listed by {@code GET /responses/{id}/input_items}: an input
 * {@link ResponseInputMessage} or any {@link ResponseOutputItem} (assistant messages, tool calls and
 * their outputs, reasoning). Every item can be sent again as input. An item type this version does
 * not know decodes to {@link ResponseOutputItem.Unknown}.
 */
public sealed interface ResponseItem extends ResponseInputItem permits ResponseOutputItem, ResponseInputMessage {
  /**
   * Returns the item for {@code json} by its {@code type}; never fails. A {@code message} (or a
   * typeless item with a {@code role}) is a {@link ResponseOutputMessage} when its role is
   * {@code assistant} and its content a list, else a {@link ResponseInputMessage}.
   */
  static ResponseItem fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    String type = Unions.typeOf(frozen);
    if (type.equals("message") || (type.isEmpty() && frozen.get("role") instanceof String)) {
      if ("assistant".equals(frozen.get("role")) && frozen.get("content") instanceof List) {
        return ResponseOutputMessage.fromJson(frozen);
      }
      return ResponseInputMessage.fromJson(frozen);
    }
    return ResponseOutputItem.fromJson(frozen);
  }
}
