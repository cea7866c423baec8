package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.ARRAY;
import static dev.conduit.testing.internal.Params.Type.OBJECT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Conversations: create (with items and metadata), retrieve, update metadata, delete; and their
 * items: create, list, retrieve, delete. Items are validated and given ids as Responses input is
 * ({@link ResponseInput}); a response created with {@code conversation} reads and extends the same
 * list ({@link ResponsesRoutes}). {@code include} is validated and has no further effect: items are
 * kept whole.
 */
final class ConversationsRoutes {
  private static final int MAX_ITEMS = 20;

  private final FakeCore core;

  ConversationsRoutes(FakeCore core) {
    this.core = core;
  }

  @Nullable Reply route(IncomingRequest req, String[] seg) {
    String m = req.method();
    if (seg.length == 1) {
      return m.equals("POST") ? create(req) : null;
    }
    if (seg.length == 2) {
      switch (m) {
        case "GET":
          return json(require(core.store(), seg[1], null).view());
        case "POST":
          return update(req, require(core.store(), seg[1], null));
        case "DELETE":
          require(core.store(), seg[1], null);
          core.store().conversations.remove(seg[1]);
          return json(Json.obj("id", seg[1], "object", "conversation.deleted", "deleted", true));
        default:
          return null;
      }
    }
    if (!seg[2].equals("items") || seg.length > 4) {
      return null;
    }
    Store.StoredConversation c = require(core.store(), seg[1], null);
    if (seg.length == 3) {
      return m.equals("POST") ? addItems(req, c) : m.equals("GET") ? listItems(req, c) : null;
    }
    if (!m.equals("GET") && !m.equals("DELETE")) {
      return null;
    }
    Map<String, @Nullable Object> item = c.items.get(seg[3]);
    if (item == null) {
      throw ApiError.notFound("Item with id '" + seg[3] + "' not found.", null, null);
    }
    if (m.equals("GET")) {
      includes(req);
      return json(item);
    }
    c.items.remove(seg[3]);
    return json(c.view());
  }

  private Reply create(IncomingRequest req) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, Map.of("metadata", OBJECT, "items", ARRAY));
    Params.metadata(body);
    List<Map<String, @Nullable Object>> items = items(body);
    Map<String, @Nullable Object> metadata = Json.objAt(body, "metadata");
    Store.StoredConversation c = new Store.StoredConversation(core.ids().conversation(), core.now(),
        metadata == null ? Json.obj() : Json.copyObj(metadata));
    c.append(items, core.ids());
    core.store().conversations.put(c.id, c);
    return json(c.view());
  }

  private Reply update(IncomingRequest req, Store.StoredConversation c) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, Map.of("metadata", OBJECT), "metadata");
    Params.metadata(body);
    c.metadata = Json.copyObj(Json.objAt(body, "metadata"));
    return json(c.view());
  }

  private Reply addItems(IncomingRequest req, Store.StoredConversation c) {
    includes(req);
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, Map.of("items", ARRAY), "items");
    List<Map<String, @Nullable Object>> items = items(body);
    List<Map<String, @Nullable Object>> added = c.append(items, core.ids());
    return json(Json.obj("object", "list", "data", new ArrayList<@Nullable Object>(added), "first_id",
        added.isEmpty() ? null : added.get(0).get("id"), "last_id", added.isEmpty() ? null : added.get(added.size() - 1)
            .get("id"), "has_more", false));
  }

  private Reply listItems(IncomingRequest req, Store.StoredConversation c) {
    includes(req);
    return json(Pages.page(new ArrayList<>(c.items.values()), req, "desc", 20, 100));
  }

  private List<Map<String, @Nullable Object>> items(Map<String, @Nullable Object> body) {
    Params.arrayLength(body, "items", 0, MAX_ITEMS);
    return ResponseInput.items(body.get("items"), core.ids(), "items");
  }

  private static void includes(IncomingRequest req) {
    List<String> values = new ArrayList<>(req.query().getOrDefault("include", List.of()));
    values.addAll(req.query().getOrDefault("include[]", List.of()));
    for (String v : values) {
      if (!ResponsesRoutes.INCLUDES.contains(v)) {
        throw ApiError.invalidValue("include", v, "Supported values are: " + String.join(", ",
            new TreeSet<>(ResponsesRoutes.INCLUDES)) + ".");
      }
    }
  }

  /**
   * Returns the conversation a request names: {@code ref} is its id, or the {@code conversation}
   * parameter of a response ({@code "conv_..."} or {@code {"id": "conv_..."}}), then named in errors.
   */
  static Store.StoredConversation require(Store store, Object ref, @Nullable String param) {
    String id = idOf(ref);
    Store.StoredConversation c = store.conversations.get(id);
    if (c == null) {
      throw ApiError.notFound("Conversation with id '" + id + "' not found.", param, null);
    }
    return c;
  }

  /** Returns the id in a {@code conversation} parameter: the string itself or the {@code id} of the object. */
  static String idOf(@Nullable Object ref) {
    if (ref instanceof String) {
      return (String) ref;
    }
    Object id = ref instanceof Map ? ((Map<?, ?>) ref).get("id") : null;
    if (id == null) {
      throw ApiError.missing("conversation.id");
    }
    if (!(id instanceof String)) {
      throw ApiError.invalidType("conversation.id", "a string", id);
    }
    return (String) id;
  }

  private Reply json(Map<String, @Nullable Object> tree) {
    return Reply.json(200, core.codec().write(tree));
  }
}
