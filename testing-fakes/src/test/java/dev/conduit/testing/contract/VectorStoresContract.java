package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.support.Trees;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Vector stores: lifecycle, file counts and usage, pagination both ways, attached files (status
 * filter, attributes, chunked content), file batches, and the errors of each.
 */
public abstract class VectorStoresContract extends FakeContract {
  static final String KIWI = "Kiwi fruit grows on vines in New Zealand. The kiwi is rich in vitamin C.";
  static final String RUST = "Rust is a systems programming language focused on memory safety and ownership.";

  private static long bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static Map<String, Object> counts(long completed, long failed) {
    return Map.of("in_progress", 0L, "completed", completed, "failed", failed, "cancelled", 0L, "total", completed + failed);
  }

  private static List<Object> ids(Map<String, Object> page) {
    return Trees.<List<Map<String, Object>>>at(page, "data").stream().map(m -> m.get("id")).collect(Collectors.toList());
  }

  @Test
  void lifecycleKeepsFileCountsAndUsageInStep() throws Exception {
    String kiwi = uploadText("kiwi.txt", KIWI);
    String rust = uploadText("rust.txt", RUST);
    Map<String, Object> vs = postOk("/v1/vector_stores", "{\"name\":\"Docs\",\"file_ids\":[\"" + kiwi + "\"],"
        + "\"metadata\":{\"team\":\"search\"},\"expires_after\":{\"anchor\":\"last_active_at\",\"days\":7}}");
    String id = (String) vs.get("id");
    assertThat(id).matches("vs_[0-9a-f]{32}");
    assertThat(vs).containsEntry("object", "vector_store").containsEntry("name", "Docs").containsEntry("status", "completed")
        .containsEntry("metadata", Map.of("team", "search")).containsEntry("file_counts", counts(1, 0))
        .containsEntry("usage_bytes", bytes(KIWI))
        .containsEntry("expires_after", Map.of("anchor", "last_active_at", "days", 7L));
    assertThat(vs.get("expires_at")).isEqualTo((Long) vs.get("last_active_at") + 7 * 86400L);
    assertThat(getOk("/v1/vector_stores/" + id)).isEqualTo(vs);

    Map<String, Object> file = postOk("/v1/vector_stores/" + id + "/files", "{\"file_id\":\"" + rust + "\","
        + "\"attributes\":{\"year\":2015,\"lang\":\"en\",\"stable\":true}}");
    assertThat(file).containsEntry("id", rust).containsEntry("object", "vector_store.file").containsEntry("vector_store_id", id)
        .containsEntry("status", "completed").containsEntry("last_error", null).containsEntry("usage_bytes", bytes(RUST))
        .containsEntry("attributes", Map.of("year", 2015L, "lang", "en", "stable", true))
        .containsEntry("chunking_strategy", Map.of("type", "static", "static",
            Map.of("max_chunk_size_tokens", 800L, "chunk_overlap_tokens", 400L)));
    Map<String, Object> two = getOk("/v1/vector_stores/" + id);
    assertThat(two).containsEntry("file_counts", counts(2, 0)).containsEntry("usage_bytes", bytes(KIWI) + bytes(RUST));

    Map<String, Object> updated = postOk("/v1/vector_stores/" + id + "/files/" + rust, "{\"attributes\":{\"year\":2024}}");
    assertThat(updated).containsEntry("attributes", Map.of("year", 2024L));
    assertThat(getOk("/v1/vector_stores/" + id + "/files/" + rust)).isEqualTo(updated);

    assertThat(ok(delete("/v1/vector_stores/" + id + "/files/" + kiwi))).containsEntry("id", kiwi)
        .containsEntry("object", "vector_store.file.deleted").containsEntry("deleted", true);
    assertThat(getOk("/v1/vector_stores/" + id)).containsEntry("file_counts", counts(1, 0))
        .containsEntry("usage_bytes", bytes(RUST));
    assertThat(error(get("/v1/vector_stores/" + id + "/files/" + kiwi), 404).get("message"))
        .isEqualTo("No file found with id '" + kiwi + "' in vector store '" + id + "'.");
    assertThat(getOk("/v1/files/" + kiwi)).containsEntry("id", kiwi); // detaching keeps the uploaded file

    Map<String, Object> renamed = postOk("/v1/vector_stores/" + id, "{\"name\":\"Renamed\",\"expires_after\":null,"
        + "\"metadata\":{\"v\":\"2\"}}");
    assertThat(renamed).containsEntry("name", "Renamed").containsEntry("expires_at", null)
        .containsEntry("metadata", Map.of("v", "2")).doesNotContainKey("expires_after");
    assertThat(ok(delete("/v1/vector_stores/" + id))).containsEntry("id", id)
        .containsEntry("object", "vector_store.deleted").containsEntry("deleted", true);
    assertThat(error(get("/v1/vector_stores/" + id), 404).get("message"))
        .isEqualTo("No vector store found with id '" + id + "'.");
    error(post("/v1/vector_stores/" + id + "/search", "{\"query\":\"x\"}"), 404);
  }

