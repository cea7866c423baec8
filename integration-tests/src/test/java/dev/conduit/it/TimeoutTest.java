package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.delayed;
import static dev.conduit.it.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.RequestOptions;
import dev.conduit.errors.ApiTimeoutException;
import dev.conduit.http.Timeouts;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeoutTest {
  private static final String MODEL = "{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}";
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

  private static RequestOptions timeout(Timeouts.Kind kind, long millis) {
    return RequestOptions.builder().timeout(kind, Duration.ofMillis(millis)).build();
  }

  @Test
  void responseTimeoutWhileWaitingForHeaders() {
    server.enqueue(delayed(Duration.ofSeconds(3), json(200, MODEL)));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5", timeout(Timeouts.Kind.RESPONSE, 200)))
        .isInstanceOfSatisfying(ApiTimeoutException.class, e -> {
          assertThat(e.kind()).isEqualTo(Timeouts.Kind.RESPONSE);
          assertThat(e.getMessage()).contains("response timeout");
        });
  }

  @Test
  void readTimeoutWhenTheBodyStalls() {
    server.enqueue(ScriptedServer.stallMidBody("{\"id\":\"gpt-5\",", 200, Duration.ofSeconds(3)));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5", timeout(Timeouts.Kind.READ, 200)))
        .isInstanceOfSatisfying(ApiTimeoutException.class, e -> {
          assertThat(e.kind()).isEqualTo(Timeouts.Kind.READ);
          assertThat(e.getMessage()).contains("read timeout");
        });
  }

  @Test
  void asyncResponseTimeout() {
    server.enqueue(delayed(Duration.ofSeconds(3), json(200, MODEL)));

    assertThatThrownBy(() -> client.async().models().retrieve("gpt-5", timeout(Timeouts.Kind.RESPONSE, 200)).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.RESPONSE));
  }

  @Test
  void asyncReadTimeout() {
    server.enqueue(ScriptedServer.stallMidBody("{\"id\":", 200, Duration.ofSeconds(3)));

    assertThatThrownBy(() -> client.async().models().retrieve("gpt-5", timeout(Timeouts.Kind.READ, 200)).join())
        .cause()
        .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.READ));
  }

  @Test
  void callTimeoutBoundsAllAttempts() {
    OpenAIClient retrying = client.withOptions(b -> b.maxRetries(5).retryBackoff(Duration.ofMillis(100), Duration.ofMillis(100)));
    for (int i = 0; i < 6; i++) {
      server.enqueue(delayed(Duration.ofMillis(150), json(503, "{}")));
    }

    long start = System.nanoTime();
    assertThatThrownBy(() -> retrying.models().retrieve("gpt-5", timeout(Timeouts.Kind.CALL, 400)))
        .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.CALL));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    assertThat(server.requests.size()).isLessThan(6);
  }

  @Test
  void callTimeoutCutsASlowSingleAttempt() {
    server.enqueue(delayed(Duration.ofSeconds(3), json(200, MODEL)));

    assertThatThrownBy(() -> client.models().retrieve("gpt-5", timeout(Timeouts.Kind.CALL, 300)))
        .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.CALL));
  }

  @Test
  void timeoutsAreRetriedLikeConnectionErrors() {
    OpenAIClient retrying = client.withOptions(b -> b.maxRetries(1));
    server.enqueue(delayed(Duration.ofSeconds(2), json(200, MODEL)), json(200, MODEL));

    assertThat(retrying.models().retrieve("gpt-5", timeout(Timeouts.Kind.RESPONSE, 300)).id()).isEqualTo("gpt-5");
    assertThat(server.requests).hasSize(2);
  }
}
