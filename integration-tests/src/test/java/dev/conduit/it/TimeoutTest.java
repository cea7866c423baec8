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
  void poolTimeoutWhenEveryConnectionIsBusy() throws Exception {
    server.enqueue(ScriptedServer.endlessSse("data: {}\n\n", Duration.ofMillis(50)));
    try (OpenAIClient single = Clients.builder(server).maxRetries(0).maxConnections(1)
        .timeouts(Timeouts.none().withPool(Duration.ofMillis(300))).build()) {
      java.io.InputStream held = single.files().content("file-1");
      try {
        assertThatThrownBy(() -> single.models().retrieve("gpt-5"))
            .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.POOL));
      } finally {
        held.close();
      }
    }
  }

  @Test
  void writeTimeoutWhenTheServerStopsReading() throws Exception {
    try (java.net.ServerSocket deaf = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          java.net.Socket s = deaf.accept(); // accept, then never read
          Thread.sleep(10_000);
          s.close();
        } catch (Exception ignored) {
          // test over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      try (OpenAIClient c = OpenAIClient.builder().baseUrl("http://127.0.0.1:" + deaf.getLocalPort() + "/v1").apiKey(Clients.KEY)
          .maxRetries(0).timeouts(Timeouts.none().withWrite(Duration.ofMillis(300))).build()) {
        java.io.InputStream endless = new java.io.InputStream() {
          private long left = 256L * 1024 * 1024;

          @Override
          public int read() {
            return left-- > 0 ? 'x' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
          }
        };
        assertThatThrownBy(() -> c.files().create(dev.conduit.models.files.FileCreateParams.builder().file(endless, "big.bin")
            .purpose(dev.conduit.models.files.FilePurpose.USER_DATA).build()))
            .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.WRITE));
      }
    }
  }

  @Test
  void connectTimeoutWhenTheListenerNeverAccepts() throws Exception {
    // A listener whose accept queue is full drops new SYNs, so connecting hangs until the timeout.
    try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      java.util.List<java.net.Socket> fillers = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          java.net.Socket s = new java.net.Socket();
          try {
            s.connect(full.getLocalSocketAddress(), 200);
            fillers.add(s);
          } catch (java.io.IOException queueFull) {
            s.close();
            break;
          }
        }
        try (OpenAIClient c = OpenAIClient.builder().baseUrl("http://127.0.0.1:" + full.getLocalPort() + "/v1").apiKey(Clients.KEY)
            .maxRetries(0).timeouts(Timeouts.none().withConnect(Duration.ofMillis(300))).build()) {
          assertThatThrownBy(() -> c.models().list())
              .isInstanceOfSatisfying(ApiTimeoutException.class, e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.CONNECT));
        }
      } finally {
        for (java.net.Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  @Test
  void timeoutsAreRetriedLikeConnectionErrors() {
    OpenAIClient retrying = client.withOptions(b -> b.maxRetries(1));
    server.enqueue(delayed(Duration.ofSeconds(2), json(200, MODEL)), json(200, MODEL));

    assertThat(retrying.models().retrieve("gpt-5", timeout(Timeouts.Kind.RESPONSE, 300)).id()).isEqualTo("gpt-5");
    assertThat(server.requests).hasSize(2);
  }
}
