package dev.conduit.models.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import org.junit.jupiter.api.Test;

class CreateEmbeddingResponseTest {
  @Test
  void decodesAResponse() {
    CreateEmbeddingResponse response =
        CreateEmbeddingResponse.fromJson(
            TestJson.object(
                """
                {
                  "object": "list",
                  "data": [
                    {"object": "embedding", "embedding": [0.0023064255, -0.009327292], "index": 0},
                    {"object": "embedding", "embedding": "AACAPwAAAMA=", "index": 1}
                  ],
                  "model": "text-embedding-ada-002",
                  "usage": {"prompt_tokens": 8, "total_tokens": 8},
                  "x_trace": "kept"
                }
                """));

    assertThat(response.object()).isEqualTo("list");
    assertThat(response.model()).isEqualTo("text-embedding-ada-002");
    assertThat(response.usage().promptTokens()).isEqualTo(8);
    assertThat(response.usage().totalTokens()).isEqualTo(8);
    assertThat(response.data()).extracting(Embedding::index).containsExactly(0L, 1L);
    assertThat(response.data().get(0).embedding()).containsExactly(0.0023064255f, -0.009327292f);
    assertThat(response.data().get(1).embedding()).containsExactly(1.0f, -2.0f);
    assertThat(response.jsonField("x_trace")).isEqualTo("kept");
    assertThat(response.toBuilder().build()).isEqualTo(response);
  }

  @Test
  void missingUsageFailsOnlyInItsGetter() {
    CreateEmbeddingResponse response = CreateEmbeddingResponse.fromJson(TestJson.object("{\"data\": []}"));

    assertThat(response.data()).isEmpty();
    assertThatThrownBy(response::usage)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("CreateEmbeddingResponse.usage");
    assertThatThrownBy(response::model)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("CreateEmbeddingResponse.model");
  }

  @Test
  void builderProducesTheWireForm() {
    CreateEmbeddingResponse response =
        CreateEmbeddingResponse.builder()
            .model("m")
            .addData(Embedding.builder().index(0).embedding(new float[] {0.5f, -1.0f}).build())
            .usage(CreateEmbeddingResponse.Usage.of(3, 3))
            .build();

    assertThat(response.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"object": "list", "model": "m",
                 "data": [{"object": "embedding", "index": 0, "embedding": [0.5, -1.0]}],
                 "usage": {"prompt_tokens": 3, "total_tokens": 3}}
                """));
  }
}
