package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.support.MultipartBody;
import dev.conduit.testing.support.RawHttp;
import dev.conduit.testing.support.Trees;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uploads: parts joined in the order given into a File, the checks on completion, cancel, validation. */
public abstract class UploadsContract extends FakeContract {
  private Map<String, Object> create(String purpose, long bytes) throws Exception {
    return postOk("/v1/uploads", "{\"filename\":\"train.jsonl\",\"purpose\":\"" + purpose + "\",\"bytes\":" + bytes
        + ",\"mime_type\":\"text/jsonl\"}");
  }

  private RawHttp.Response addPart(String uploadId, String data) throws Exception {
    byte[] body = new MultipartBody().file("data", "blob", "application/octet-stream",
        data.getBytes(StandardCharsets.UTF_8)).build();
    return http.send("POST", "/v1/uploads/" + uploadId + "/parts", body, "Content-Type", MultipartBody.CONTENT_TYPE);
  }

  private String part(String uploadId, String data) throws Exception {
    Map<String, Object> part = ok(addPart(uploadId, data));
    assertThat(part).containsOnlyKeys("id", "object", "created_at", "upload_id").containsEntry("object", "upload.part")
        .containsEntry("upload_id", uploadId);
    return (String) part.get("id");
  }

  private RawHttp.Response complete(String uploadId, String body) throws Exception {
    return post("/v1/uploads/" + uploadId + "/complete", body);
  }

