package dev.conduit.models.files;

import dev.conduit.models.SortOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileParamsTest {
  @TempDir Path dir;

  @Test
  void listParamsQuery() {
    FileListParams params =
        FileListParams.builder().purpose(FilePurpose.FINE_TUNE).limit(100).order(SortOrder.ASC).after("file-9").build();

    assertThat(params.toQuery())
        .containsExactly(
            Map.entry("purpose", "fine-tune"),
            Map.entry("limit", "100"),
            Map.entry("order", "asc"),
            Map.entry("after", "file-9"));
    assertThat(params.purpose()).isSameAs(FilePurpose.FINE_TUNE);
    assertThat(params.limit()).isEqualTo(100L);
    assertThat(params.order()).isSameAs(SortOrder.ASC);
    assertThat(params.after()).isEqualTo("file-9");
    assertThat(params.toBuilder().purpose(null).build().toQuery()).containsOnlyKeys("limit", "order", "after");
    assertThat(FileListParams.none().toQuery()).isEmpty();
    assertThat(FileListParams.none().purpose()).isNull();
    assertThatThrownBy(() -> FileListParams.builder().limit(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createParamsFromAPath() throws Exception {
    Path file = Files.writeString(dir.resolve("train.jsonl"), "{\"a\":1}\n");

    FileCreateParams params =
        FileCreateParams.builder()
            .file(file)
            .purpose(FilePurpose.FINE_TUNE)
            .contentType("application/jsonl")
            .expiresAfter("created_at", 3600)
            .build();

    assertThat(params.filePath()).isEqualTo(file);
    assertThat(params.fileStream()).isNull();
    assertThat(params.filename()).isEqualTo("train.jsonl");
    assertThat(params.contentType()).isEqualTo("application/jsonl");
    assertThat(params.purpose()).isSameAs(FilePurpose.FINE_TUNE);
    assertThat(params.expiresAfterAnchor()).isEqualTo("created_at");
    assertThat(params.expiresAfterSeconds()).isEqualTo(3600L);
    assertThat(params.isRepeatable()).isTrue();
    assertThat(params.toString()).contains("train.jsonl", "fine-tune", "created_at+3600s");
  }

  @Test
  void createParamsFromAStream() {
    InputStream in = new ByteArrayInputStream(new byte[] {1, 2, 3});

    FileCreateParams params = FileCreateParams.builder().file(in, "data.bin").purpose(FilePurpose.USER_DATA).build();

    assertThat(params.fileStream()).isSameAs(in);
    assertThat(params.filePath()).isNull();
    assertThat(params.filename()).isEqualTo("data.bin");
    assertThat(params.contentType()).isNull();
    assertThat(params.expiresAfterAnchor()).isNull();
    assertThat(params.expiresAfterSeconds()).isNull();
    assertThat(params.isRepeatable()).isFalse();
  }

  @Test
  void createParamsAreValidated() {
    assertThatThrownBy(() -> FileCreateParams.builder().purpose(FilePurpose.BATCH).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("file is required but was not set");
    assertThatThrownBy(
            () -> FileCreateParams.builder().file(new ByteArrayInputStream(new byte[0]), "x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("purpose is required but was not set");
    assertThatThrownBy(() -> FileCreateParams.builder().file(dir.resolve("missing.txt")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.txt");
    assertThatThrownBy(() -> FileCreateParams.builder().file(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a readable regular file");
    assertThatThrownBy(() -> FileCreateParams.builder().file(new ByteArrayInputStream(new byte[0]), ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileCreateParams.builder().expiresAfter("created_at", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seconds < 1: 0");
  }
}
