package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.RequestOptions;
import dev.conduit.errors.AuthenticationException;
import dev.conduit.errors.OpenAIException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A canary API key must never reach a log line (at TRACE, with bodies), a {@code toString()} or an
 * exception message, even when a server echoes it back.
 */
class SecretsTest {
  private static final String CANARY = "sk-canary-7f3a9c2e5b1d4f6a8c0e2b4d6f8a0c1e";

  @Test
  void canaryKeyNeverLoggedPrintedOrThrown() throws Exception {
    assertThat(LoggerFactory.getLogger("dev.conduit.http").isTraceEnabled())
        .as("simplelogger.properties must enable TRACE for dev.conduit so this test sees everything")
        .isTrue();
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/conduit-trace.log"));
    try (ScriptedServer server = new ScriptedServer();
        OpenAIClient client = OpenAIClient.builder().baseUrl(server.baseUrl()).apiKey(CANARY).organization("org-1")
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build()) {
      server.enqueue(
          json(503, "{\"error\":{\"message\":\"overloaded\"}}"),
          json(200, "{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\",\"echo\":\"" + CANARY + "\"}"),
          json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + CANARY + "\",\"type\":\"invalid_request_error\"}}",
              "x-request-id", "req_401"));

      var model = client.models().retrieve("gpt-5", RequestOptions.builder().header("X-Api-Key", CANARY).build());
      OpenAIException thrown = (OpenAIException) org.assertj.core.api.Assertions.catchThrowable(
          () -> client.models().retrieve("gpt-5"));

      assertThat(server.takeRequest().header("authorization")).isEqualTo("Bearer " + CANARY);
      assertThat(thrown).isInstanceOf(AuthenticationException.class);
      assertThat(thrown.getMessage()).doesNotContain(CANARY).contains("Incorrect API key provided: ***");
      assertThat(((AuthenticationException) thrown).bodySnippet()).doesNotContain(CANARY);
      assertThat(client.toString()).doesNotContain(CANARY).contains("apiKey=***");
      assertThat(client.async().toString()).doesNotContain(CANARY);
      assertThat(model.id()).isEqualTo("gpt-5");
      assertThatThrownBy(() -> client.withRawResponse(c -> c.models().retrieve("x"))).isInstanceOf(OpenAIException.class)
          .satisfies(t -> assertThat(t.getMessage()).doesNotContain(CANARY));
    }
    String logged = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(logged).contains("--> GET", "authorization=***", "<-- 401", "<-- body");
    assertThat(logged).doesNotContain(CANARY);
  }
}
