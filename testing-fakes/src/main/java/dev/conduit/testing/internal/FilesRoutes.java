package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Files: upload (multipart), list with pagination, retrieve, delete and content. */
final class FilesRoutes {
  private static final List<String> PURPOSES = List.of("assistants", "batch", "fine-tune", "vision", "user_data", "evals");

  private final FakeCore core;

  FilesRoutes(FakeCore core) {
    this.core = core;
  }

  @Nullable Reply route(IncomingRequest req, String[] seg) {
    String m = req.method();
    if (seg.length == 1) {
      return m.equals("POST") ? upload(req) : m.equals("GET") ? list(req) : null;
    }
    if (seg.length == 2 && m.equals("GET")) {
      return json(require(seg[1]).object());
    }
    if (seg.length == 2 && m.equals("DELETE")) {
      require(seg[1]);
      core.store().files.remove(seg[1]);
      return json(Json.obj("id", seg[1], "object", "file", "deleted", true));
    }
    if (seg.length == 3 && m.equals("GET") && seg[2].equals("content")) {
      return Reply.bytes(200, "application/octet-stream", require(seg[1]).content());
    }
    return null;
  }

  private Reply upload(IncomingRequest req) {
    String boundary = Multipart.boundary(req.headers().first("content-type"));
    if (boundary == null) {
      throw ApiError.invalid("Invalid Content-Type header (" + req.headers().first("content-type")
          + "), expected multipart/form-data.", null, null);
    }
    Multipart.Part file = null;
    String purpose = null;
    Long expiresAfter = null;
    for (Multipart.Part p : Multipart.parse(req.body(), boundary)) {
      switch (p.name()) {
        case "file":
          file = p;
          break;
        case "purpose":
          purpose = p.text();
          break;
        case "expires_after[seconds]":
          try {
            expiresAfter = Long.parseLong(p.text().trim());
          } catch (NumberFormatException e) {
            throw ApiError.invalid("Invalid type for 'expires_after.seconds': expected an integer, but got a string instead.",
                "expires_after.seconds", "invalid_type");
          }
          break;
        case "expires_after[anchor]":
          if (!p.text().equals("created_at")) {
            throw ApiError.invalid("Invalid value: '" + p.text() + "'. Supported values are: 'created_at'.",
                "expires_after.anchor", "invalid_value");
          }
          break;
        default:
          throw ApiError.invalid("Unknown parameter: '" + p.name() + "'.", p.name(), "unknown_parameter");
      }
    }
    if (file == null || file.filename() == null) {
      throw ApiError.missing("file");
    }
    if (purpose == null) {
      throw ApiError.missing("purpose");
    }
    if (!PURPOSES.contains(purpose)) {
      throw ApiError.invalid("Invalid value: '" + purpose + "'. Supported values are: 'assistants', 'batch', 'fine-tune', "
          + "'vision', 'user_data', and 'evals'.", "purpose", "invalid_value");
    }
    if (expiresAfter != null && (expiresAfter < 3600 || expiresAfter > 2592000)) {
      throw ApiError.invalid("Invalid 'expires_after.seconds': expected a value between 3600 and 2592000, but got "
          + expiresAfter + " instead.", "expires_after.seconds", "invalid_value");
    }
    String id = core.ids().file();
    long now = core.now();
    Map<String, @Nullable Object> object = Json.obj("object", "file", "id", id, "purpose", purpose, "filename",
        file.filename(), "bytes", (long) file.content().length, "created_at", now, "expires_at",
        expiresAfter == null ? null : now + expiresAfter, "status", "processed", "status_details", null);
    core.store().files.put(id, new Store.StoredFile(object, file.content()));
    return json(object);
  }

  private Reply list(IncomingRequest req) {
    String purpose = req.queryParam("purpose");
    List<Map<String, @Nullable Object>> items = new ArrayList<>();
    for (Store.StoredFile f : core.store().files.values()) {
      if (purpose == null || purpose.equals(f.object().get("purpose"))) {
        items.add(f.object());
      }
    }
    return json(Pages.page(items, req, "desc", 10000, 10000));
  }

  private Store.StoredFile require(String id) {
    Store.StoredFile f = core.store().files.get(id);
    if (f == null) {
      throw ApiError.notFound("No such File object: " + id, "id", null);
    }
    return f;
  }

  private Reply json(Map<String, @Nullable Object> tree) {
    return Reply.json(200, core.codec().write(tree));
  }
}
