package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.support.RawHttp;
import dev.conduit.testing.support.Trees;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files: multipart upload, paginated list, retrieve, content, delete, validation. */
public abstract class FilesContract extends FakeContract {
  @Test
  void uploadsRetrievesDownloadsAndDeletes() throws Exception {
    byte[] content = "{\"prompt\":\"héllo\"}\n".getBytes(StandardCharsets.UTF_8);
    Map<String, Object> file = ok(upload("train.jsonl", "fine-tune", content));
    assertThat(file).containsOnlyKeys("object", "id", "purpose", "filename", "bytes", "created_at", "expires_at", "status",
        "status_details").containsEntry("object", "file").containsEntry("purpose", "fine-tune")
        .containsEntry("filename", "train.jsonl").containsEntry("bytes", (long) content.length)
        .containsEntry("status", "processed").containsEntry("expires_at", null);
    String id = (String) file.get("id");
    assertThat(id).matches("file-[A-Za-z0-9]{22}");
    assertThat(getOk("/v1/files/" + id)).isEqualTo(file);
    RawHttp.Response download = get("/v1/files/" + id + "/content");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
    assertThat(ok(delete("/v1/files/" + id))).containsEntry("id", id).containsEntry("object", "file")
        .containsEntry("deleted", true);
    Map<String, Object> e = error(get("/v1/files/" + id), 404);
    assertThat(e).containsEntry("message", "No such File object: " + id).containsEntry("param", "id");
    error(get("/v1/files/" + id + "/content"), 404);
    error(delete("/v1/files/" + id), 404);
  }

  @Test
  void listsWithPaginationNewestFirst() throws Exception {
    String[] ids = new String[4];
    for (int i = 0; i < 4; i++) {
      ids[i] = (String) ok(upload("f" + i + ".txt", i == 3 ? "assistants" : "batch", new byte[] {(byte) i})).get("id");
    }
    Map<String, Object> all = getOk("/v1/files");
    assertThat(Trees.<List<Map<String, Object>>>at(all, "data")).extracting(f -> f.get("id"))
        .containsExactly(ids[3], ids[2], ids[1], ids[0]);
    assertThat(all).containsEntry("object", "list").containsEntry("has_more", false).containsEntry("first_id", ids[3])
        .containsEntry("last_id", ids[0]);
    Map<String, Object> page = getOk("/v1/files?limit=2&order=asc");
    assertThat(Trees.<List<Map<String, Object>>>at(page, "data")).extracting(f -> f.get("id")).containsExactly(ids[0], ids[1]);
    assertThat(page).containsEntry("has_more", true).containsEntry("last_id", ids[1]);
    Map<String, Object> next = getOk("/v1/files?limit=2&order=asc&after=" + ids[1]);
    assertThat(Trees.<List<Map<String, Object>>>at(next, "data")).extracting(f -> f.get("id")).containsExactly(ids[2], ids[3]);
    assertThat(next).containsEntry("has_more", false);
    assertThat(Trees.<List<Map<String, Object>>>at(getOk("/v1/files?purpose=batch"), "data")).hasSize(3);
    Map<String, Object> empty = getOk("/v1/files?purpose=vision");
    assertThat(empty).containsEntry("data", List.of()).containsEntry("first_id", null).containsEntry("last_id", null);
    assertThat(error(get("/v1/files?limit=abc"), 400)).containsEntry("code", "invalid_type");
    assertThat(error(get("/v1/files?order=up"), 400)).containsEntry("param", "order");
  }

  @Test
  void rejectsBadUploads() throws Exception {
    assertThat(error(upload("a.txt", null, new byte[1]), 400)).containsEntry("param", "purpose")
        .containsEntry("code", "missing_required_parameter");
    assertThat(error(upload(null, "batch", new byte[1]), 400)).containsEntry("param", "file");
    assertThat(error(upload("a.txt", "memes", new byte[1]), 400)).containsEntry("param", "purpose")
        .containsEntry("code", "invalid_value");
    error(post("/v1/files", "{\"purpose\":\"batch\"}"), 400);
  }
}
