package dev.conduit.internal.multipart;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.models.files.FileCreateParams;
import dev.conduit.models.files.FilePurpose;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUploadsTest {
  @TempDir Path dir;

  @Test
  void pathUploadHasAllFieldsInOrderAndAnExactLength() throws IOException {
    Path file = Files.writeString(dir.resolve("batch.jsonl"), "{\"custom_id\":\"r1\"}\n");
    FileCreateParams params =
        FileCreateParams.builder().file(file).purpose(FilePurpose.BATCH).expiresAfter("created_at", 86400).build();

    MultipartBody body = FileUploads.toBody(params);
    byte[] bytes = write(body);
    List<MultipartParser.Part> parts = MultipartParser.parse(bytes, body.boundary());

    assertThat(parts)
        .extracting(MultipartParser.Part::disposition)
        .containsExactly(
            "form-data; name=\"purpose\"",
            "form-data; name=\"expires_after[anchor]\"",
            "form-data; name=\"expires_after[seconds]\"",
            "form-data; name=\"file\"; filename=\"batch.jsonl\"");
    assertThat(parts)
        .extracting(MultipartParser.Part::text)
        .containsExactly("batch", "created_at", "86400", "{\"custom_id\":\"r1\"}\n");
    assertThat(parts.get(3).headers()).containsEntry("Content-Type", "application/octet-stream");
    assertThat(body.isRepeatable()).isTrue();
    assertThat(body.contentLength()).isEqualTo(bytes.length);
    assertThat(body.contentType()).startsWith("multipart/form-data; boundary=");
  }

  @Test
  void streamUploadIsOneShotWithTheGivenTypeAndNoExpiry() throws IOException {
    FileCreateParams params =
        FileCreateParams.builder()
            .file(new ByteArrayInputStream("img".getBytes(UTF_8)), "cat.png")
            .contentType("image/png")
            .purpose(FilePurpose.VISION)
            .build();

    MultipartBody body = FileUploads.toBody(params);
    List<MultipartParser.Part> parts = MultipartParser.parse(write(body), body.boundary());

    assertThat(body.isRepeatable()).isFalse();
    assertThat(body.contentLength()).isEqualTo(-1);
    assertThat(parts).extracting(MultipartParser.Part::text).containsExactly("vision", "img");
    assertThat(parts.get(1).headers()).containsEntry("Content-Type", "image/png");
    assertThat(parts.get(1).disposition()).isEqualTo("form-data; name=\"file\"; filename=\"cat.png\"");
  }

  private static byte[] write(MultipartBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toByteArray();
  }
}
