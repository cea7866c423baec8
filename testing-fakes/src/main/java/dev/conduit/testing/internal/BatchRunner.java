package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;

import dev.conduit.http.Headers;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs a batch against the fake itself: each line of the input file, {@code {"custom_id", "method",
 * "url", "body"}}, goes through {@link FakeCore#dispatch} (the routes a client's request takes, with
 * its scripted replies and validation), and the results become the output file (2xx answers) and the
 * error file (lines that are not valid JSON, do not have the shape of a request, repeat a
 * {@code custom_id}, use another method than POST or another url than the batch's endpoint, and
 * answers that are not 2xx), both with purpose {@code batch_output}.
 */
final class BatchRunner {
  private static final Map<String, Params.Type> LINE = Map.of("custom_id", STRING, "method", STRING, "url", STRING,
      "body", OBJECT);
  /** The header that marks a request a batch runs, so {@code replyWhen} predicates can tell. */
  static final String BATCH_HEADER = "x-fake-batch-id";

  private final FakeCore core;

  BatchRunner(FakeCore core) {
    this.core = core;
  }

  /**
   * Moves {@code b} on from a state that waits for a read: a {@code validating} batch expires (if the
   * clock has passed its {@code expires_at}), fails (input file missing, of another purpose, or empty)
   * or runs to {@code completed}; a {@code cancelling} one becomes {@code cancelled}. Any other state
   * is final.
   */
  void advance(StoredBatch b) {
    long now = core.now();
    if (b.status.equals("cancelling")) {
      b.status = "cancelled";
      b.cancelledAt = now;
      return;
    }
    if (!b.status.equals("validating")) {
      return;
    }
    if (now >= b.expiresAt) {
      b.status = "expired";
      b.expiredAt = now;
      return;
    }
    Store.StoredFile input = core.store().files.get(b.inputFileId);
    if (input == null) {
      fail(b, now, "invalid_input_file", "The input file " + b.inputFileId + " does not exist.");
    } else if (!"batch".equals(input.object().get("purpose"))) {
      fail(b, now, "invalid_input_file", "The input file " + b.inputFileId + " must have purpose 'batch', but it has "
          + "purpose '" + input.object().get("purpose") + "'.");
    } else if (new String(input.content(), StandardCharsets.UTF_8).isBlank()) {
      fail(b, now, "empty_file", "The input file " + b.inputFileId + " is empty.");
    } else {
      run(b, new String(input.content(), StandardCharsets.UTF_8), now);
    }
  }

  private static void fail(StoredBatch b, long now, String code, String message) {
    b.status = "failed";
    b.failedAt = now;
    b.errors = Json.list(Json.obj("code", code, "message", message, "param", "input_file_id", "line", null));
  }

  private void run(StoredBatch b, String input, long now) {
    b.status = "in_progress";
    b.inProgressAt = now;
    StringBuilder output = new StringBuilder();
    StringBuilder errors = new StringBuilder();
    Set<String> customIds = new HashSet<>();
    for (String line : input.split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      b.total++;
      Map<String, @Nullable Object> result = runLine(b, line, customIds);
      Map<String, @Nullable Object> response = Json.objAt(result, "response");
      long status = Json.longAt(response, "status_code", 0);
      if (status >= 200 && status < 300) {
        b.completed++;
        addUsage(b, Json.objAt(Json.objAt(response, "body"), "usage"));
        output.append(core.codec().writeString(result)).append('\n');
      } else {
        b.failed++;
        errors.append(core.codec().writeString(result)).append('\n');
      }
    }
    b.status = "finalizing";
    b.finalizingAt = now;
    b.outputFileId = file(b, "output", output);
    b.errorFileId = file(b, "error", errors);
    b.status = "completed";
    b.completedAt = now;
  }

