package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.ARRAY;
import static dev.conduit.testing.internal.Params.Type.INTEGER;
import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Uploads: create, add parts (multipart {@code data}), complete into a File (parts joined in the order
 * of {@code part_ids}, checked against the declared {@code bytes} and an optional {@code md5}) and
 * cancel. A pending Upload expires an hour after its creation, by the fake's clock.
 */
final class UploadsRoutes {
  private static final Map<String, Params.Type> CREATE = Map.of("filename", STRING, "purpose", STRING, "bytes", INTEGER,
      "mime_type", STRING, "expires_after", OBJECT);
  private static final Map<String, Params.Type> COMPLETE = Map.of("part_ids", ARRAY, "md5", STRING);
  private static final List<String> PURPOSES = List.of("assistants", "batch", "fine-tune", "vision");
  /** The most an Upload may hold: 8 GB. */
  private static final long MAX_BYTES = 8L * 1024 * 1024 * 1024;
  /** The most one Part may hold: 64 MB. */
  private static final int MAX_PART_BYTES = 64 * 1024 * 1024;

  private final FakeCore core;

  UploadsRoutes(FakeCore core) {
    this.core = core;
  }

  @Nullable Reply route(IncomingRequest req, String[] seg) {
    if (!req.method().equals("POST")) {
      return null;
    }
    if (seg.length == 1) {
      return create(req);
    }
    if (seg.length != 3) {
      return null;
    }
    switch (seg[2]) {
      case "parts":
        return addPart(req, seg[1]);
      case "complete":
        return complete(req, seg[1]);
      case "cancel":
        return cancel(seg[1]);
      default:
        return null;
    }
  }

  private Reply create(IncomingRequest req) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, CREATE, "filename", "purpose", "bytes", "mime_type");
    String purpose = (String) body.get("purpose");
    if (!PURPOSES.contains(purpose)) {
      throw ApiError.invalid("Invalid value: '" + purpose + "'. Supported values are: 'assistants', 'batch', 'fine-tune', "
          + "and 'vision'.", "purpose", "invalid_value");
    }
    Params.rangeInt(body, "bytes", 1, MAX_BYTES);
    if (((String) body.get("filename")).isEmpty()) {
      throw ApiError.invalid("Invalid 'filename': empty string. Expected a string with minimum length 1, but got an empty "
          + "string instead.", "filename", "empty_string");
    }
    Long fileExpiresAfter = FilesRoutes.expiresAfter(body, "expires_after");
    StoredUpload u = new StoredUpload(core.ids().upload(), (String) body.get("filename"), purpose,
        Json.longAt(body, "bytes", 0), core.now(), fileExpiresAfter);
    core.store().uploads.put(u.id, u);
    return json(u.view());
  }

  private Reply addPart(IncomingRequest req, String uploadId) {
    StoredUpload u = require(uploadId);
    byte[] data = null;
    for (Multipart.Part p : Multipart.parse(req)) {
      if (!p.name().equals("data")) {
        throw ApiError.invalid("Unknown parameter: '" + p.name() + "'.", p.name(), "unknown_parameter");
      }
      data = p.content();
    }
    if (data == null) {
      throw ApiError.missing("data");
    }
    requirePending(u, "add a Part to");
    if (data.length > MAX_PART_BYTES) {
      throw ApiError.invalid("Invalid 'data': a Part can hold at most " + MAX_PART_BYTES + " bytes, but got " + data.length
          + " bytes instead.", "data", "invalid_value");
    }
    String id = core.ids().uploadPart();
    u.parts.put(id, data);
    return json(Json.obj("id", id, "object", "upload.part", "created_at", core.now(), "upload_id", u.id));
  }

  private Reply complete(IncomingRequest req, String uploadId) {
    StoredUpload u = require(uploadId);
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, COMPLETE, "part_ids");
    List<@Nullable Object> partIds = Json.listAt(body, "part_ids");
    if (partIds.isEmpty()) {
      throw ApiError.invalid("Invalid 'part_ids': empty array. Expected an array with minimum length 1, but got an empty "
          + "array instead.", "part_ids", "empty_array");
    }
    requirePending(u, "complete");
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < partIds.size(); i++) {
      Object partId = partIds.get(i);
      String param = "part_ids[" + i + "]";
      if (!(partId instanceof String)) {
        throw ApiError.invalidType(param, "a string", partId);
      }
      byte[] part = u.parts.get(partId);
      if (part == null) {
        throw ApiError.invalid("Invalid '" + param + "': no Part '" + partId + "' was added to Upload " + u.id + ".", param,
            "invalid_value");
      }
      if (!seen.add((String) partId)) {
        throw ApiError.invalid("Invalid '" + param + "': Part '" + partId + "' is listed more than once.", param,
            "invalid_value");
      }
      content.writeBytes(part);
    }
    byte[] bytes = content.toByteArray();
    if (bytes.length != u.bytes) {
      throw ApiError.invalid("The number of bytes uploaded (" + bytes.length + ") does not match the number of bytes "
          + "declared when the Upload was created (" + u.bytes + ").", "part_ids", null);
    }
    String md5 = Json.strAt(body, "md5");
    if (md5 != null && !md5.toLowerCase(Locale.ROOT).equals(md5(bytes))) {
      throw ApiError.invalid("The md5 checksum of the uploaded bytes (" + md5(bytes) + ") does not match the given md5 ("
          + md5 + ").", "md5", "invalid_value");
    }
    u.file = FilesRoutes.create(core, u.purpose, u.filename, bytes, u.fileExpiresAfter);
    u.status = "completed";
    return json(u.view());
  }

  private Reply cancel(String uploadId) {
    StoredUpload u = require(uploadId);
    requirePending(u, "cancel");
    u.status = "cancelled";
    return json(u.view());
  }

  private StoredUpload require(String id) {
    StoredUpload u = core.store().uploads.get(id);
    if (u == null) {
      throw ApiError.notFound("No such Upload object: " + id, "upload_id", null);
    }
    u.expireIfDue(core.now());
    return u;
  }

  private static void requirePending(StoredUpload u, String action) {
    if (!u.status.equals("pending")) {
      throw ApiError.invalid("Cannot " + action + " Upload " + u.id + " with status '" + u.status + "'.", null, null);
    }
  }

  private static String md5(byte[] bytes) {
    try {
      StringBuilder hex = new StringBuilder();
      for (byte b : MessageDigest.getInstance("MD5").digest(bytes)) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private Reply json(Map<String, @Nullable Object> tree) {
    return Reply.json(200, core.codec().write(tree));
  }
}
