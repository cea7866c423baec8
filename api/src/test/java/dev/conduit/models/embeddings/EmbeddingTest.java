package dev.conduit.models.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
  private static final float[] VECTOR = {0.0023064255f, -0.009327292f, -0.0028842222f, 1.5f, -0.0f};

  @Test
  void decodesTheFloatArrayForm() {
    Embedding embedding =
        Embedding.fromJson(
            TestJson.object(
                "{\"object\": \"embedding\", \"embedding\": [0.0023064255, -0.009327292, -0.0028842222, 1.5, -0.0], \"index\": 0}"));

    assertThat(embedding.object()).isEqualTo("embedding");
    assertThat(embedding.index()).isZero();
    assertThat(embedding.embedding()).containsExactly(VECTOR);
    assertThat(embedding.dimensions()).isEqualTo(5);
  }

  @Test
  void base64AndFloatFormsDecodeToTheSameVector() {
    ByteBuffer bytes = ByteBuffer.allocate(VECTOR.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : VECTOR) {
      bytes.putFloat(f);
    }
    String base64 = Base64.getEncoder().encodeToString(bytes.array());
    Embedding fromBase64 =
        Embedding.fromJson(TestJson.object("{\"object\": \"embedding\", \"index\": 1, \"embedding\": \"" + base64 + "\"}"));
    Embedding fromFloats = Embedding.builder().index(1).embedding(VECTOR).build();

    assertThat(fromBase64.embedding()).containsExactly(fromFloats.embedding());
    assertThat(fromBase64.embedding()).containsExactly(VECTOR);
    assertThat(Embedding.builder().embeddingBase64(VECTOR).build().jsonField("embedding")).isEqualTo(base64);
  }

  @Test
  void knownLittleEndianBytes() {
    // 1.0f is 0x3F800000: little-endian bytes 00 00 80 3F; -2.0f is 0xC0000000: 00 00 00 C0.
    String base64 = Base64.getEncoder().encodeToString(new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0});
    Embedding embedding = Embedding.fromJson(TestJson.object("{\"embedding\": \"" + base64 + "\"}"));

    assertThat(embedding.embedding()).containsExactly(1.0f, -2.0f);
  }

  @Test
  void everyCallReturnsAFreshCopy() {
    Embedding embedding = Embedding.builder().embedding(VECTOR).build();

    float[] first = embedding.embedding();
    first[0] = 99f;

    assertThat(embedding.embedding()).containsExactly(VECTOR);
    assertThat(embedding.embedding()).isNotSameAs(embedding.embedding());
  }

  @Test
  void invalidBase64NamesTheField() {
    Embedding embedding = Embedding.fromJson(TestJson.object("{\"embedding\": \"not*base64!\"}"));

    assertThatThrownBy(embedding::embedding)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Embedding.embedding")
        .hasMessageContaining("not valid base64");
  }

  @Test
  void base64OfALengthNotMultipleOfFourFails() {
    String base64 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6});
    Embedding embedding = Embedding.fromJson(TestJson.object("{\"embedding\": \"" + base64 + "\"}"));

    assertThatThrownBy(embedding::embedding)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Embedding.embedding")
        .hasMessageContaining("6 bytes");
  }

  @Test
  void missingOrMistypedVectorNamesTheField() {
    assertThatThrownBy(() -> Embedding.fromJson(TestJson.object("{\"index\": 0}")).embedding())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Embedding.embedding is absent");
    assertThatThrownBy(() -> Embedding.fromJson(TestJson.object("{\"embedding\": null}")).embedding())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Embedding.embedding is null");
    assertThatThrownBy(() -> Embedding.fromJson(TestJson.object("{\"embedding\": [0.5, \"x\"]}")).embedding())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Embedding.embedding[1]: expected number");
    assertThatThrownBy(() -> Embedding.fromJson(TestJson.object("{\"embedding\": {}}")).embedding())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Embedding.embedding: expected array");
    assertThat(Embedding.fromJson(TestJson.object("{\"embedding\": []}")).embedding()).isEmpty();
  }
}
