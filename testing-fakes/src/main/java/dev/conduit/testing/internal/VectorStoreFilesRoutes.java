package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.ARRAY;
import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The files of a vector store (attach an uploaded file, retrieve, update attributes, detach, list
 * with a status filter, parsed content) and its file batches (create, retrieve, cancel, list files).
 * Attaching processes the file at once, so no test has to wait for {@code in_progress} to end.
 */
final class VectorStoreFilesRoutes {
  private static final Map<String, Params.Type> FILE = Map.of("file_id", STRING, "chunking_strategy", OBJECT,
      "attributes", OBJECT);
  private static final Map<String, Params.Type> BATCH = Map.of("file_ids", ARRAY, "files", ARRAY, "chunking_strategy",
      OBJECT, "attributes", OBJECT);
  private static final Set<String> STATUSES = Set.of("in_progress", "completed", "failed", "cancelled");

  /** A file a batch attaches, with its own settings. */
  private record Wanted(String fileId, Chunking chunking, Map<String, @Nullable Object> attributes) {}

  private final FakeCore core;

  VectorStoreFilesRoutes(FakeCore core) {
    this.core = core;
  }

  @Nullable Reply route(IncomingRequest req, VectorStoreState vs, String[] seg) {
    String m = req.method();
    if (seg[2].equals("file_batches")) {
      return batches(req, vs, seg);
    }
    if (seg.length == 3) {
      return m.equals("POST") ? create(req, vs) : m.equals("GET") ? list(req, vs, vs.files.values()) : null;
    }
    if (seg.length == 4) {
      switch (m) {
        case "GET":
          return json(require(vs, seg[3]).view(vs.id));
        case "POST":
          return update(req, vs, require(vs, seg[3]));
        case "DELETE":
          require(vs, seg[3]);
          vs.files.remove(seg[3]);
          return json(Json.obj("id", seg[3], "object", "vector_store.file.deleted", "deleted", true));
        default:
          return null;
      }
    }
    if (seg.length == 5 && seg[4].equals("content") && m.equals("GET")) {
      VectorStoreState.File f = require(vs, seg[3]);
      List<@Nullable Object> data = new ArrayList<>();
      for (String chunk : f.chunks == null ? List.<String>of() : f.chunks) {
        data.add(Json.obj("type", "text", "text", chunk));
      }
      return json(Json.obj("object", "vector_store.file_content.page", "data", data, "has_more", false, "next_page", null));
    }
    return null;
  }

  private @Nullable Reply batches(IncomingRequest req, VectorStoreState vs, String[] seg) {
    String m = req.method();
    if (seg.length == 3 && m.equals("POST")) {
      return createBatch(req, vs);
    }
    if (seg.length == 4 && m.equals("GET")) {
      return json(vs.view(requireBatch(vs, seg[3])));
    }
    if (seg.length == 5 && seg[4].equals("cancel") && m.equals("POST")) {
      requireBatch(vs, seg[3]);
      throw ApiError.invalid("Cannot cancel a vector store file batch with status 'completed'.", null, null);
    }
    if (seg.length == 5 && seg[4].equals("files") && m.equals("GET")) {
      return list(req, vs, vs.filesOf(requireBatch(vs, seg[3])));
    }
    return null;
  }

