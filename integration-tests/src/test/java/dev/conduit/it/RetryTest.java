package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.Interceptor;
import dev.conduit.OpenAIClient;
import dev.conduit.RequestOptions;
import dev.conduit.errors.ApiConnectionException;
import dev.conduit.errors.BadRequestException;
import dev.conduit.errors.InternalServerException;
import dev.conduit.errors.RateLimitException;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
  private static final String MODEL = "{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}";
  private ScriptedServer server;
  private OpenAIClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new ScriptedServer();
    client = Clients.client(server);
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void retryableStatusesAreRetriedThenSucceed(int status) throws Exception {
    server.enqueue(json(status, "{}"), json(200, MODEL));

    assertThat(client.models().retrieve("gpt-5").id()).isEqualTo("gpt-5");
    assertThat(server.takeRequest().header("x-conduit-attempt")).isEqualTo("1");
    assertThat(server.takeRequest().header("x-conduit-attempt")).isEqualTo("2");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void clientErrorsAreNotRetried(int status) {
    server.enqueue(json(status, "{\"error\":{\"message\":\"no\"}}"), json(200, MODEL));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5")).hasMessageContaining("no");
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void defaultIsTwoRetriesThreeAttempts() {
    server.enqueue(json(503, "{}"), json(503, "{}"), json(503, "{}"), json(200, MODEL));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5")).isInstanceOf(InternalServerException.class);
    assertThat(server.requests).hasSize(3);
  }

  @Test
  void maxRetriesPerCallAndPerClient() {
    server.enqueue(json(503, "{}"), json(503, "{}"), json(503, "{}"), json(503, "{}"), json(503, "{}"), json(200, MODEL));

    assertThat(client.models().retrieve("gpt-5", RequestOptions.builder().maxRetries(5).build()).id()).isEqualTo("gpt-5");
    assertThat(server.requests).hasSize(6);

    server.requests.clear();
    server.enqueue(json(503, "{}"));
    OpenAIClient noRetries = client.withOptions(b -> b.maxRetries(0));
    assertThatThrownBy(() -> noRetries.models().retrieve("gpt-5")).isInstanceOf(InternalServerException.class);
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void xShouldRetryOverridesTheStatus() {
    server.enqueue(json(400, "{}", "x-should-retry", "true"), json(200, MODEL));
    assertThat(client.models().retrieve("gpt-5").id()).isEqualTo("gpt-5");
    assertThat(server.requests).hasSize(2);

    server.requests.clear();
    server.enqueue(json(503, "{}", "x-should-retry", "false"), json(200, MODEL));
    assertThatThrownBy(() -> client.models().retrieve("gpt-5")).isInstanceOf(InternalServerException.class);
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void retryAfterMsIsHonoured() {
    OpenAIClient slowBackoff = client.withOptions(b -> b.retryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    server.enqueue(json(429, "{}", "retry-after-ms", "150"), json(200, MODEL));

    long start = System.nanoTime();
    slowBackoff.models().retrieve("gpt-5");
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(ms).isBetween(150L, 3000L);
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    OpenAIClient slowBackoff = client.withOptions(b -> b.retryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    server.enqueue(json(503, "{}", "retry-after", "1"), json(200, MODEL));

    long start = System.nanoTime();
    slowBackoff.models().retrieve("gpt-5");
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(ms).isBetween(1000L, 4000L);
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    OpenAIClient slowBackoff = client.withOptions(b -> b.retryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    server.enqueue(json(503, "{}", "retry-after", date), json(200, MODEL));

    long start = System.nanoTime();
    slowBackoff.models().retrieve("gpt-5");
    long ms = (System.nanoTime() - start) / 1_000_000;

    // one-second date resolution: at least ~1 s, well under the 5 s backoff
    assertThat(ms).isBetween(900L, 4500L);
  }

  @Test
  void interceptorsSeeAndChangeEveryAttempt() throws Exception {
    server.enqueue(json(500, "{}"), json(429, "{}"), json(200, "{\"id\":\"x\",\"object\":\"model\",\"deleted\":true}"));
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    OpenAIClient observed = client.withOptions(b -> b.addInterceptor(new Interceptor() {
      @Override
      public HttpRequest onRequest(HttpRequest request, int attempt) {
        attempts.add(attempt);
        return request.newBuilder().header("X-Seen-By-Interceptor", "yes").build();
      }

      @Override
      public void onResponse(HttpRequest request, int statusCode, Headers headers, int attempt) {
        attempts.add(-statusCode);
      }
    }));

    observed.models().delete("ft:x");

    assertThat(attempts).containsExactly(1, -500, 2, -429, 3, -200);
    for (int i = 0; i < 3; i++) {
      ScriptedServer.Recorded r = server.takeRequest();
      assertThat(r.header("x-seen-by-interceptor")).isEqualTo("yes");
      assertThat(r.header("idempotency-key")).as("only POSTs carry an idempotency key").isNull();
    }
  }

  @Test
  void connectionRefusedIsRetriedThenApiConnectionException() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OpenAIClient dead = OpenAIClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey(Clients.KEY)
        .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
    OpenAIClient observed = dead.withOptions(b -> b.addInterceptor(new Interceptor() {
      @Override
      public void onFailure(HttpRequest request, java.io.IOException failure, int attempt) {
        failures.add(attempt);
      }
    }));

    assertThatThrownBy(() -> observed.models().list())
        .isExactlyInstanceOf(ApiConnectionException.class)
        .hasMessageContaining("connection failed")
        .hasMessageNotContaining(Clients.KEY);
    assertThat(failures).containsExactly(1, 2, 3);
    dead.close();
  }

  @Test
  void asyncRetriesLikeSync() {
    server.enqueue(json(503, "{}"), json(429, "{}", "retry-after-ms", "10"), json(200, MODEL));

    assertThat(client.async().models().retrieve("gpt-5").join().id()).isEqualTo("gpt-5");
    assertThat(server.requests).hasSize(3);
  }

  @Test
  void asyncGivesUpAfterMaxRetries() {
    server.enqueue(json(429, "{\"error\":{\"message\":\"slow down\"}}"), json(429, "{\"error\":{\"message\":\"slow down\"}}"),
        json(429, "{\"error\":{\"message\":\"slow down\"}}"));

    assertThatThrownBy(() -> client.async().models().retrieve("gpt-5").join())
        .hasCauseExactlyInstanceOf(RateLimitException.class);
    assertThat(server.requests).hasSize(3);
  }

  @Test
  void badRequestIsNeverRetriedEvenAsync() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"bad\"}}"));

    assertThatThrownBy(() -> client.async().models().retrieve("gpt-5").join()).hasCauseExactlyInstanceOf(BadRequestException.class);
    assertThat(server.requests).hasSize(1);
  }
}
