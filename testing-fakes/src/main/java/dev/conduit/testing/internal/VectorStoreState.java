package dev.conduit.testing.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One vector store of the fake: its settings, its files with their chunks, and its file batches.
 * Files are processed when they are attached, so a file is {@code completed} at once (or
 * {@code failed} if its content is not UTF-8 text) and a batch has always finished; counts and
 * {@code usage_bytes} are derived from the files each time an object is shown, so they cannot drift.
 * The usage of a file is the UTF-8 size of its chunks. Guarded by the {@link Store}'s monitor.
 */
public final class VectorStoreState {
  /** A file attached to the store, with the chunks it was cut into ({@code null} if it failed). */
  static final class File {
    final String id;
    final String filename;
    final long createdAt;
    final Chunking chunking;
    final @Nullable List<String> chunks;
    Map<String, @Nullable Object> attributes;

    File(String id, String filename, long createdAt, Chunking chunking, byte[] content,
        Map<String, @Nullable Object> attributes) {
      this.id = id;
      this.filename = filename;
      this.createdAt = createdAt;
      this.chunking = chunking;
      this.attributes = attributes;
      String text = utf8(content);
      this.chunks = text == null ? null : chunking.chunks(text);
    }

    String status() {
      return chunks == null ? "failed" : "completed";
    }

    long usageBytes() {
      long n = 0;
      for (String c : chunks == null ? List.<String>of() : chunks) {
        n += c.getBytes(StandardCharsets.UTF_8).length;
      }
      return n;
    }

    Map<String, @Nullable Object> view(String vectorStoreId) {
      return Json.obj("id", id, "object", "vector_store.file", "usage_bytes", usageBytes(), "created_at", createdAt,
          "vector_store_id", vectorStoreId, "status", status(), "last_error", chunks != null ? null
              : Json.obj("code", "unsupported_file", "message", "The file could not be parsed: its content is not UTF-8 "
                  + "text."), "chunking_strategy", chunking.tree(), "attributes", Json.copy(attributes));
    }
  }

  /** A batch of files attached together. */
  record Batch(String id, long createdAt, List<String> fileIds) {}

  final String id;
  final long createdAt;
  String name;
  @Nullable String description;
  Map<String, @Nullable Object> metadata;
  @Nullable Map<String, @Nullable Object> expiresAfter;
  long lastActiveAt;
  final Map<String, File> files = new LinkedHashMap<>();
  final Map<String, Batch> batches = new LinkedHashMap<>();

  VectorStoreState(String id, long createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.name = "";
    this.metadata = Json.obj();
    this.lastActiveAt = createdAt;
  }

  /** Returns the store as the API shows it at {@code now} (expired once its expiry has passed). */
  Map<String, @Nullable Object> view(long now) {
    long usage = 0;
    for (File f : files.values()) {
      usage += f.usageBytes();
    }
    Long expiresAt = expiresAfter == null ? null : lastActiveAt + 86400L * Json.longAt(expiresAfter, "days", 0);
    Map<String, @Nullable Object> v = Json.obj("id", id, "object", "vector_store", "created_at", createdAt, "name", name,
        "description", description, "usage_bytes", usage, "file_counts", counts(files.values()), "status",
        expiresAt != null && now >= expiresAt ? "expired" : "completed");
    if (expiresAfter != null) {
      v.put("expires_after", Json.copy(expiresAfter));
    }
    v.put("expires_at", expiresAt);
    v.put("last_active_at", lastActiveAt);
    v.put("metadata", Json.copy(metadata));
    return v;
  }

  /** Returns a batch as the API shows it, counting those of its files still attached. */
  Map<String, @Nullable Object> view(Batch batch) {
    return Json.obj("id", batch.id(), "object", "vector_store.files_batch", "created_at", batch.createdAt(),
        "vector_store_id", id, "status", "completed", "file_counts", counts(filesOf(batch)));
  }

  /** Returns the files of {@code batch} that are still attached, in batch order. */
  List<File> filesOf(Batch batch) {
    List<File> out = new ArrayList<>();
    for (String fileId : batch.fileIds()) {
      File f = files.get(fileId);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  static Map<String, @Nullable Object> counts(Collection<File> of) {
    long completed = of.stream().filter(f -> f.chunks != null).count();
    return Json.obj("in_progress", 0L, "completed", completed, "failed", of.size() - completed, "cancelled", 0L,
        "total", (long) of.size());
  }

  private static @Nullable String utf8(byte[] content) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
      return text.indexOf('\0') >= 0 ? null : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
