package dev.conduit.testing.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A batch: what it was created with, where it stands, and what it produced. Mutable; guarded, like
 * all of {@link Store}, by the store's monitor.
 */
public final class StoredBatch {
  /** The only completion window the API accepts, in seconds. */
  static final long WINDOW_SECONDS = 24 * 3600;

  final String id;
  final String endpoint;
  final String inputFileId;
  final long createdAt;
  final long expiresAt;
  final @Nullable Map<String, @Nullable Object> metadata;
  /** The {@code output_expires_after.seconds} of the output and error files, or null. */
  final @Nullable Long outputExpiresAfter;

  String status = "validating";
  @Nullable String model;
  /** The batch-level errors of a failed batch: {@code BatchError} objects. */
  @Nullable List<@Nullable Object> errors;
  @Nullable String outputFileId;
  @Nullable String errorFileId;
  @Nullable Long inProgressAt;
  @Nullable Long finalizingAt;
  @Nullable Long completedAt;
  @Nullable Long failedAt;
  @Nullable Long expiredAt;
  @Nullable Long cancellingAt;
  @Nullable Long cancelledAt;
  long total;
  long completed;
  long failed;
  long inputTokens;
  long cachedTokens;
  long outputTokens;
  long reasoningTokens;

  StoredBatch(String id, String endpoint, String inputFileId, long createdAt,
      @Nullable Map<String, @Nullable Object> metadata, @Nullable Long outputExpiresAfter) {
    this.id = id;
    this.endpoint = endpoint;
    this.inputFileId = inputFileId;
    this.createdAt = createdAt;
    this.expiresAt = createdAt + WINDOW_SECONDS;
    this.metadata = metadata;
    this.outputExpiresAfter = outputExpiresAfter;
  }

  /** Returns the Batch object as the API shows it. */
  Map<String, @Nullable Object> view() {
    Map<String, @Nullable Object> b = Json.obj("id", id, "object", "batch", "endpoint", endpoint);
    if (model != null) {
      b.put("model", model);
    }
    b.putAll(Json.obj("errors", errors == null ? null : Json.obj("object", "list", "data", Json.copy(errors)),
        "input_file_id", inputFileId, "completion_window", "24h", "status", status,
        "output_file_id", outputFileId, "error_file_id", errorFileId, "created_at", createdAt,
        "in_progress_at", inProgressAt, "expires_at", expiresAt, "finalizing_at", finalizingAt,
        "completed_at", completedAt, "failed_at", failedAt, "expired_at", expiredAt,
        "cancelling_at", cancellingAt, "cancelled_at", cancelledAt,
        "request_counts", Json.obj("total", total, "completed", completed, "failed", failed),
        "usage", Json.obj("input_tokens", inputTokens, "input_tokens_details", Json.obj("cached_tokens", cachedTokens),
            "output_tokens", outputTokens, "output_tokens_details", Json.obj("reasoning_tokens", reasoningTokens),
            "total_tokens", inputTokens + outputTokens),
        "metadata", metadata == null ? null : Json.copyObj(metadata)));
    return b;
  }
}
