package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Batches: create, retrieve, list (newest first, {@code after} and {@code limit}) and cancel. A batch
 * is created {@code validating} and runs, whole and at once, the first time it is read (retrieved or
 * listed); see {@link BatchRunner}. Cancelling a batch that has not run makes it {@code cancelling},
 * and it reads as {@code cancelled} from then on.
 */
final class BatchesRoutes {
  private static final Map<String, Params.Type> KNOWN = Map.of("input_file_id", STRING, "endpoint", STRING,
      "completion_window", STRING, "metadata", OBJECT, "output_expires_after", OBJECT);
  /** The endpoints a batch can run, as the real API lists them. */
  static final List<String> ENDPOINTS = List.of("/v1/responses", "/v1/chat/completions", "/v1/embeddings",
      "/v1/completions", "/v1/moderations");

  private final FakeCore core;
  private final BatchRunner runner;

  BatchesRoutes(FakeCore core) {
    this.core = core;
    this.runner = new BatchRunner(core);
  }

  @Nullable Reply route(IncomingRequest req, String[] seg) {
    String m = req.method();
    if (seg.length == 1) {
      return m.equals("POST") ? create(req) : m.equals("GET") ? list(req) : null;
    }
    if (seg.length == 2 && m.equals("GET")) {
      StoredBatch b = require(seg[1]);
      runner.advance(b);
      return json(b.view());
    }
    if (seg.length == 3 && m.equals("POST") && seg[2].equals("cancel")) {
      return cancel(seg[1]);
    }
    return null;
  }

  private Reply create(IncomingRequest req) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, KNOWN, "input_file_id", "endpoint", "completion_window");
    String endpoint = (String) body.get("endpoint");
    if (!ENDPOINTS.contains(endpoint)) {
      throw ApiError.invalidValue("endpoint", endpoint, "Supported values are: '/v1/responses', '/v1/chat/completions', "
          + "'/v1/embeddings', '/v1/completions', and '/v1/moderations'.");
    }
    if (!"24h".equals(body.get("completion_window"))) {
      throw ApiError.invalidValue("completion_window", body.get("completion_window"), "Supported values are: '24h'.");
    }
    Params.metadata(body);
    Long outputExpiresAfter = FilesRoutes.expiresAfter(body, "output_expires_after");
    Map<String, @Nullable Object> metadata = Json.objAt(body, "metadata");
    StoredBatch b = new StoredBatch(core.ids().batch(), endpoint, (String) body.get("input_file_id"), core.now(),
        metadata == null ? null : Json.copyObj(metadata), outputExpiresAfter);
    core.store().batches.put(b.id, b);
    return json(b.view());
  }

  private Reply list(IncomingRequest req) {
    List<Map<String, @Nullable Object>> items = new ArrayList<>();
    for (StoredBatch b : new ArrayList<>(core.store().batches.values())) {
      runner.advance(b);
      items.add(b.view());
    }
    return json(Pages.page(items, req, "desc", 20, 100));
  }

  private Reply cancel(String id) {
    StoredBatch b = require(id);
    switch (b.status) {
      case "validating":
      case "in_progress":
      case "finalizing":
        b.status = "cancelling";
        b.cancellingAt = core.now();
        return json(b.view());
      case "cancelling":
        return json(b.view());
      default:
        throw new ApiError(409, "Cannot cancel a batch with status '" + b.status + "'.", "invalid_request_error", null,
            null);
    }
  }

  private StoredBatch require(String id) {
    StoredBatch b = core.store().batches.get(id);
    if (b == null) {
      throw ApiError.notFound("No such Batch object: " + id, "batch_id", null);
    }
    return b;
  }

  private Reply json(Map<String, @Nullable Object> tree) {
    return Reply.json(200, core.codec().write(tree));
  }
}
