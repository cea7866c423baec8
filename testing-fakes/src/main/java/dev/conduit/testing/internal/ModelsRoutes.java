package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /v1/models} and {@code GET /v1/models/{model}}. */
final class ModelsRoutes {
  private final FakeCore core;

  ModelsRoutes(FakeCore core) {
    this.core = core;
  }

  @Nullable Reply route(IncomingRequest req, String[] seg) {
    if (!req.method().equals("GET")) {
      return null;
    }
    Map<String, Map<String, @Nullable Object>> models = core.store().models;
    if (seg.length == 1) {
      return Reply.json(200, core.codec().write(Json.obj("object", "list", "data", new ArrayList<>(models.values()))));
    }
    if (seg.length == 2) {
      return Reply.json(200, core.codec().write(require(core.store(), seg[1], 404)));
    }
    return null;
  }

  /** Returns the model {@code id}, or throws the real API's model_not_found error with {@code status}. */
  static Map<String, @Nullable Object> require(Store store, String id, int status) {
    Map<String, @Nullable Object> m = store.models.get(id);
    if (m != null) {
      return m;
    }
    String message = status == 404 ? "The model '" + id + "' does not exist" : "The requested model '" + id + "' does not exist.";
    throw new ApiError(status, message, "invalid_request_error", "model", "model_not_found");
  }
}
