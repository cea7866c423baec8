package dev.conduit.models.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileObjectTest {
  /** The spec's file object example, plus a field this version does not know. */
  private static final String SPEC_EXAMPLE =
      """
      {"id": "file-abc123", "object": "file", "bytes": 120000, "created_at": 1677610602,
       "expires_at": 1680202602, "filename": "salesOverview.pdf", "purpose": "assistants",
       "status": "processed", "status_details": null, "new_field": {"a": 1}}
      """;

  @Test
  void decodesTheSpecExample() {
    Map<String, Object> json = TestJson.object(SPEC_EXAMPLE);
    FileObject file = FileObject.fromJson(TestJson.object(SPEC_EXAMPLE));

    assertThat(file.id()).isEqualTo("file-abc123");
    assertThat(file.object()).isEqualTo("file");
    assertThat(file.bytes()).isEqualTo(120000L);
    assertThat(file.createdAt()).isEqualTo(1677610602L);
    assertThat(file.expiresAt()).isEqualTo(1680202602L);
    assertThat(file.filename()).isEqualTo("salesOverview.pdf");
    assertThat(file.purpose()).isSameAs(FilePurpose.ASSISTANTS);
    assertThat(file.status()).isEqualTo("processed");
    assertThat(file.statusDetails()).isNull();
    assertThat(file.hasField("status_details")).isTrue();
    assertThat(file.toJson()).isEqualTo(json);
    assertThat(file.toBuilder().filename("b.pdf").build().jsonField("new_field")).isEqualTo(Map.of("a", 1L));
  }

  @Test
  void purposesAreOpen() {
    assertThat(FilePurpose.of("fine-tune")).isSameAs(FilePurpose.FINE_TUNE);
    assertThat(FilePurpose.of("fine-tune-results")).isSameAs(FilePurpose.FINE_TUNE_RESULTS);
    assertThat(FilePurpose.of("batch_output")).isSameAs(FilePurpose.BATCH_OUTPUT);
    assertThat(FilePurpose.of("evals")).isSameAs(FilePurpose.EVALS);
    FileObject file = FileObject.fromJson(TestJson.object("{\"purpose\": \"realtime\"}"));
    assertThat(file.purpose().value()).isEqualTo("realtime");
    assertThat(file.purpose()).isEqualTo(FilePurpose.of("realtime"));
  }

  @Test
  void missingRequiredFieldsFailOnlyInTheirGetters() {
    FileObject file = FileObject.fromJson(TestJson.object("{\"id\": \"file-1\", \"bytes\": \"big\"}"));

    assertThat(file.id()).isEqualTo("file-1");
    assertThat(file.expiresAt()).isNull();
    assertThatThrownBy(file::filename)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("FileObject.filename");
    assertThatThrownBy(file::bytes)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("FileObject.bytes: expected integer but was string");
  }

  @Test
  void builderAndDeleted() {
    FileObject file =
        FileObject.builder()
            .id("file-1")
            .bytes(10)
            .createdAt(1)
            .filename("a.jsonl")
            .purpose(FilePurpose.BATCH)
            .status("uploaded")
            .build();
    assertThat(file.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"object": "file", "id": "file-1", "bytes": 10, "created_at": 1, "filename": "a.jsonl",
                 "purpose": "batch", "status": "uploaded"}
                """));

    FileDeleted deleted =
        FileDeleted.fromJson(TestJson.object("{\"id\": \"file-abc123\", \"object\": \"file\", \"deleted\": true}"));
    assertThat(deleted.id()).isEqualTo("file-abc123");
    assertThat(deleted.object()).isEqualTo("file");
    assertThat(deleted.deleted()).isTrue();
  }
}
