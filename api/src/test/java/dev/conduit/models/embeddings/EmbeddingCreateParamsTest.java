package dev.conduit.models.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testutil.TestJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingCreateParamsTest {
  @Test
  void singleTextWithEveryOption() {
    EmbeddingCreateParams params =
        EmbeddingCreateParams.builder()
            .model("text-embedding-3-small")
            .input("The quick brown fox jumped over the lazy dog")
            .dimensions(256)
            .encodingFormat(EmbeddingEncodingFormat.BASE64)
            .user("user-1234")
            .build();

    assertThat(params.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"model": "text-embedding-3-small", "input": "The quick brown fox jumped over the lazy dog",
                 "dimensions": 256, "encoding_format": "base64", "user": "user-1234"}
                """));
    assertThat(params.model()).isEqualTo("text-embedding-3-small");
    assertThat(params.input()).isEqualTo("The quick brown fox jumped over the lazy dog");
    assertThat(params.dimensions()).isEqualTo(256L);
    assertThat(params.encodingFormat()).isSameAs(EmbeddingEncodingFormat.BASE64);
    assertThat(params.user()).isEqualTo("user-1234");
  }

  @Test
  void listOfTexts() {
    EmbeddingCreateParams params =
        EmbeddingCreateParams.builder().model("m").input(List.of("This is a test.", "Another")).build();

    assertThat(params.toJson())
        .isEqualTo(TestJson.parse("{\"model\": \"m\", \"input\": [\"This is a test.\", \"Another\"]}"));
    assertThat(params.encodingFormat()).isNull();
    assertThat(params.dimensions()).isNull();
  }

  @Test
  void tokenArrays() {
    EmbeddingCreateParams params =
        EmbeddingCreateParams.builder()
            .model("m")
            .inputTokens(List.of(List.of(1212L, 318L, 257L, 1332L, 13L), List.of(42L)))
            .build();

    assertThat(params.toJson())
        .isEqualTo(TestJson.parse("{\"model\": \"m\", \"input\": [[1212, 318, 257, 1332, 13], [42]]}"));
    assertThat(params.input()).isEqualTo(TestJson.parse("[[1212, 318, 257, 1332, 13], [42]]"));
  }

  @Test
  void requiredAndValidatedFields() {
    assertThatThrownBy(() -> EmbeddingCreateParams.builder().input("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model");
    assertThatThrownBy(() -> EmbeddingCreateParams.builder().model("m").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("input");
    assertThatThrownBy(() -> EmbeddingCreateParams.builder().dimensions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dimensions < 1: 0");
  }

  @Test
  void encodingFormatIsOpen() {
    assertThat(EmbeddingEncodingFormat.of("float")).isSameAs(EmbeddingEncodingFormat.FLOAT);
    assertThat(EmbeddingEncodingFormat.of("float16").value()).isEqualTo("float16");
    EmbeddingCreateParams params =
        EmbeddingCreateParams.fromJson(TestJson.object("{\"model\": \"m\", \"input\": \"x\", \"encoding_format\": \"int8\"}"));
    assertThat(params.encodingFormat()).isEqualTo(EmbeddingEncodingFormat.of("int8"));
  }
}
