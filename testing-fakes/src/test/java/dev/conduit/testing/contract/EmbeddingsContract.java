package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.conduit.testing.support.Trees;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embeddings: deterministic unit vectors, dimensions, base64, validation. */
public abstract class EmbeddingsContract extends FakeContract {
  @Test
  void returnsDeterministicUnitVectors() throws Exception {
    Map<String, Object> r = postOk("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\"}");
    assertThat(r).containsOnlyKeys("object", "data", "model", "usage").containsEntry("object", "list")
        .containsEntry("model", "text-embedding-3-small")
        .containsEntry("usage", Map.of("prompt_tokens", 2L, "total_tokens", 2L));
    Map<String, Object> e = Trees.at(r, "data", 0);
    assertThat(e).containsOnlyKeys("object", "index", "embedding").containsEntry("object", "embedding")
        .containsEntry("index", 0L);
    List<Double> v = Trees.at(e, "embedding");
    assertThat(v).hasSize(1536);
    assertThat(norm(v)).isCloseTo(1.0, within(1e-4));

    List<Double> again = Trees.at(postOk("/v1/embeddings",
        "{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\"}"), "data", 0, "embedding");
    assertThat(again).isEqualTo(v);
    List<Double> other = Trees.at(postOk("/v1/embeddings",
        "{\"model\":\"text-embedding-3-small\",\"input\":\"goodbye\"}"), "data", 0, "embedding");
    assertThat(other).isNotEqualTo(v);
    assertThat(Trees.<List<?>>at(postOk("/v1/embeddings",
        "{\"model\":\"text-embedding-3-large\",\"input\":\"x\"}"), "data", 0, "embedding")).hasSize(3072);
  }

  @Test
  void honoursDimensionsAndBase64() throws Exception {
    Map<String, Object> floats = postOk("/v1/embeddings",
        "{\"model\":\"text-embedding-3-large\",\"input\":[\"a\",\"b\",\"c\"],\"dimensions\":256}");
    List<Map<String, Object>> data = Trees.at(floats, "data");
    assertThat(data).extracting(d -> d.get("index")).containsExactly(0L, 1L, 2L);
    List<Double> v = Trees.at(data, 1, "embedding");
    assertThat(v).hasSize(256);
    assertThat(norm(v)).isCloseTo(1.0, within(1e-4));

    Map<String, Object> b64 = postOk("/v1/embeddings", "{\"model\":\"text-embedding-3-large\",\"input\":[\"a\",\"b\",\"c\"],"
        + "\"dimensions\":256,\"encoding_format\":\"base64\"}");
    byte[] raw = Base64.getDecoder().decode((String) Trees.at(b64, "data", 1, "embedding"));
    assertThat(raw).hasSize(256 * 4);
    ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 256; i++) {
      assertThat((double) buf.getFloat()).isEqualTo(v.get(i), within(1e-7));
    }
  }

  @Test
  void acceptsTokenArrays() throws Exception {
    Map<String, Object> r = postOk("/v1/embeddings", "{\"model\":\"text-embedding-ada-002\",\"input\":[[1,2,3],[4,5]]}");
    assertThat(Trees.<List<?>>at(r, "data")).hasSize(2);
    assertThat(Trees.<List<?>>at(r, "data", 1, "embedding")).hasSize(1536);
  }

  @Test
  void rejectsWhatTheRealApiRejects() throws Exception {
    assertThat(error(post("/v1/embeddings", "{\"model\":\"text-embedding-ada-002\",\"input\":\"x\",\"dimensions\":8}"), 400))
        .containsEntry("param", "dimensions");
    assertThat(error(post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":4096}"),
        400)).containsEntry("code", "integer_above_max_value");
    error(post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"\"}"), 400);
    error(post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":[]}"), 400);
    assertThat(error(post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\"}"), 400))
        .containsEntry("param", "input").containsEntry("code", "missing_required_parameter");
    assertThat(error(post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"x\","
        + "\"encoding_format\":\"hex\"}"), 400)).containsEntry("param", "encoding_format");
    assertThat(error(post("/v1/embeddings", "{\"model\":\"nope\",\"input\":\"x\"}"), 404))
        .containsEntry("code", "model_not_found");
  }

  private static double norm(List<Double> v) {
    double s = 0;
    for (double d : v) {
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
