package dev.conduit.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.core.FileUpload;
import dev.conduit.internal.multipart.MultipartBody;
import dev.conduit.internal.pipeline.ApiRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class FormDataTest {
  private static String render(MultipartBody body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fieldsArraysObjectsAndFiles() throws Exception {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("model", "gpt-4o-transcribe");
    json.put("temperature", 0.2);
    json.put("stream", true);
    json.put("timestamp_granularities", List.of("word", "segment"));
    json.put("chunking_strategy", Map.of("type", "server_vad"));
    json.put("absent", null);
    List<long[]> progress = new ArrayList<>();
    Map<String, List<FileUpload>> files = new LinkedHashMap<>();
    files.put("file", List.of(FileUpload.of("abc".getBytes(StandardCharsets.UTF_8), "a.wav")
        .withProgress((sent, total) -> progress.add(new long[] {sent, total}))));
    files.put("image", List.of(FileUpload.of(new byte[] {1}, "1.png"), FileUpload.of(new byte[] {2}, "2.png")));

    String body = render(FormData.body(json, files));
    assertThat(body)
        .contains("name=\"model\"\r\n\r\ngpt-4o-transcribe\r\n")
        .contains("name=\"temperature\"\r\n\r\n0.2\r\n")
        .contains("name=\"stream\"\r\n\r\ntrue\r\n")
        .contains("name=\"timestamp_granularities[]\"\r\n\r\nword\r\n")
        .contains("name=\"timestamp_granularities[]\"\r\n\r\nsegment\r\n")
        .contains("name=\"chunking_strategy[type]\"\r\n\r\nserver_vad\r\n")
        .contains("name=\"file\"; filename=\"a.wav\"\r\nContent-Type: application/octet-stream\r\n\r\nabc\r\n")
        .contains("name=\"image[]\"; filename=\"1.png\"")
        .contains("name=\"image[]\"; filename=\"2.png\"")
        .doesNotContain("absent");
    assertThat(progress.get(0)).containsExactly(0, 3);
    assertThat(progress.get(progress.size() - 1)).containsExactly(3, 3);
  }

  @Test
  void filesOfAField() {
    Map<String, List<FileUpload>> files = Map.of("file", List.of(FileUpload.of(new byte[0], "x")));
    assertThat(FormData.first(files, "file").filename()).isEqualTo("x");
    assertThat(FormData.first(files, "mask")).isNull();
    assertThat(FormData.all(files, "mask")).isEmpty();
  }

  @Test
  void queryParametersAndHeaders() {
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("limit", 20L);
    params.put("include", List.of("a", "b"));
    params.put("metadata", Map.of("k", "v"));
    params.put("openai-beta", List.of("x=v1", "y=v2"));
    params.put("ratio", 1.0);
    ApiRequest r = Calls.query(ApiRequest.get("things"), params, "openai-beta");
    assertThat(Calls.flatten("include", List.of("a", "b"), new LinkedHashMap<>())).containsEntry("include", List.of("a", "b"));
    assertThat(Calls.flatten("metadata", Map.of("k", "v"), new LinkedHashMap<>())).containsEntry("metadata[k]", List.of("v"));
    assertThat(Calls.scalar(1.0)).isEqualTo("1");
    assertThat(Calls.scalar(0.25)).isEqualTo("0.25");
    assertThat(Calls.scalar(1e-7)).isEqualTo("0.0000001");
    assertThat(r.toString()).isEqualTo("GET things");
  }
}
