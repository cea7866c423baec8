package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static dev.conduit.it.ScriptedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.errors.ApiException;
import dev.conduit.errors.AuthenticationException;
import dev.conduit.errors.BadRequestException;
import dev.conduit.errors.ConflictException;
import dev.conduit.errors.InternalServerException;
import dev.conduit.errors.InvalidResponseException;
import dev.conduit.errors.NotFoundException;
import dev.conduit.errors.PermissionDeniedException;
import dev.conduit.errors.RateLimitException;
import dev.conduit.errors.UnexpectedStatusException;
import dev.conduit.errors.UnprocessableEntityException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
  private ScriptedServer server;
  private OpenAIClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new ScriptedServer();
    client = Clients.builder(server).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.close();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(503, InternalServerException.class),
        Arguments.of(418, UnexpectedStatusException.class),
        Arguments.of(302, UnexpectedStatusException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void eachStatusMapsToItsException(int status, Class<? extends ApiException> type) {
    server.enqueue(json(status,
        "{\"error\":{\"message\":\"Invalid value for 'model'\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}",
        "x-request-id", "req_" + status));

    assertThatThrownBy(() -> client.models().retrieve("gpt-x"))
        .isExactlyInstanceOf(type)
        .satisfies(t -> {
          ApiException e = (ApiException) t;
          assertThat(e.statusCode()).isEqualTo(status);
          assertThat(e.requestId()).isEqualTo("req_" + status);
          assertThat(e.error()).isNotNull();
          assertThat(e.error().message()).isEqualTo("Invalid value for 'model'");
          assertThat(e.error().type()).isEqualTo("invalid_request_error");
          assertThat(e.error().param()).isEqualTo("model");
          assertThat(e.error().code()).isEqualTo("model_not_found");
          assertThat(e.getMessage()).contains(String.valueOf(status), "Invalid value for 'model'", "req_" + status);
          assertThat(e.headers().first("x-request-id")).isEqualTo("req_" + status);
        });
  }

  @Test
  void asyncErrorsAreTheSameTypes() {
    server.enqueue(json(404, "{\"error\":{\"message\":\"no such model\",\"type\":\"invalid_request_error\"}}", "x-request-id", "req_a"));

    assertThatThrownBy(() -> client.async().models().retrieve("gpt-x").join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessageContaining("no such model");
  }

  @Test
  void htmlErrorPageKeepsASnippet() {
    server.enqueue(respond(502, "text/html", "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>", "x-request-id", "req_html"));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5"))
        .isExactlyInstanceOf(InternalServerException.class)
        .satisfies(t -> {
          InternalServerException e = (InternalServerException) t;
          assertThat(e.error()).isNull();
          assertThat(e.bodySnippet()).contains("502 Bad Gateway");
          assertThat(e.getMessage()).contains("502", "502 Bad Gateway", "req_html");
        });
  }

  @Test
  void emptyErrorBody() {
    server.enqueue(json(500, ""));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5"))
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessageContaining("(empty body)");
  }

  @Test
  void errorAsBareStringAndAsTopLevelMessage() {
    server.enqueue(json(400, "{\"error\":\"model is required\"}"), json(400, "{\"message\":\"bad input\",\"code\":42}"));

    assertThatThrownBy(() -> client.models().retrieve("a"))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.error().message()).isEqualTo("model is required"));
    assertThatThrownBy(() -> client.models().retrieve("b"))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.error().message()).isEqualTo("bad input");
          assertThat(e.error().code()).isEqualTo("42");
        });
  }

  @Test
  void malformedJsonOnSuccessIsInvalidResponseWithSnippet() {
    server.enqueue(json(200, "{\"id\": \"gpt-5\", \"object\": ", "x-request-id", "req_bad"));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .satisfies(t -> {
          InvalidResponseException e = (InvalidResponseException) t;
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.requestId()).isEqualTo("req_bad");
          assertThat(e.bodySnippet()).startsWith("{\"id\": \"gpt-5\"");
        });
  }

  @Test
  void htmlOnSuccessIsInvalidResponse() {
    server.enqueue(respond(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><title>Captive portal</title></html>"));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("text/html")
        .hasMessageContaining("Captive portal");
  }

  @Test
  void wrongJsonShapeIsInvalidResponseNotClassCast() {
    server.enqueue(json(200, "[1, 2, 3]"), json(200, "{\"id\": 12, \"object\": \"model\", \"created\": 1, \"owned_by\": \"x\"}"));

    assertThatThrownBy(() -> client.models().retrieve("a")).isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("expected object but was array");
    assertThatThrownBy(() -> client.models().retrieve("b").id()).isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Model.id");
  }

  @Test
  void emptySuccessBodyIsInvalidResponse() {
    server.enqueue(json(200, ""));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void lenientProviderMissingRequiredFields() {
    server.enqueue(json(200, "{\"id\":\"llama3\",\"object\":\"model\",\"extra_field\":{\"x\":1}}"));

    var model = client.models().retrieve("llama3");

    assertThat(model.id()).isEqualTo("llama3");
    assertThat(model.jsonField("extra_field")).isEqualTo(java.util.Map.of("x", 1L));
    assertThatThrownBy(model::created).isInstanceOf(InvalidResponseException.class).hasMessageContaining("Model.created is absent");
  }
}