  @Test
  void listsVectorStoresWithCursorsBothWays() throws Exception {
    String[] ids = new String[5];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (String) postOk("/v1/vector_stores", "{\"name\":\"s" + i + "\"}").get("id");
    }
    Map<String, Object> first = getOk("/v1/vector_stores?limit=2");
    assertThat(ids(first)).containsExactly(ids[4], ids[3]);
    assertThat(first).containsEntry("object", "list").containsEntry("has_more", true).containsEntry("first_id", ids[4])
        .containsEntry("last_id", ids[3]);
    Map<String, Object> second = getOk("/v1/vector_stores?limit=2&after=" + ids[3]);
    assertThat(ids(second)).containsExactly(ids[2], ids[1]);
    Map<String, Object> last = getOk("/v1/vector_stores?limit=2&after=" + ids[1]);
    assertThat(ids(last)).containsExactly(ids[0]);
    assertThat(last).containsEntry("has_more", false);
    Map<String, Object> back = getOk("/v1/vector_stores?limit=2&before=" + ids[2]);
    assertThat(ids(back)).containsExactly(ids[4], ids[3]);
    assertThat(back).containsEntry("has_more", false);
    Map<String, Object> ascBefore = getOk("/v1/vector_stores?order=asc&limit=2&before=" + ids[3]);
    assertThat(ids(ascBefore)).containsExactly(ids[1], ids[2]);
    assertThat(ascBefore).containsEntry("has_more", true);
    assertThat(ids(getOk("/v1/vector_stores"))).hasSize(5);
    assertThat(error(get("/v1/vector_stores?limit=101"), 400)).containsEntry("param", "limit");
  }

  @Test
  void listsFilesByStatusWithPagination() throws Exception {
    String vs = (String) postOk("/v1/vector_stores", "{}").get("id");
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      files.add(uploadText("f" + i + ".md", "note number " + i));
    }
    String binary = (String) ok(upload("blob.bin", "assistants", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1})).get("id");
    for (String f : files) {
      postOk("/v1/vector_stores/" + vs + "/files", "{\"file_id\":\"" + f + "\"}");
    }
    Map<String, Object> failed = postOk("/v1/vector_stores/" + vs + "/files", "{\"file_id\":\"" + binary + "\"}");
    assertThat(failed).containsEntry("status", "failed").containsEntry("usage_bytes", 0L);
    assertThat(Trees.<Object>at(failed, "last_error", "code")).isEqualTo("unsupported_file");
    assertThat(getOk("/v1/vector_stores/" + vs)).containsEntry("file_counts", counts(4, 1));

    String base = "/v1/vector_stores/" + vs + "/files";
    assertThat(ids(getOk(base + "?filter=failed"))).containsExactly(binary);
    Map<String, Object> page1 = getOk(base + "?filter=completed&order=asc&limit=3");
    assertThat(ids(page1)).containsExactly(files.get(0), files.get(1), files.get(2));
    assertThat(page1).containsEntry("has_more", true);
    Map<String, Object> page2 = getOk(base + "?filter=completed&order=asc&limit=3&after=" + files.get(2));
    assertThat(ids(page2)).containsExactly(files.get(3));
    assertThat(page2).containsEntry("has_more", false);
    assertThat(ids(getOk(base + "?limit=2&before=" + files.get(2)))).containsExactly(binary, files.get(3));
    assertThat(ids(getOk(base))).hasSize(5).first().isEqualTo(binary);
    assertThat(error(get(base + "?filter=done"), 400)).containsEntry("param", "filter").containsEntry("code", "invalid_value");
  }

  @Test
  void contentIsTheStaticChunksWithTheirOverlap() throws Exception {
    String text = IntStream.range(0, 250).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    String file = uploadText("words.txt", text);
    String vs = (String) postOk("/v1/vector_stores", "{\"file_ids\":[\"" + file + "\"],\"chunking_strategy\":"
        + "{\"type\":\"static\",\"static\":{\"max_chunk_size_tokens\":100,\"chunk_overlap_tokens\":20}}}").get("id");
    Map<String, Object> content = getOk("/v1/vector_stores/" + vs + "/files/" + file + "/content");
    assertThat(content).containsEntry("object", "vector_store.file_content.page").containsEntry("has_more", false)
        .containsEntry("next_page", null);
    List<Map<String, Object>> chunks = Trees.at(content, "data");
    assertThat(chunks).extracting(c -> c.get("type")).containsOnly("text");
    List<String> texts = chunks.stream().map(c -> (String) c.get("text")).collect(Collectors.toList());
    assertThat(texts).hasSize(3);
    assertThat(texts.get(0)).startsWith("w0 w1 ").endsWith(" w99").doesNotContain("w100");
    assertThat(texts.get(1)).startsWith("w80 ").endsWith(" w179");
    assertThat(texts.get(2)).startsWith("w160 ").endsWith(" w249");
    long usage = texts.stream().mapToLong(VectorStoresContract::bytes).sum();
    assertThat(getOk("/v1/vector_stores/" + vs + "/files/" + file)).containsEntry("usage_bytes", usage)
        .containsEntry("chunking_strategy", Map.of("type", "static", "static",
            Map.of("max_chunk_size_tokens", 100L, "chunk_overlap_tokens", 20L)));
    assertThat(getOk("/v1/vector_stores/" + vs)).containsEntry("usage_bytes", usage);
  }

  @Test
  void fileBatchesAttachAtOnceAndCountTheirFiles() throws Exception {
    String a = uploadText("a.txt", "alpha");
    String b = uploadText("b.txt", "beta");
    String c = uploadText("c.txt", "gamma");
    String vs = (String) postOk("/v1/vector_stores", "{\"file_ids\":[\"" + a + "\"]}").get("id");
    Map<String, Object> batch = postOk("/v1/vector_stores/" + vs + "/file_batches", "{\"file_ids\":[\"" + b + "\",\""
        + c + "\"],\"attributes\":{\"source\":\"batch\"}}");
    String id = (String) batch.get("id");
    assertThat(id).matches("vsfb_[0-9a-f]{32}");
    assertThat(batch).containsEntry("object", "vector_store.files_batch").containsEntry("vector_store_id", vs)
        .containsEntry("status", "completed").containsEntry("file_counts", counts(2, 0));
    assertThat(getOk("/v1/vector_stores/" + vs + "/file_batches/" + id)).isEqualTo(batch);
    Map<String, Object> listed = getOk("/v1/vector_stores/" + vs + "/file_batches/" + id + "/files?order=asc");
    assertThat(ids(listed)).containsExactly(b, c);
    assertThat(Trees.<Object>at(listed, "data", 0, "attributes")).isEqualTo(Map.of("source", "batch"));
    assertThat(getOk("/v1/vector_stores/" + vs)).containsEntry("file_counts", counts(3, 0));

    Map<String, Object> perFile = postOk("/v1/vector_stores/" + vs + "/file_batches", "{\"files\":[{\"file_id\":\"" + a
        + "\"},{\"file_id\":\"" + c + "\",\"attributes\":{\"k\":1}}]}");
    assertThat(perFile).containsEntry("file_counts", counts(2, 0));
    delete("/v1/vector_stores/" + vs + "/files/" + c);
    assertThat(getOk("/v1/vector_stores/" + vs + "/file_batches/" + id)).containsEntry("file_counts", counts(1, 0));

    Map<String, Object> e = error(post("/v1/vector_stores/" + vs + "/file_batches/" + id + "/cancel", ""), 400);
    assertThat((String) e.get("message")).contains("'completed'");
    error(get("/v1/vector_stores/" + vs + "/file_batches/vsfb_missing"), 404);
    assertThat(error(post("/v1/vector_stores/" + vs + "/file_batches", "{\"file_ids\":[\"" + b + "\",\"file-nope\"]}"), 400))
        .containsEntry("param", "file_ids");
    assertThat(error(post("/v1/vector_stores/" + vs + "/file_batches", "{\"file_ids\":[]}"), 400))
        .containsEntry("code", "empty_array");
    assertThat(error(post("/v1/vector_stores/" + vs + "/file_batches", "{\"file_ids\":[\"" + a + "\"],\"files\":[]}"), 400))
        .containsEntry("code", "mutually_exclusive_parameters");
  }

  @Test
  void rejectsMissingFilesAndBadSettingsLikeTheRealApi() throws Exception {
    Map<String, Object> e = error(post("/v1/vector_stores", "{\"file_ids\":[\"file-nope\"]}"), 400);
    assertThat(e).containsEntry("param", "file_ids").containsEntry("message", "No file found with id 'file-nope'.");
    assertThat(ids(getOk("/v1/vector_stores"))).isEmpty(); // nothing half-created
    String vs = (String) postOk("/v1/vector_stores", "{}").get("id");
    assertThat(error(post("/v1/vector_stores/" + vs + "/files", "{\"file_id\":\"file-nope\"}"), 404))
        .containsEntry("param", "file_id");
    assertThat(error(post("/v1/vector_stores/" + vs + "/files", "{}"), 400))
        .containsEntry("code", "missing_required_parameter");
    assertThat(error(post("/v1/vector_stores", "{\"chunking_strategy\":{\"type\":\"static\",\"static\":"
        + "{\"max_chunk_size_tokens\":50,\"chunk_overlap_tokens\":0}}}"), 400))
        .containsEntry("param", "chunking_strategy.static.max_chunk_size_tokens")
        .containsEntry("code", "integer_below_min_value");
    assertThat(error(post("/v1/vector_stores", "{\"chunking_strategy\":{\"type\":\"static\",\"static\":"
        + "{\"max_chunk_size_tokens\":200,\"chunk_overlap_tokens\":101}}}"), 400))
        .containsEntry("param", "chunking_strategy.static.chunk_overlap_tokens");
    assertThat(error(post("/v1/vector_stores", "{\"chunking_strategy\":{\"type\":\"fancy\"}}"), 400))
        .containsEntry("param", "chunking_strategy.type");
    assertThat(error(post("/v1/vector_stores", "{\"expires_after\":{\"anchor\":\"created_at\",\"days\":1}}"), 400))
        .containsEntry("param", "expires_after.anchor");
    assertThat(error(post("/v1/vector_stores", "{\"expires_after\":{\"anchor\":\"last_active_at\",\"days\":366}}"), 400))
        .containsEntry("code", "integer_above_max_value");
    assertThat(error(post("/v1/vector_stores", "{\"colour\":\"blue\"}"), 400)).containsEntry("code", "unknown_parameter");
    String file = uploadText("a.txt", "a");
    assertThat(error(post("/v1/vector_stores/" + vs + "/files", "{\"file_id\":\"" + file + "\",\"attributes\":"
        + "{\"nested\":{\"x\":1}}}"), 400)).containsEntry("param", "attributes.nested");
  }
}