  /** Returns the result line for one input line: a response, or an error if it could not be sent. */
  private Map<String, @Nullable Object> runLine(StoredBatch b, String line, Set<String> customIds) {
    String id = core.ids().batchRequest();
    Object tree = core.codec().readOr(line, null);
    if (!(tree instanceof Map)) {
      return lineError(id, null, "invalid_json_line", "This line is not parseable as valid JSON.");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> task = (Map<String, @Nullable Object>) tree;
    String customId = Json.strAt(task, "custom_id");
    try {
      Params.check(task, LINE, "custom_id", "method", "url", "body");
    } catch (ApiError e) {
      Map<String, @Nullable Object> error = Json.objAt(e.body(), "error");
      return lineError(id, customId, String.valueOf(error.get("code")), e.getMessage());
    }
    if (!customIds.add(customId)) {
      return lineError(id, customId, "duplicate_custom_id", "The custom_id '" + customId + "' is a duplicate of another "
          + "request's. The custom_id parameter must be unique for each request in a batch.");
    }
    if (!"POST".equals(task.get("method"))) {
      return lineError(id, customId, "invalid_method", "The method of this request must be POST, but it is '"
          + task.get("method") + "'.");
    }
    if (!b.endpoint.equals(task.get("url"))) {
      return lineError(id, customId, "invalid_url", "The url of this request ('" + task.get("url") + "') does not match "
          + "the endpoint of the batch ('" + b.endpoint + "').");
    }
    Map<String, @Nullable Object> body = Json.objAt(task, "body");
    if (Json.boolAt(body, "stream", false)) {
      return lineError(id, customId, "invalid_request", "Streaming is not supported in a batch: remove 'stream' from "
          + "the body.");
    }
    if (b.model == null && Json.strAt(body, "model") != null) {
      b.model = Json.strAt(body, "model");
    }
    byte[] bytes = core.codec().write(body);
    Reply reply = core.dispatch(new IncomingRequest("POST", b.endpoint, null, Headers.of("content-type", Reply.JSON,
        "content-length", Integer.toString(bytes.length), BATCH_HEADER, b.id), bytes));
    String answer = new String(reply.body(), StandardCharsets.UTF_8);
    return Json.obj("id", id, "custom_id", customId, "response", Json.obj("status_code", (long) reply.status(),
        "request_id", reply.headers().first("x-request-id"), "body", core.codec().readOr(answer, answer)), "error", null);
  }

  private static Map<String, @Nullable Object> lineError(String id, @Nullable String customId, String code,
      String message) {
    return Json.obj("id", id, "custom_id", customId, "response", null, "error", Json.obj("code", code, "message", message));
  }

  /** Adds the usage of one answer, in the Responses or the Chat Completions and Embeddings form. */
  private static void addUsage(StoredBatch b, @Nullable Map<String, @Nullable Object> usage) {
    if (usage == null) {
      return;
    }
    boolean responses = usage.containsKey("input_tokens");
    b.inputTokens += Json.longAt(usage, responses ? "input_tokens" : "prompt_tokens", 0);
    b.outputTokens += Json.longAt(usage, responses ? "output_tokens" : "completion_tokens", 0);
    b.cachedTokens += Json.longAt(Json.objAt(usage, responses ? "input_tokens_details" : "prompt_tokens_details"),
        "cached_tokens", 0);
    b.reasoningTokens += Json.longAt(Json.objAt(usage, responses ? "output_tokens_details" : "completion_tokens_details"),
        "reasoning_tokens", 0);
  }

  /** Stores the lines as a {@code batch_output} file and returns its id, or null if there are none. */
  private @Nullable String file(StoredBatch b, String kind, StringBuilder lines) {
    if (lines.length() == 0) {
      return null;
    }
    Map<String, @Nullable Object> f = FilesRoutes.create(core, "batch_output", b.id + "_" + kind + ".jsonl",
        lines.toString().getBytes(StandardCharsets.UTF_8), b.outputExpiresAfter);
    return (String) f.get("id");
  }
}
