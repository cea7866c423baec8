package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.support.Trees;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Models, and what the fake answers to paths it does not know. */
public abstract class ModelsContract extends FakeContract {
  @Test
  void listsModelsWithEveryField() throws Exception {
    Map<String, Object> list = getOk("/v1/models");
    assertThat(list).containsEntry("object", "list");
    List<Map<String, Object>> data = Trees.at(list, "data");
    assertThat(data).extracting(m -> m.get("id")).contains("gpt-5", "gpt-4o", "gpt-4o-mini", "text-embedding-3-small");
    for (Map<String, Object> m : data) {
      assertThat(m).containsOnlyKeys("id", "object", "created", "owned_by");
      assertThat(m.get("object")).isEqualTo("model");
      assertThat((Long) m.get("created")).isGreaterThan(1_600_000_000L);
    }
  }

  @Test
  void retrievesOneModel() throws Exception {
    assertThat(getOk("/v1/models/gpt-4o-mini")).containsEntry("id", "gpt-4o-mini").containsEntry("object", "model")
        .containsEntry("owned_by", "system");
  }

  @Test
  void unknownModelIsNotFound() throws Exception {
    Map<String, Object> e = error(get("/v1/models/gpt-nope"), 404);
    assertThat(e).containsEntry("code", "model_not_found").containsEntry("param", "model")
        .containsEntry("type", "invalid_request_error");
    assertThat((String) e.get("message")).contains("gpt-nope");
  }

  @Test
  void addedModelIsListedAndUsable() throws Exception {
    fake.addModel("my-local-model");
    assertThat(getOk("/v1/models/my-local-model")).containsEntry("owned_by", "user-fake");
    assertThat(postOk("/v1/responses", "{\"model\":\"my-local-model\",\"input\":\"hi\"}"))
        .containsEntry("model", "my-local-model");
  }

  @Test
  void unknownPathIsInvalidUrl() throws Exception {
    Map<String, Object> e = error(get("/v1/nothing/here"), 404);
    assertThat(e.get("message")).isEqualTo("Invalid URL (GET /v1/nothing/here)");
    assertThat(e).containsEntry("param", null).containsEntry("code", null);
    assertThat(error(http.send("PUT", "/v1/models", new byte[0]), 404).get("message"))
        .isEqualTo("Invalid URL (PUT /v1/models)");
  }

  @Test
  void answersCarryApiHeaders() throws Exception {
    var r = get("/v1/models");
    assertThat(r.header("x-request-id")).matches("req_[0-9a-f]{32}");
    assertThat(r.header("openai-version")).isEqualTo("2020-10-01");
    assertThat(r.header("openai-processing-ms")).matches("\\d+");
    assertThat(r.header("x-ratelimit-remaining-requests")).matches("\\d+");
    assertThat(get("/v1/models").header("x-request-id")).isNotEqualTo(r.header("x-request-id"));
  }
}
