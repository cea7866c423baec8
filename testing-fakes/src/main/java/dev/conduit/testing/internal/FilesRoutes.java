package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Files: upload (multipart), list with pagination (also by {@code purpose}, e.g. {@code batch_output}),
 * retrieve, delete and content; and the File creation that uploads and batches share.
 */
final class FilesRoutes {
  private static final List<String> PURPOSES = List.of("assistants", "batch", "fine-tune", "vision", "user_data", "evals");
  /** The longest expiry the API accepts, and the default of {@code batch} files: 30 days. */
  private static final long BATCH_EXPIRY_SECONDS = 2592000;

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
    Multipart.Part file = null;
    String purpose = null;
    Long expiresAfter = null;
    for (Multipart.Part p : Multipart.parse(req)) {
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
          checkAnchor(p.text(), "expires_after.anchor");
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
    if (expiresAfter != null) {
      checkSeconds(expiresAfter, "expires_after.seconds");
    }
    return json(create(core, purpose, file.filename(), file.content(), expiresAfter));
  }

  /**
   * Stores a new File and returns its object. Without {@code expiresAfter} a {@code batch} file expires
   * after 30 days, as the real API documents, and any other file never.
   */
  static Map<String, @Nullable Object> create(FakeCore core, String purpose, String filename, byte[] content,
      @Nullable Long expiresAfter) {
    Long seconds = expiresAfter == null && purpose.equals("batch") ? Long.valueOf(BATCH_EXPIRY_SECONDS) : expiresAfter;
    String id = core.ids().file();
    long now = core.now();
    Map<String, @Nullable Object> object = Json.obj("object", "file", "id", id, "purpose", purpose, "filename",
        filename, "bytes", (long) content.length, "created_at", now, "expires_at", seconds == null ? null : now + seconds,
        "status", "processed", "status_details", null);
    core.store().files.put(id, new Store.StoredFile(object, content));
    return Json.copyObj(object);
  }

  /**
   * Reads an expiration policy object {@code {"anchor":"created_at","seconds":n}} at {@code key} of a
   * JSON body and returns its seconds, or null if absent.
   */
  static @Nullable Long expiresAfter(Map<String, @Nullable Object> body, String key) {
    Map<String, @Nullable Object> policy = Json.objAt(body, key);
    if (policy == null) {
      return null;
    }
    for (String k : policy.keySet()) {
      if (!k.equals("anchor") && !k.equals("seconds")) {
        throw ApiError.invalid("Unknown parameter: '" + key + "." + k + "'.", key + "." + k, "unknown_parameter");
      }
    }
    Object anchor = policy.get("anchor");
    Object seconds = policy.get("seconds");
    if (anchor == null) {
      throw ApiError.missing(key + ".anchor");
    }
    if (seconds == null) {
      throw ApiError.missing(key + ".seconds");
    }
    checkAnchor(anchor, key + ".anchor");
    if (!Params.Type.INTEGER.accepts(seconds)) {
      throw ApiError.invalidType(key + ".seconds", "an integer", seconds);
    }
    long s = ((Number) seconds).longValue();
    checkSeconds(s, key + ".seconds");
    return s;
  }

  private static void checkAnchor(Object anchor, String param) {
    if (!"created_at".equals(anchor)) {
      throw ApiError.invalid("Invalid value: '" + anchor + "'. Supported values are: 'created_at'.", param, "invalid_value");
    }
  }

  private static void checkSeconds(long seconds, String param) {
    if (seconds < 3600 || seconds > BATCH_EXPIRY_SECONDS) {
      throw ApiError.invalid("Invalid '" + param + "': expected a value between 3600 and 2592000, but got " + seconds
          + " instead.", param, "invalid_value");
    }
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
