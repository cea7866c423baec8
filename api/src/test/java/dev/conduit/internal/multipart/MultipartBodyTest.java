package dev.conduit.internal.multipart;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartBodyTest {
  @TempDir Path dir;

  @Test
  void exactBytesOfASmallBody() throws IOException {
    Path file = Files.writeString(dir.resolve("hello.txt"), "hello\r\nworld");
    MultipartBody body =
        MultipartBody.builder()
            .boundary("b0undary")
            .addField("purpose", "batch")
            .addFile("file", file, "hello.txt", "text/plain")
            .build();

    byte[] bytes = write(body);

    String expected =
        "--b0undary\r\n"
            + "Content-Disposition: form-data; name=\"purpose\"\r\n"
            + "\r\n"
            + "batch\r\n"
            + "--b0undary\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"hello.txt\"\r\n"
            + "Content-Type: text/plain\r\n"
            + "\r\n"
            + "hello\r\nworld\r\n"
            + "--b0undary--\r\n";
    assertThat(new String(bytes, UTF_8)).isEqualTo(expected);
    assertThat(body.contentLength()).isEqualTo(bytes.length);
    assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=b0undary");
    assertThat(body.boundary()).isEqualTo("b0undary");
    assertThat(body.isRepeatable()).isTrue();
    assertThat(write(body)).isEqualTo(bytes);
  }

  @Test
  void partsParseBack() throws IOException {
    byte[] binary = {0, 1, (byte) 0xFF, '\r', '\n', '-', '-', 'x'};
    Path file = Files.write(dir.resolve("blob.bin"), binary);
    MultipartBody body =
        MultipartBody.builder()
            .addField("a", "first")
            .addField("b", "zwölf ✓")
            .addFile("file", file, "blob.bin", null)
            .addField("", "")
            .build();

    byte[] bytes = write(body);
    List<MultipartParser.Part> parts = MultipartParser.parse(bytes, body.boundary());

    assertThat(parts).hasSize(4);
    assertThat(parts.get(0).disposition()).isEqualTo("form-data; name=\"a\"");
    assertThat(parts.get(0).headers()).hasSize(1);
    assertThat(parts.get(0).text()).isEqualTo("first");
    assertThat(parts.get(1).text()).isEqualTo("zwölf ✓");
    assertThat(parts.get(2).disposition()).isEqualTo("form-data; name=\"file\"; filename=\"blob.bin\"");
    assertThat(parts.get(2).headers()).containsEntry("Content-Type", "application/octet-stream");
    assertThat(parts.get(2).content()).isEqualTo(binary);
    assertThat(parts.get(3).disposition()).isEqualTo("form-data; name=\"\"");
    assertThat(parts.get(3).content()).isEmpty();
    assertThat(body.contentLength()).isEqualTo(bytes.length);
  }

  @Test
  void pathFileIsStreamedThroughABuffer() throws IOException {
    byte[] content = new byte[300_000];
    new Random(7).nextBytes(content);
    Path file = Files.write(dir.resolve("big.bin"), content);
    MultipartBody body = MultipartBody.builder().addFile("file", file, "big.bin", null).build();
    RecordingOutputStream out = new RecordingOutputStream();

    body.writeTo(out);

    assertThat(out.largestWrite).isLessThanOrEqualTo(8192);
    assertThat(out.writes).isGreaterThan(content.length / 8192);
    assertThat(out.count).isEqualTo(body.contentLength());
    List<MultipartParser.Part> parts = MultipartParser.parse(out.bytes.toByteArray(), body.boundary());
    assertThat(parts).singleElement().satisfies(p -> assertThat(p.content()).isEqualTo(content));
    assertThat(out.closed).isFalse();
  }

  @Test
  void streamBodyIsWrittenOnceThenFails() throws IOException {
    CloseTrackingStream in = new CloseTrackingStream("stream content".getBytes(UTF_8));
    MultipartBody body =
        MultipartBody.builder()
            .boundary("xyz")
            .addField("purpose", "user_data")
            .addFile("file", in, "notes.txt", "text/plain")
            .build();

    assertThat(body.contentLength()).isEqualTo(-1);
    assertThat(body.isRepeatable()).isFalse();
    byte[] bytes = write(body);
    assertThat(in.closed).isTrue();
    List<MultipartParser.Part> parts = MultipartParser.parse(bytes, "xyz");
    assertThat(parts.get(1).text()).isEqualTo("stream content");
    assertThat(parts.get(1).disposition()).isEqualTo("form-data; name=\"file\"; filename=\"notes.txt\"");

    assertThatThrownBy(() -> body.writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not repeatable");
  }

  @Test
  void filenamesAndNamesAreEscaped() throws IOException {
    MultipartBody body =
        MultipartBody.builder()
            .boundary("q")
            .addFile("we\"ird\r\nname", new ByteArrayInputStream(new byte[] {'x'}), "résumé \"final\"\r\n.pdf", "application/pdf")
            .build();

    byte[] bytes = write(body);
    String text = new String(bytes, UTF_8);

    assertThat(text)
        .contains(
            "Content-Disposition: form-data; name=\"we%22ird%0D%0Aname\"; filename=\"résumé %22final%22%0D%0A.pdf\"\r\n");
    assertThat(MultipartParser.parse(bytes, "q").get(0).disposition())
        .isEqualTo("form-data; name=\"we%22ird%0D%0Aname\"; filename=\"résumé %22final%22%0D%0A.pdf\"");
    assertThat(MultipartBody.escape("plain-name_1.txt")).isEqualTo("plain-name_1.txt");
    assertThat(MultipartBody.escape("a\\b")).isEqualTo("a\\b");
  }

  @Test
  void nonAsciiHeadersAreCountedInUtf8Bytes() throws IOException {
    Path file = Files.writeString(dir.resolve("f.txt"), "ü");
    MultipartBody body = MultipartBody.builder().addFile("файл", file, "日本語.txt", null).build();

    byte[] bytes = write(body);

    assertThat(body.contentLength()).isEqualTo(bytes.length);
    assertThat(MultipartParser.parse(bytes, body.boundary()).get(0).disposition())
        .isEqualTo("form-data; name=\"файл\"; filename=\"日本語.txt\"");
  }

  @Test
  void fileThatChangedSizeFailsInsteadOfSendingAWrongLength() throws IOException {
    Path file = Files.writeString(dir.resolve("grow.txt"), "abc");
    MultipartBody body = MultipartBody.builder().addFile("file", file, "grow.txt", null).build();

    Files.writeString(file, "abcdef");
    assertThatThrownBy(() -> body.writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("grew");

    Files.writeString(file, "a");
    assertThatThrownBy(() -> body.writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("shrank");
  }

  @Test
  void boundariesAreRandomAndValidated() {
    MultipartBody one = MultipartBody.builder().addField("a", "b").build();
    MultipartBody two = MultipartBody.builder().addField("a", "b").build();

    assertThat(one.boundary()).isNotEqualTo(two.boundary()).matches("[0-9a-zA-Z-]{1,70}");
    assertThatThrownBy(() -> MultipartBody.builder().boundary("has space"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultipartBody.builder().boundary("x".repeat(71)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultipartBody.builder().boundary(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidUsesAreRejected() {
    assertThatThrownBy(() -> MultipartBody.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one part");
    assertThatThrownBy(() -> MultipartBody.builder().addFile("f", dir.resolve("missing"), "missing", null))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () -> MultipartBody.builder().addFile("f", new ByteArrayInputStream(new byte[0]), "x", "text/plain\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] write(MultipartBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toByteArray();
  }

  /** Records how the body writes: sizes of write calls, total count, and whether it closed. */
  private static final class RecordingOutputStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int largestWrite;
    int writes;
    long count;
    boolean closed;

    @Override
    public void write(int b) {
      record(1);
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      record(len);
      bytes.write(b, off, len);
    }

    private void record(int len) {
      largestWrite = Math.max(largestWrite, len);
      writes++;
      count += len;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** An input stream that remembers being closed. */
  private static final class CloseTrackingStream extends ByteArrayInputStream {
    boolean closed;

    CloseTrackingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
