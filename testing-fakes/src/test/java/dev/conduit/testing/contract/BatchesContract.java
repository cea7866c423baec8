package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.conduit.testing.FakeReply;
import dev.conduit.testing.RecordedRequest;
import dev.conduit.testing.support.MultipartBody;
import dev.conduit.testing.support.RawHttp;
import dev.conduit.testing.support.Trees;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Batches: lines really run through the fake, output and error files, counts, status transitions,
 * failures, validation, pagination and cancel.
 */
public abstract class BatchesContract extends FakeContract {
  private static final String CHAT = "/v1/chat/completions";

  static String chatLine(String customId, String model, String text) {
    return "{\"custom_id\":\"" + customId + "\",\"method\":\"POST\",\"url\":\"" + CHAT + "\",\"body\":{\"model\":\""
        + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}}";
  }

  static String embeddingLine(String customId, String method, String text) {
    return "{\"custom_id\":\"" + customId + "\",\"method\":\"" + method + "\",\"url\":\"/v1/embeddings\",\"body\":"
        + embeddingBody(text) + "}";
  }

  static String embeddingBody(String text) {
    return "{\"model\":\"text-embedding-3-small\",\"input\":\"" + text + "\",\"dimensions\":8}";
  }

  private String upload(String purpose, String content) throws Exception {
    byte[] body = new MultipartBody().field("purpose", purpose)
        .file("file", "requests.jsonl", "application/jsonl", content.getBytes(StandardCharsets.UTF_8)).build();
    return (String) ok(http.send("POST", "/v1/files", body, "Content-Type", MultipartBody.CONTENT_TYPE)).get("id");
  }

  private String inputFile(String... lines) throws Exception {
    return upload("batch", String.join("\n", lines) + "\n");
  }

  private Map<String, Object> create(String fileId, String endpoint) throws Exception {
    return postOk("/v1/batches", "{\"input_file_id\":\"" + fileId + "\",\"endpoint\":\"" + endpoint
        + "\",\"completion_window\":\"24h\"}");
  }

  private List<Map<String, Object>> jsonl(Object fileId) throws Exception {
    RawHttp.Response r = get("/v1/files/" + fileId + "/content");
    assertThat(r.status()).isEqualTo(200);
    List<Map<String, Object>> out = new ArrayList<>();
    for (String line : r.text().split("\n")) {
      out.add(Trees.object(line));
    }
    return out;
  }

  /** Walks {@code keys} into a tree, or returns null where a step is missing or null. */
  private static Object orNull(Map<String, Object> tree, String... keys) {
    Object at = tree;
    for (String k : keys) {
      if (!(at instanceof Map)) {
        return null;
      }
      at = ((Map<?, ?>) at).get(k);
    }
    return at;
  }

  @Test
  void runsChatLinesAndSortsResultsIntoOutputAndErrorFiles() throws Exception {
    fake.reply(FakeReply.text("scripted answer"));
    String file = inputFile(chatLine("c1", "gpt-4o-mini", "first"), chatLine("c2", "gpt-4o-mini", "second"),
        "{\"custom_id\":\"broken\",", "", embeddingLine("e1", "POST", "wrong endpoint"),
        chatLine("c3", "no-such-model", "fails"), chatLine("c4", "gpt-4o-mini", "third"));
    Map<String, Object> created = postOk("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"endpoint\":\"" + CHAT
        + "\",\"completion_window\":\"24h\",\"metadata\":{\"job\":\"nightly\"}}");
    assertThat(created).containsOnlyKeys("id", "object", "endpoint", "errors", "input_file_id", "completion_window",
        "status", "output_file_id", "error_file_id", "created_at", "in_progress_at", "expires_at", "finalizing_at",
        "completed_at", "failed_at", "expired_at", "cancelling_at", "cancelled_at", "request_counts", "usage", "metadata");
    assertThat(created).containsEntry("object", "batch").containsEntry("status", "validating")
        .containsEntry("endpoint", CHAT).containsEntry("input_file_id", file).containsEntry("completion_window", "24h")
        .containsEntry("errors", null).containsEntry("output_file_id", null).containsEntry("in_progress_at", null)
        .containsEntry("request_counts", Map.of("total", 0L, "completed", 0L, "failed", 0L))
        .containsEntry("metadata", Map.of("job", "nightly"))
        .containsEntry("expires_at", (Long) created.get("created_at") + 24 * 3600);
    String id = (String) created.get("id");
    assertThat(id).matches("batch_[0-9a-f]{32}");

    Map<String, Object> batch = getOk("/v1/batches/" + id);
    assertThat(fake.journal()).extracting(RecordedRequest::path).containsExactly("/v1/files", "/v1/batches",
        "/v1/batches/" + id);
    assertThat(batch).containsEntry("status", "completed").containsEntry("model", "gpt-4o-mini")
        .containsEntry("request_counts", Map.of("total", 6L, "completed", 3L, "failed", 3L))
        .containsEntry("failed_at", null).containsEntry("cancelled_at", null);
    long createdAt = (Long) batch.get("created_at");
    assertThat((Long) batch.get("in_progress_at")).isGreaterThanOrEqualTo(createdAt);
    assertThat((Long) batch.get("finalizing_at")).isGreaterThanOrEqualTo((Long) batch.get("in_progress_at"));
    assertThat((Long) batch.get("completed_at")).isGreaterThanOrEqualTo((Long) batch.get("finalizing_at"));
    assertThat(Trees.<Long>at(batch, "usage", "input_tokens")).isPositive();
    assertThat(Trees.<Long>at(batch, "usage", "output_tokens")).isPositive();
    assertThat(getOk("/v1/batches/" + id)).isEqualTo(batch);

    Map<String, Object> outputFile = getOk("/v1/files/" + batch.get("output_file_id"));
    assertThat(outputFile).containsEntry("purpose", "batch_output").containsEntry("filename", id + "_output.jsonl");
    List<Map<String, Object>> output = jsonl(batch.get("output_file_id"));
    assertThat(output).extracting(l -> l.get("custom_id")).containsExactly("c1", "c2", "c4");
    assertThat(output).extracting(l -> Trees.<Object>at(l, "response", "body", "choices", 0, "message", "content"))
        .containsExactly("scripted answer", "second", "third");
    for (Map<String, Object> line : output) {
      assertThat(line).containsOnlyKeys("id", "custom_id", "response", "error").containsEntry("error", null);
      assertThat((String) line.get("id")).matches("batch_req_[0-9a-f]{32}");
      assertThat(Trees.<Map<String, Object>>at(line, "response")).containsOnlyKeys("status_code", "request_id", "body")
          .containsEntry("status_code", 200L);
      assertThat(Trees.<String>at(line, "response", "request_id")).matches("req_[0-9a-f]{32}");
      assertThat(Trees.<Object>at(line, "response", "body", "object")).isEqualTo("chat.completion");
    }

    assertThat(getOk("/v1/files/" + batch.get("error_file_id"))).containsEntry("filename", id + "_error.jsonl");
    List<Map<String, Object>> errors = jsonl(batch.get("error_file_id"));
    assertThat(errors).extracting(l -> l.get("custom_id")).containsExactly(null, "e1", "c3");
    assertThat(errors.get(0)).containsEntry("response", null);
    assertThat(Trees.<Object>at(errors.get(0), "error", "code")).isEqualTo("invalid_json_line");
    assertThat(Trees.<Object>at(errors.get(1), "error", "code")).isEqualTo("invalid_url");
    assertThat(errors.get(2)).containsEntry("error", null);
    assertThat(Trees.<Object>at(errors.get(2), "response", "status_code")).isEqualTo(404L);
    assertThat(Trees.<Object>at(errors.get(2), "response", "body", "error", "code")).isEqualTo("model_not_found");
    assertThat(Trees.<List<Object>>at(getOk("/v1/files?purpose=batch_output"), "data")).hasSize(2);
  }

  @Test
  void embeddingsAndResponsesLinesGetWhatADirectRequestGets() throws Exception {
    String file = inputFile(embeddingLine("a", "POST", "alpha"), embeddingLine("b", "GET", "beta"),
        embeddingLine("a", "POST", "again"), "{\"custom_id\":\"c\",\"method\":\"POST\",\"url\":\"/v1/embeddings\"}",
        "[1,2]", embeddingLine("d", "POST", ""));
    String id = (String) create(file, "/v1/embeddings").get("id");
    Map<String, Object> batch = getOk("/v1/batches/" + id);
    assertThat(batch).containsEntry("request_counts", Map.of("total", 6L, "completed", 1L, "failed", 5L));
    Map<String, Object> direct = postOk("/v1/embeddings", embeddingBody("alpha"));
    Map<String, Object> line = jsonl(batch.get("output_file_id")).get(0);
    assertThat(Trees.<Object>at(line, "response", "body")).isEqualTo(direct);
    assertThat(Trees.<Long>at(batch, "usage", "input_tokens")).isEqualTo(Trees.<Long>at(direct, "usage", "prompt_tokens"));
    assertThat(jsonl(batch.get("error_file_id"))).extracting(l -> l.get("custom_id"), l -> orNull(l, "error", "code"),
        l -> orNull(l, "response", "status_code")).containsExactly(tuple("b", "invalid_method", null),
            tuple("a", "duplicate_custom_id", null), tuple("c", "missing_required_parameter", null),
            tuple(null, "invalid_json_line", null), tuple("d", null, 400L));

    String responses = inputFile("{\"custom_id\":\"r\",\"method\":\"POST\",\"url\":\"/v1/responses\",\"body\":"
        + "{\"model\":\"gpt-4o\",\"input\":\"batched response\"}}");
    Map<String, Object> rb = getOk("/v1/batches/" + create(responses, "/v1/responses").get("id"));
    assertThat(rb).containsEntry("status", "completed").containsEntry("error_file_id", null);
    Map<String, Object> body = Trees.at(jsonl(rb.get("output_file_id")).get(0), "response", "body");
    assertThat(body).containsEntry("object", "response").containsEntry("status", "completed");
    assertThat(Trees.<Object>at(body, "output", 0, "content", 0, "text")).isEqualTo("batched response");
  }

  @Test
  void standingRepliesSeeBatchLinesUnjournalledAndMarked() throws Exception {
    List<String> seen = new ArrayList<>();
    fake.replyWhen(r -> {
      seen.add(r.index() + " " + r.path() + " " + r.header("x-fake-batch-id"));
      return r.header("x-fake-batch-id") != null;
    }, FakeReply.text("for the batch"));
    String id = (String) create(inputFile(chatLine("a", "gpt-4o", "hi")), CHAT).get("id");
    Map<String, Object> batch = getOk("/v1/batches/" + id);
    assertThat(Trees.<Object>at(jsonl(batch.get("output_file_id")).get(0), "response", "body", "choices", 0, "message",
        "content")).isEqualTo("for the batch");
    assertThat(Trees.<Object>at(postOk(CHAT, "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"direct\"}]}"), "choices", 0, "message", "content")).isEqualTo("direct");
    assertThat(seen).containsExactly("-1 " + CHAT + " " + id, fake.journal().size() - 1 + " " + CHAT + " null");
  }

  @Test
  void failsWhenTheInputFileIsMissingOfAnotherPurposeOrEmpty() throws Exception {
    String userData = upload("user_data", chatLine("x", "gpt-4o", "hi") + "\n");
    String empty = inputFile("", "  ");
    String deleted = inputFile(chatLine("x", "gpt-4o", "hi"));
    String deletedBatch = (String) create(deleted, CHAT).get("id");
    ok(delete("/v1/files/" + deleted));
    String[][] cases = {{"file-missing", "invalid_input_file"}, {userData, "invalid_input_file"},
        {empty, "empty_file"}};
    for (String[] c : cases) {
      Map<String, Object> b = getOk("/v1/batches/" + create(c[0], CHAT).get("id"));
      assertThat(b).containsEntry("status", "failed").containsEntry("output_file_id", null)
          .containsEntry("error_file_id", null).containsEntry("completed_at", null)
          .containsEntry("request_counts", Map.of("total", 0L, "completed", 0L, "failed", 0L));
      assertThat((Long) b.get("failed_at")).isGreaterThanOrEqualTo((Long) b.get("created_at"));
      assertThat(Trees.<Object>at(b, "errors", "object")).isEqualTo("list");
      Map<String, Object> error = Trees.at(b, "errors", "data", 0);
      assertThat(error).containsOnlyKeys("code", "message", "param", "line").containsEntry("code", c[1])
          .containsEntry("param", "input_file_id");
      assertThat((String) error.get("message")).contains(c[0]);
    }
    assertThat(getOk("/v1/batches/" + deletedBatch)).containsEntry("status", "failed");
    assertThat(Trees.<List<Object>>at(getOk("/v1/files?purpose=batch_output"), "data")).isEmpty();
  }

  @Test
  void rejectsBadCreatesAndUnknownIds() throws Exception {
    String file = inputFile(chatLine("x", "gpt-4o", "hi"));
    assertThat(error(post("/v1/batches", "{\"endpoint\":\"" + CHAT + "\",\"completion_window\":\"24h\"}"), 400))
        .containsEntry("param", "input_file_id").containsEntry("code", "missing_required_parameter");
    assertThat(error(post("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"endpoint\":\"/v1/files\","
        + "\"completion_window\":\"24h\"}"), 400)).containsEntry("param", "endpoint").containsEntry("code", "invalid_value");
    assertThat(error(post("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"endpoint\":\"" + CHAT
        + "\",\"completion_window\":\"48h\"}"), 400)).containsEntry("param", "completion_window");
    assertThat(error(post("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"endpoint\":\"" + CHAT
        + "\",\"completion_window\":\"24h\",\"priority\":1}"), 400)).containsEntry("code", "unknown_parameter");
    assertThat(error(post("/v1/batches", "{\"input_file_id\":\"" + file + "\",\"endpoint\":\"" + CHAT
        + "\",\"completion_window\":\"24h\",\"output_expires_after\":{\"anchor\":\"now\",\"seconds\":3600}}"), 400))
        .containsEntry("param", "output_expires_after.anchor");
    assertThat(error(get("/v1/batches/batch_missing"), 404)).containsEntry("message", "No such Batch object: batch_missing");
    error(post("/v1/batches/batch_missing/cancel", ""), 404);
    assertThat(Trees.<List<Object>>at(getOk("/v1/batches"), "data")).isEmpty();
  }

  @Test
  void listsNewestFirstWithACursorAndRunsWhatItLists() throws Exception {
    String file = inputFile(chatLine("x", "gpt-4o", "hi"));
    String[] ids = new String[5];
    for (int i = 0; i < 5; i++) {
      ids[i] = (String) create(file, CHAT).get("id");
    }
    Map<String, Object> page = getOk("/v1/batches?limit=2");
    assertThat(Trees.<List<Map<String, Object>>>at(page, "data")).extracting(b -> b.get("id")).containsExactly(ids[4], ids[3]);
    assertThat(page).containsEntry("object", "list").containsEntry("has_more", true).containsEntry("first_id", ids[4])
        .containsEntry("last_id", ids[3]);
    assertThat(Trees.<List<Map<String, Object>>>at(page, "data")).extracting(b -> b.get("status"))
        .containsOnly("completed");
    Map<String, Object> next = getOk("/v1/batches?limit=2&after=" + ids[3]);
    assertThat(Trees.<List<Map<String, Object>>>at(next, "data")).extracting(b -> b.get("id")).containsExactly(ids[2], ids[1]);
    Map<String, Object> last = getOk("/v1/batches?limit=2&after=" + ids[1]);
    assertThat(Trees.<List<Map<String, Object>>>at(last, "data")).extracting(b -> b.get("id")).containsExactly(ids[0]);
    assertThat(last).containsEntry("has_more", false);
    assertThat(Trees.<List<Object>>at(getOk("/v1/batches"), "data")).hasSize(5);
    assertThat(error(get("/v1/batches?limit=0"), 400)).containsEntry("param", "limit");
    assertThat(error(get("/v1/batches?limit=101"), 400)).containsEntry("code", "integer_above_max_value");
  }

  @Test
  void cancellingBeforeTheFirstReadStopsTheBatch() throws Exception {
    fake.reply(FakeReply.text("kept for later"));
    String file = inputFile(chatLine("x", "gpt-4o", "hi"));
    String id = (String) create(file, CHAT).get("id");
    Map<String, Object> cancelling = ok(post("/v1/batches/" + id + "/cancel", ""));
    assertThat(cancelling).containsEntry("id", id).containsEntry("status", "cancelling").containsEntry("cancelled_at", null);
    long cancellingAt = (Long) cancelling.get("cancelling_at");
    assertThat(ok(post("/v1/batches/" + id + "/cancel", ""))).containsEntry("status", "cancelling");
    Map<String, Object> cancelled = getOk("/v1/batches/" + id);
    assertThat(cancelled).containsEntry("status", "cancelled").containsEntry("cancelling_at", cancellingAt)
        .containsEntry("output_file_id", null).containsEntry("in_progress_at", null)
        .containsEntry("request_counts", Map.of("total", 0L, "completed", 0L, "failed", 0L));
    assertThat((Long) cancelled.get("cancelled_at")).isGreaterThanOrEqualTo(cancellingAt);
    Map<String, Object> e = error(post("/v1/batches/" + id + "/cancel", ""), 409);
    assertThat(e).containsEntry("message", "Cannot cancel a batch with status 'cancelled'.")
        .containsEntry("type", "invalid_request_error");
    assertThat(Trees.<Object>at(postOk(CHAT, "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}"),
        "choices", 0, "message", "content")).isEqualTo("kept for later");

    String done = (String) create(file, CHAT).get("id");
    assertThat(getOk("/v1/batches/" + done)).containsEntry("status", "completed");
    assertThat(error(post("/v1/batches/" + done + "/cancel", ""), 409))
        .containsEntry("message", "Cannot cancel a batch with status 'completed'.");
  }
}