  @Test
  void partsAreJoinedInTheGivenOrderIntoAReadableFile() throws Exception {
    String a = "{\"n\":1}\n";
    String b = "{\"n\":2,\"é\":true}\n";
    String c = "{\"n\":3}\n";
    String whole = a + b + c;
    byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
    Map<String, Object> upload = create("batch", bytes.length);
    assertThat(upload).containsOnlyKeys("id", "object", "bytes", "created_at", "filename", "purpose", "status",
        "expires_at", "file").containsEntry("object", "upload").containsEntry("status", "pending")
        .containsEntry("bytes", (long) bytes.length).containsEntry("filename", "train.jsonl")
        .containsEntry("purpose", "batch").containsEntry("file", null)
        .containsEntry("expires_at", (Long) upload.get("created_at") + 3600);
    String id = (String) upload.get("id");
    assertThat(id).matches("upload_[0-9a-f]{32}");
    String pc = part(id, c);
    String pa = part(id, a);
    String pb = part(id, b);
    assertThat(pa).matches("part_[0-9a-f]{32}").isNotEqualTo(pb);

    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    Map<String, Object> done = ok(complete(id, "{\"part_ids\":[\"" + pa + "\",\"" + pb + "\",\"" + pc + "\"],\"md5\":\""
        + md5 + "\"}"));
    assertThat(done).containsEntry("id", id).containsEntry("status", "completed");
    Map<String, Object> file = Trees.at(done, "file");
    assertThat(file).containsEntry("object", "file").containsEntry("purpose", "batch")
        .containsEntry("filename", "train.jsonl").containsEntry("bytes", (long) bytes.length)
        .containsEntry("expires_at", (Long) file.get("created_at") + 30L * 24 * 3600);
    String fileId = (String) file.get("id");
    assertThat(getOk("/v1/files/" + fileId)).isEqualTo(file);
    RawHttp.Response content = get("/v1/files/" + fileId + "/content");
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.text()).isEqualTo(whole);
    assertThat(Trees.<List<Map<String, Object>>>at(getOk("/v1/files?purpose=batch"), "data"))
        .extracting(f -> f.get("id")).containsExactly(fileId);
  }

  @Test
  void completionChecksPartIdsBytesAndMd5() throws Exception {
    String id = (String) create("fine-tune", 6).get("id");
    String other = (String) create("fine-tune", 3).get("id");
    String p1 = part(id, "abc");
    String p2 = part(id, "def");
    String foreign = part(other, "xyz");

    Map<String, Object> e = error(complete(id, "{\"part_ids\":[\"" + p1 + "\",\"part_nope\"]}"), 400);
    assertThat(e).containsEntry("type", "invalid_request_error").containsEntry("param", "part_ids[1]");
    assertThat((String) e.get("message")).contains("part_nope");
    assertThat(error(complete(id, "{\"part_ids\":[\"" + p1 + "\",\"" + foreign + "\"]}"), 400))
        .containsEntry("param", "part_ids[1]");
    assertThat(error(complete(id, "{\"part_ids\":[\"" + p1 + "\",\"" + p1 + "\"]}"), 400))
        .containsEntry("param", "part_ids[1]");
    assertThat((String) error(complete(id, "{\"part_ids\":[\"" + p1 + "\"]}"), 400).get("message"))
        .contains("(3)").contains("(6)");
    assertThat(error(complete(id, "{\"part_ids\":[]}"), 400)).containsEntry("code", "empty_array");
    assertThat(error(complete(id, "{}"), 400)).containsEntry("code", "missing_required_parameter");
    assertThat(error(complete(id, "{\"part_ids\":[\"" + p1 + "\",\"" + p2 + "\"],\"md5\":\"00ff\"}"), 400))
        .containsEntry("param", "md5");

    Map<String, Object> done = ok(complete(id, "{\"part_ids\":[\"" + p2 + "\",\"" + p1 + "\"]}"));
    assertThat(get("/v1/files/" + Trees.at(done, "file", "id") + "/content").text()).isEqualTo("defabc");
    assertThat(Trees.<Object>at(done, "file", "expires_at")).isNull();
    assertThat((String) error(complete(id, "{\"part_ids\":[\"" + p2 + "\",\"" + p1 + "\"]}"), 400).get("message"))
        .contains("'completed'");
    assertThat((String) error(addPart(id, "more"), 400).get("message")).contains("'completed'");
    error(post("/v1/uploads/" + id + "/cancel", ""), 400);
  }

  @Test
  void aCancelledUploadTakesNoPartsAndCannotBeCompleted() throws Exception {
    String id = (String) create("assistants", 2).get("id");
    String p = part(id, "hi");
    Map<String, Object> cancelled = ok(post("/v1/uploads/" + id + "/cancel", ""));
    assertThat(cancelled).containsEntry("id", id).containsEntry("status", "cancelled").containsEntry("file", null);
    Map<String, Object> e = error(complete(id, "{\"part_ids\":[\"" + p + "\"]}"), 400);
    assertThat(e).containsEntry("type", "invalid_request_error");
    assertThat((String) e.get("message")).contains("'cancelled'");
    error(addPart(id, "x"), 400);
    error(post("/v1/uploads/" + id + "/cancel", ""), 400);
    assertThat(Trees.<List<Object>>at(getOk("/v1/files"), "data")).isEmpty();

    for (String path : new String[] {"/cancel", "/complete"}) {
      assertThat(error(post("/v1/uploads/upload_missing" + path, "{\"part_ids\":[\"p\"]}"), 404))
          .containsEntry("message", "No such Upload object: upload_missing");
    }
    error(addPart("upload_missing", "x"), 404);
    assertThat((String) error(get("/v1/uploads/" + id), 404).get("message")).startsWith("Invalid URL");
  }

  @Test
  void rejectsBadCreatesAndParts() throws Exception {
    assertThat(error(post("/v1/uploads", "{\"filename\":\"a\",\"purpose\":\"batch\",\"bytes\":1}"), 400))
        .containsEntry("param", "mime_type").containsEntry("code", "missing_required_parameter");
    assertThat(error(post("/v1/uploads", "{\"filename\":\"a\",\"purpose\":\"memes\",\"bytes\":1,\"mime_type\":\"t\"}"), 400))
        .containsEntry("param", "purpose").containsEntry("code", "invalid_value");
    assertThat(error(post("/v1/uploads", "{\"filename\":\"a\",\"purpose\":\"batch\",\"bytes\":8589934593,"
        + "\"mime_type\":\"t\"}"), 400)).containsEntry("param", "bytes").containsEntry("code", "integer_above_max_value");
    assertThat(error(post("/v1/uploads", "{\"filename\":\"a\",\"purpose\":\"batch\",\"bytes\":\"1\",\"mime_type\":\"t\"}"),
        400)).containsEntry("code", "invalid_type");
    assertThat(error(post("/v1/uploads", "{\"filename\":\"a\",\"purpose\":\"batch\",\"bytes\":1,\"mime_type\":\"t\","
        + "\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":60}}"), 400))
        .containsEntry("param", "expires_after.seconds");
    String id = (String) create("vision", 1).get("id");
    byte[] wrongField = new MultipartBody().field("chunk", "x").build();
    assertThat(error(http.send("POST", "/v1/uploads/" + id + "/parts", wrongField, "Content-Type",
        MultipartBody.CONTENT_TYPE), 400)).containsEntry("code", "unknown_parameter");
    error(post("/v1/uploads/" + id + "/parts", "{\"data\":\"x\"}"), 400);
  }
}
