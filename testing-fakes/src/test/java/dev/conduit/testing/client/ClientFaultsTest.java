package dev.conduit.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.RequestOptions;
import dev.conduit.errors.ApiConnectionException;
import dev.conduit.errors.ApiTimeoutException;
import dev.conduit.errors.InternalServerException;
import dev.conduit.errors.InvalidResponseException;
import dev.conduit.errors.RateLimitException;
import dev.conduit.errors.StreamException;
import dev.conduit.http.Timeouts;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.services.ResponseStream;
import dev.conduit.testing.FakeOpenAI;
import dev.conduit.testing.Fault;
import dev.conduit.testing.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every fault the fake can inject reaches Conduit's client as the right typed exception, and retries
 * recover from scripted 429/503 sequences; in memory and on loopback alike.
 */
class ClientFaultsTest {
  private static final ResponseCreateParams PARAMS = ResponseCreateParams.builder().model("gpt-5-mini").input("hello").build();
  private static final String ROUTE = "POST /v1/responses";

  abstract static class Contract {
    FakeOpenAI fake;
    OpenAIClient client;

    abstract FakeOpenAI startFake();

    abstract OpenAIClient.Builder clientFor(FakeOpenAI fake);

    @BeforeEach
    void setUp() {
      fake = startFake();
      client = clientFor(fake).apiKey("sk-test").retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    }

    @AfterEach
    void tearDown() {
      client.close();
      fake.close();
    }

    private static RequestOptions noRetries() {
      return RequestOptions.builder().maxRetries(0).build();
    }

    @Test
    void statusWithHeadersIsTheMappedApiException() {
      fake.injectFault(ROUTE, Fault.status(429, "retry-after-ms", "10", "x-request-id", "req_fault"), 1);

      assertThatThrownBy(() -> client.responses().create(PARAMS, noRetries()))
          .isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.requestId()).isEqualTo("req_fault");
            assertThat(e.headers().first("retry-after-ms")).isEqualTo("10");
            assertThat(e.error()).isNotNull();
          });
    }

    @Test
    void retriesRecoverFrom429Then503() {
      fake.injectFault(ROUTE, Fault.status(429, "retry-after-ms", "5"), 1);
      fake.injectFault(ROUTE, Fault.status(503), 1);

      assertThat(client.responses().create(PARAMS).status().value()).isEqualTo("completed");

      List<RecordedRequest> attempts = fake.journal().stream().filter(r -> r.path().equals("/v1/responses")).collect(Collectors.toList());
      assertThat(attempts).hasSize(3);
      assertThat(attempts).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3);
      assertThat(attempts).extracting(RecordedRequest::idempotencyKey).containsOnly(attempts.get(0).idempotencyKey());
    }

    @Test
    void tooManyFailuresExhaustTheRetries() {
      fake.injectFault(ROUTE, Fault.status(503), 5);

      assertThatThrownBy(() -> client.responses().create(PARAMS)).isInstanceOf(InternalServerException.class);
      assertThat(fake.journal()).hasSize(3);
    }

    @Test
    void delayBeforeHeadersFiresTheResponseTimeout() {
      fake.injectFault(ROUTE, Fault.delay(Duration.ofSeconds(3)), 1);

      assertThatThrownBy(() -> client.responses().create(PARAMS,
          RequestOptions.builder().maxRetries(0).timeout(Timeouts.Kind.RESPONSE, Duration.ofMillis(200)).build()))
          .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.RESPONSE));
    }

    @Test
    void stallMidBodyFiresTheReadTimeout() {
      fake.injectFault(ROUTE, Fault.stallMidBody(Duration.ofSeconds(3)), 1);

      assertThatThrownBy(() -> client.responses().create(PARAMS,
          RequestOptions.builder().maxRetries(0).timeout(Timeouts.Kind.READ, Duration.ofMillis(200)).build()))
          .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.READ));
    }

    @Test
    void resetMidBodyIsAConnectionErrorAndIsRetried() {
      fake.injectFault(ROUTE, Fault.resetMidBody(), 1);

      assertThat(client.responses().create(PARAMS).status().value()).isEqualTo("completed");
      assertThat(fake.journal()).hasSize(2);

      fake.injectFault(ROUTE, Fault.resetMidBody(), 1);
      assertThatThrownBy(() -> client.responses().create(PARAMS, noRetries())).isInstanceOf(ApiConnectionException.class);
    }

    @Test
    void resetBeforeHeadersIsAConnectionError() {
      fake.injectFault(ROUTE, Fault.resetBeforeHeaders(), 1);

      assertThatThrownBy(() -> client.responses().create(PARAMS, noRetries()))
          .isExactlyInstanceOf(ApiConnectionException.class);
    }

    @Test
    void malformedJsonIsAnInvalidResponseWithASnippet() {
      fake.injectFault(ROUTE, Fault.malformedJson(), 1);

      assertThatThrownBy(() -> client.responses().create(PARAMS, noRetries()))
          .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.bodySnippet()).isNotEmpty();
          });
    }

    @Test
    void htmlErrorPageIsTheStatusExceptionWithTheSnippet() {
      fake.injectFault(ROUTE, Fault.htmlError(502), 1);

      assertThatThrownBy(() -> client.responses().create(PARAMS, noRetries()))
          .isInstanceOfSatisfying(InternalServerException.class, e -> {
            assertThat(e.error()).isNull();
            assertThat(e.bodySnippet()).containsIgnoringCase("<html");
          });
    }

    @Test
    void slowDripStillDecodes() {
      fake.injectFault(ROUTE, Fault.slowDrip(16, Duration.ofMillis(1)), 1);

      assertThat(client.responses().create(PARAMS).outputText()).isNotEmpty();
    }

    @Test
    void resetMidStreamIsAStreamException() {
      fake.injectFault(ROUTE, Fault.resetMidBody(), 1);

      assertThatThrownBy(() -> {
        try (ResponseStream s = client.responses().stream(PARAMS, noRetries())) {
          s.finalResponse();
        }
      }).isInstanceOfAny(StreamException.class, ApiConnectionException.class);
    }
  }

  @Nested
  class InMemory extends Contract {
    @Override
    FakeOpenAI startFake() {
      return FakeOpenAI.inMemory();
    }

    @Override
    OpenAIClient.Builder clientFor(FakeOpenAI fake) {
      return OpenAIClient.builder().baseUrl(fake.baseUrl()).transport(fake.transport());
    }
  }

  @Nested
  class Loopback extends Contract {
    @Override
    FakeOpenAI startFake() {
      return FakeOpenAI.start();
    }

    @Override
    OpenAIClient.Builder clientFor(FakeOpenAI fake) {
      return OpenAIClient.builder().baseUrl(fake.baseUrl()).transport("jdk");
    }
  }
}