  private Reply create(IncomingRequest req, VectorStoreState vs) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, FILE, "file_id");
    Params.attributes(body);
    Chunking chunking = Chunking.parse(body.get("chunking_strategy"), "chunking_strategy", Chunking.AUTO);
    String fileId = (String) body.get("file_id");
    source(fileId, "file_id", 404);
    return json(attach(vs, fileId, chunking, attributes(body)).view(vs.id));
  }

  private Reply update(IncomingRequest req, VectorStoreState vs, VectorStoreState.File f) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, Map.of("attributes", OBJECT), "attributes");
    Params.attributes(body);
    f.attributes = attributes(body);
    vs.lastActiveAt = core.now();
    return json(f.view(vs.id));
  }

  private Reply createBatch(IncomingRequest req, VectorStoreState vs) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, BATCH);
    if (body.get("file_ids") != null && body.get("files") != null) {
      throw ApiError.invalid("Mutually exclusive parameters: Ensure you are only providing one of: 'file_ids' or 'files'.",
          null, "mutually_exclusive_parameters");
    }
    if (body.get("file_ids") == null && body.get("files") == null) {
      throw ApiError.missing("file_ids");
    }
    Params.attributes(body);
    Params.arrayLength(body, "file_ids", 1, 2000);
    Params.arrayLength(body, "files", 1, 2000);
    Chunking chunking = Chunking.parse(body.get("chunking_strategy"), "chunking_strategy", Chunking.AUTO);
    List<Wanted> wanted = new ArrayList<>();
    for (String fileId : Params.strings(body, "file_ids")) {
      source(fileId, "file_ids", 400);
      wanted.add(new Wanted(fileId, chunking, attributes(body)));
    }
    List<@Nullable Object> each = Json.listAt(body, "files");
    for (int i = 0; each != null && i < each.size(); i++) {
      String at = "files[" + i + "]";
      Map<String, @Nullable Object> spec = Params.object(each.get(i), at);
      Params.checkNested(spec, at, FILE, "file_id");
      Params.attributes(spec);
      String fileId = (String) spec.get("file_id");
      source(fileId, at + ".file_id", 400);
      wanted.add(new Wanted(fileId, Chunking.parse(spec.get("chunking_strategy"), at + ".chunking_strategy", chunking),
          spec.get("attributes") != null ? attributes(spec) : attributes(body)));
    }
    List<String> ids = new ArrayList<>();
    for (Wanted w : wanted) {
      attach(vs, w.fileId(), w.chunking(), w.attributes());
      if (!ids.contains(w.fileId())) {
        ids.add(w.fileId());
      }
    }
    VectorStoreState.Batch batch = new VectorStoreState.Batch(core.ids().fileBatch(), core.now(), List.copyOf(ids));
    vs.batches.put(batch.id(), batch);
    return json(vs.view(batch));
  }

  private Reply list(IncomingRequest req, VectorStoreState vs, Collection<VectorStoreState.File> of) {
    String filter = req.queryParam("filter");
    if (filter != null && !STATUSES.contains(filter)) {
      throw ApiError.invalidValue("filter", filter,
          "Supported values are: 'in_progress', 'completed', 'failed' and 'cancelled'.");
    }
    List<Map<String, @Nullable Object>> items = new ArrayList<>();
    for (VectorStoreState.File f : of) {
      if (filter == null || filter.equals(f.status())) {
        items.add(f.view(vs.id));
      }
    }
    return json(Pages.pageBothWays(items, req, "desc", 20, 100));
  }

  /**
   * Returns the uploaded file {@code fileId}, or fails as the real API does: with {@code status} (404
   * for the one file of an attach request, 400 within a list of ids) naming {@code param}.
   */
  Store.StoredFile source(String fileId, String param, int status) {
    Store.StoredFile f = core.store().files.get(fileId);
    if (f == null) {
      throw new ApiError(status, "No file found with id '" + fileId + "'.", "invalid_request_error", param, null);
    }
    return f;
  }

  /** Attaches an uploaded file (which must exist) and processes it; a file attached already stays as it is. */
  VectorStoreState.File attach(VectorStoreState vs, String fileId, Chunking chunking,
      Map<String, @Nullable Object> attributes) {
    VectorStoreState.File existing = vs.files.get(fileId);
    if (existing != null) {
      return existing;
    }
    Store.StoredFile src = source(fileId, "file_id", 404);
    long now = core.now();
    String filename = String.valueOf(src.object().get("filename"));
    VectorStoreState.File f = new VectorStoreState.File(fileId, filename, now, chunking, src.content(), attributes);
    vs.files.put(fileId, f);
    vs.lastActiveAt = now;
    return f;
  }

  private static Map<String, @Nullable Object> attributes(Map<String, @Nullable Object> body) {
    Map<String, @Nullable Object> a = Json.objAt(body, "attributes");
    return a == null ? Json.obj() : Json.copyObj(a);
  }

  private static VectorStoreState.File require(VectorStoreState vs, String fileId) {
    VectorStoreState.File f = vs.files.get(fileId);
    if (f == null) {
      throw ApiError.notFound("No file found with id '" + fileId + "' in vector store '" + vs.id + "'.", null, null);
    }
    return f;
  }

  private static VectorStoreState.Batch requireBatch(VectorStoreState vs, String batchId) {
    VectorStoreState.Batch b = vs.batches.get(batchId);
    if (b == null) {
      throw ApiError.notFound("No file batch found with id '" + batchId + "' in vector store '" + vs.id + "'.", null,
          null);
    }
    return b;
  }

  private Reply json(Map<String, @Nullable Object> tree) {
    return Reply.json(200, core.codec().write(tree));
  }
}
