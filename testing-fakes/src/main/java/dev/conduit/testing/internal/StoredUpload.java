package dev.conduit.testing.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An Upload and the parts added to it. Mutable; guarded, like all of {@link Store}, by the store's
 * monitor.
 */
public final class StoredUpload {
  /** How long an Upload accepts parts: one hour, as the real API documents. */
  static final long LIFETIME_SECONDS = 3600;

  final String id;
  final String filename;
  final String purpose;
  final long bytes;
  final long createdAt;
  final long expiresAt;
  /** The {@code expires_after.seconds} of the File the Upload becomes, or null. */
  final @Nullable Long fileExpiresAfter;
  /** Part id to its bytes, in the order the parts were added. */
  final Map<String, byte[]> parts = new LinkedHashMap<>();
  String status = "pending";
  /** The File object created on completion. */
  @Nullable Map<String, @Nullable Object> file;

  StoredUpload(String id, String filename, String purpose, long bytes, long createdAt, @Nullable Long fileExpiresAfter) {
    this.id = id;
    this.filename = filename;
    this.purpose = purpose;
    this.bytes = bytes;
    this.createdAt = createdAt;
    this.expiresAt = createdAt + LIFETIME_SECONDS;
    this.fileExpiresAfter = fileExpiresAfter;
  }

  /** Marks a pending Upload expired once {@code now} has reached its {@code expires_at}. */
  void expireIfDue(long now) {
    if (status.equals("pending") && now >= expiresAt) {
      status = "expired";
    }
  }

  /** Returns the Upload object as the API shows it. */
  Map<String, @Nullable Object> view() {
    return Json.obj("id", id, "object", "upload", "bytes", bytes, "created_at", createdAt, "filename", filename,
        "purpose", purpose, "status", status, "expires_at", expiresAt, "file", file == null ? null : Json.copyObj(file));
  }
}
