package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.FakeOpenAI;
import dev.conduit.testing.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors with the real API's shape, status, message, param and code. */
public abstract class ValidationContract extends FakeContract {
  @Test
  void missingModel() throws Exception {
    Map<String, Object> e = error(post("/v1/responses", "{\"input\":\"hi\"}"), 400);
    assertThat(e).containsEntry("message", "Missing required parameter: 'model'.").containsEntry("param", "model")
        .containsEntry("code", "missing_required_parameter").containsEntry("type", "invalid_request_error");
    assertThat(error(post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 400))
        .containsEntry("param", "model");
    assertThat(error(post("/v1/chat/completions", "{\"model\":\"gpt-4o\"}"), 400)).containsEntry("param", "messages");
  }

  @Test
  void badParameterType() throws Exception {
    Map<String, Object> e = error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"temperature\":\"hot\"}"),
        400);
    assertThat(e).containsEntry("message", "Invalid type for 'temperature': expected a decimal, but got a string instead.")
        .containsEntry("param", "temperature").containsEntry("code", "invalid_type");
    assertThat(error(post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":\"hi\"}"), 400))
        .containsEntry("param", "messages").containsEntry("code", "invalid_type");
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":42}"), 400)).containsEntry("param", "input");
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"stream\":\"yes\"}"), 400))
        .containsEntry("message", "Invalid type for 'stream': expected a boolean, but got a string instead.");
  }

  @Test
  void outOfRangeAndUnknownParameters() throws Exception {
    assertThat(error(post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"temperature\":3,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 400))
        .containsEntry("code", "decimal_above_max_value").containsEntry("param", "temperature")
        .containsEntry("message", "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead.");
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"top_p\":1.5}"), 400))
        .containsEntry("code", "decimal_above_max_value");
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"foo\":1}"), 400))
        .containsEntry("message", "Unknown parameter: 'foo'.").containsEntry("param", "foo")
        .containsEntry("code", "unknown_parameter");
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"robot\",\"content\":\"x\"}]}"),
        400)).containsEntry("param", "input[0].role").containsEntry("code", "invalid_value");
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"metadata\":{\"n\":1}}"), 400))
        .containsEntry("param", "metadata.n");
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"reasoning\":{\"effort\":\"high\"}}"),
        400)).containsEntry("code", "unsupported_parameter");
  }

  @Test
  void unknownModelAndIds() throws Exception {
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-9\",\"input\":\"x\"}"), 400))
        .containsEntry("code", "model_not_found");
    assertThat(error(post("/v1/chat/completions", "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"x\"}]}"), 404)).containsEntry("code", "model_not_found");
    assertThat(error(get("/v1/files/file-doesnotexist"), 404)).containsEntry("message",
        "No such File object: file-doesnotexist");
    error(get("/v1/responses/resp_nope"), 404);
    error(get("/v1/responses/resp_nope/input_items"), 404);
    error(get("/v1/chat/completions/chatcmpl-nope"), 404);
  }

  @Test
  void malformedJsonBody() throws Exception {
    Map<String, Object> e = error(post("/v1/responses", "{\"model\": \"gpt-4o\", "), 400);
    assertThat((String) e.get("message")).startsWith("We could not parse the JSON body of your request.");
    assertThat(error(post("/v1/responses", "[1,2]"), 400)).containsEntry("code", "invalid_type");
  }

  @Test
  void requiredApiKeyIsChecked() throws Exception {
    try (FakeOpenAI strict = FakeOpenAI.builder().mode(fake.mode()).apiKey("sk-right-key-123456").build();
        RawHttp client = harness().http(strict)) {
      byte[] none = new byte[0];
      Map<String, Object> missing = error(client.send("GET", "/v1/models", none), 401);
      assertThat((String) missing.get("message")).startsWith("You didn't provide an API key.");
      Map<String, Object> wrong = error(client.send("GET", "/v1/models", none, "Authorization", "Bearer sk-wrong-key-99999"),
          401);
      assertThat(wrong).containsEntry("code", "invalid_api_key");
      assertThat((String) wrong.get("message")).doesNotContain("sk-wrong-key-99999").contains("9999");
      assertThat(client.send("GET", "/v1/models", none, "Authorization", "Bearer sk-right-key-123456").status())
          .isEqualTo(200);
      assertThat(client.send("GET", "/v1/models", none, "api-key", "sk-right-key-123456").status()).isEqualTo(200);
      assertThat(strict.apiKey()).isEqualTo("sk-right-key-123456");
    }
    assertThat(http.send("GET", "/v1/models", "".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
  }
}
