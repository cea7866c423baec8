package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.ARRAY;
import static dev.conduit.testing.internal.Params.Type.INTEGER;
import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Vector stores: create (with files), retrieve, modify, delete, list and search. Their files and
 * file batches are {@link VectorStoreFilesRoutes}' business.
 */
final class VectorStoresRoutes {
  private static final Map<String, Params.Type> CREATE = Map.of("file_ids", ARRAY, "name", STRING, "description", STRING,
      "expires_after", OBJECT, "chunking_strategy", OBJECT, "metadata", OBJECT);
  private static final Map<String, Params.Type> MODIFY = Map.of("name", STRING, "expires_after", OBJECT, "metadata",
      OBJECT);

  private final FakeCore core;
  private final VectorStoreFilesRoutes files;

  VectorStoresRoutes(FakeCore core) {
    this.core = core;
    this.files = new VectorStoreFilesRoutes(core);
  }

  @Nullable Reply route(IncomingRequest req, String[] seg) {
    String m = req.method();
    if (seg.length == 1) {
      return m.equals("POST") ? create(req) : m.equals("GET") ? list(req) : null;
    }
    if (seg.length == 2) {
      switch (m) {
        case "GET":
          return json(require(seg[1]).view(core.now()));
        case "POST":
          return modify(req, require(seg[1]));
        case "DELETE":
          require(seg[1]);
          core.store().vectorStores.remove(seg[1]);
          return json(Json.obj("id", seg[1], "object", "vector_store.deleted", "deleted", true));
        default:
          return null;
      }
    }
    if (seg.length == 3 && seg[2].equals("search") && m.equals("POST")) {
      VectorStoreState vs = require(seg[1]);
      Map<String, @Nullable Object> page = VectorStoreSearch.run(vs, Params.body(req, core.codec()));
      vs.lastActiveAt = core.now();
      return json(page);
    }
    if (seg[2].equals("files") || seg[2].equals("file_batches")) {
      return files.route(req, require(seg[1]), seg);
    }
    return null;
  }

  private Reply create(IncomingRequest req) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, CREATE);
    Params.metadata(body);
    Params.arrayLength(body, "file_ids", 0, 500);
    List<String> fileIds = Params.strings(body, "file_ids");
    Map<String, @Nullable Object> expiresAfter = expiresAfter(body.get("expires_after"));
    Chunking chunking = Chunking.parse(body.get("chunking_strategy"), "chunking_strategy", Chunking.AUTO);
    for (String fileId : fileIds) {
      files.source(fileId, "file_ids", 400);
    }
    VectorStoreState vs = new VectorStoreState(core.ids().vectorStore(), core.now());
    String name = Json.strAt(body, "name");
    if (name != null) {
      vs.name = name;
    }
    vs.description = Json.strAt(body, "description");
    if (body.get("metadata") != null) {
      vs.metadata = Json.copyObj(Json.objAt(body, "metadata"));
    }
    vs.expiresAfter = expiresAfter;
    for (String fileId : fileIds) {
      files.attach(vs, fileId, chunking, Json.obj());
    }
    core.store().vectorStores.put(vs.id, vs);
    return json(vs.view(core.now()));
  }

  private Reply modify(IncomingRequest req, VectorStoreState vs) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, MODIFY);
    Params.metadata(body);
    Map<String, @Nullable Object> expiresAfter = expiresAfter(body.get("expires_after"));
    if (body.get("name") != null) {
      vs.name = (String) body.get("name");
    }
    if (body.containsKey("expires_after")) {
      vs.expiresAfter = expiresAfter;
    }
    if (body.containsKey("metadata")) {
      Map<String, @Nullable Object> metadata = Json.objAt(body, "metadata");
      vs.metadata = metadata == null ? Json.obj() : Json.copyObj(metadata);
    }
    vs.lastActiveAt = core.now();
    return json(vs.view(core.now()));
  }

  private Reply list(IncomingRequest req) {
    List<Map<String, @Nullable Object>> all = new ArrayList<>();
    for (VectorStoreState vs : core.store().vectorStores.values()) {
      all.add(vs.view(core.now()));
    }
    return json(Pages.pageBothWays(all, req, "desc", 20, 100));
  }

  private static @Nullable Map<String, @Nullable Object> expiresAfter(@Nullable Object raw) {
    if (raw == null) {
      return null;
    }
    Map<String, @Nullable Object> policy = Params.object(raw, "expires_after");
    Params.checkNested(policy, "expires_after", Map.of("anchor", STRING, "days", INTEGER), "anchor", "days");
    if (!"last_active_at".equals(policy.get("anchor"))) {
      throw ApiError.invalidValue("expires_after.anchor", policy.get("anchor"), "Supported values are: 'last_active_at'.");
    }
    long days = Params.integer(policy, "expires_after", "days", 1, 365, null);
    return Json.obj("anchor", "last_active_at", "days", days);
  }

  private VectorStoreState require(String id) {
    VectorStoreState vs = core.store().vectorStores.get(id);
    if (vs == null) {
      throw ApiError.notFound("No vector store found with id '" + id + "'.", null, null);
    }
    return vs;
  }

  private Reply json(Map<String, @Nullable Object> tree) {
    return Reply.json(200, core.codec().write(tree));
  }
}
