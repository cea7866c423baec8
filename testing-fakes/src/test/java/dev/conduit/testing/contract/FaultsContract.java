package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testing.Fault;
import dev.conduit.testing.FakeReply;
import dev.conduit.testing.support.RawHttp;
import dev.conduit.testing.support.SseEvents;
import dev.conduit.testing.support.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fault kind, observed at the raw HTTP level. */
public abstract class FaultsContract extends FakeContract {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
  private static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true,\"input\":\"one two three four five six\"}";

  private RawHttp.Exchange open(String method, String path, String json) throws IOException {
    return http.open(method, path, json.getBytes(StandardCharsets.UTF_8), READ_TIMEOUT, "Content-Type", "application/json");
  }

  /** Reads until the end or a failure; returns the bytes read and the failure, if any. */
  private static Object[] drain(InputStream in) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        got.write(buf, 0, n);
      }
      return new Object[] {got.toByteArray(), null};
    } catch (IOException e) {
      return new Object[] {got.toByteArray(), e};
    }
  }

  @Test
  void statusWithHeadersAndTheRealErrorBody() throws Exception {
    fake.injectFault(Fault.status(429, "retry-after-ms", "250", "x-should-retry", "true"));
    RawHttp.Response r = get("/v1/models");
    Map<String, Object> e = error(r, 429);
    assertThat(e).containsEntry("code", "rate_limit_exceeded").containsEntry("type", "requests");
    assertThat(r.header("retry-after-ms")).isEqualTo("250");
    assertThat(r.header("x-should-retry")).isEqualTo("true");
    assertThat(r.header("x-request-id")).startsWith("req_");
    assertThat(get("/v1/models").status()).isEqualTo(200);

    fake.injectFault(Fault.status(503).withBody("{\"error\":{\"message\":\"custom\",\"type\":\"server_error\","
        + "\"param\":null,\"code\":null}}"));
    assertThat(error(get("/v1/models"), 503)).containsEntry("message", "custom");
  }

  @Test
  void faultThatReplacesTheAnswerLeavesNoTrace() throws Exception {
    fake.reply(FakeReply.text("scripted"));
    fake.injectFault(Fault.status(500));
    error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\"}"), 500);
    assertThat(Trees.<Object>at(postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\"}"), "output", 0, "content",
        0, "text")).isEqualTo("scripted");
  }

  @Test
  void delayBeforeHeaders() throws Exception {
    fake.injectFault(Fault.delay(Duration.ofMillis(400)));
    long start = System.nanoTime();
    try (RawHttp.Exchange e = http.open("GET", "/v1/models", new byte[0], null)) {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(380));
      assertThat(e.status()).isEqualTo(200);
      assertThat(Trees.object(e.body().readAllBytes())).containsEntry("object", "list");
    }
  }

  @Test
  void stallMidBodyIsDetectedByAReadTimeout() throws Exception {
    fake.injectFault(Fault.stallMidBody());
    try (RawHttp.Exchange e = open("GET", "/v1/models", "")) {
      assertThat(e.status()).isEqualTo(200);
      long length = Long.parseLong(e.header("content-length"));
      long start = System.nanoTime();
      Object[] result = drain(e.body());
      assertThat(result[1]).as("failure").isInstanceOf(IOException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat((long) ((byte[]) result[0]).length).isEqualTo(length / 2);
    }
    assertThat(get("/v1/models").status()).isEqualTo(200);
  }

  @Test
  void boundedStallThenTheRest() throws Exception {
    fake.injectFault(Fault.stallMidBody(Duration.ofMillis(150)));
    try (RawHttp.Exchange e = http.open("GET", "/v1/models", new byte[0], Duration.ofSeconds(5))) {
      long start = System.nanoTime();
      byte[] body = e.body().readAllBytes();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
      assertThat(Trees.object(body)).containsEntry("object", "list");
    }
  }

  @Test
  void resetMidBody() throws Exception {
    fake.injectFault(Fault.resetMidBody());
    Object[] result = readUntilFailure("GET", "/v1/models", "");
    assertThat(result[1]).as("failure").isInstanceOf(IOException.class);
    if (result[0] != null) {
      assertThat(((byte[]) result[0]).length).isLessThan(Integer.parseInt((String) result[2]));
    }
    assertThat(fake.journal().get(0).fault()).contains("reset_mid_body");
    assertThat(get("/v1/models").status()).isEqualTo(200);
  }

  @Test
  void resetMidStreamAfterHalfTheEvents() throws Exception {
    fake.injectFault("POST /v1/responses", Fault.resetMidBody(), 1);
    Object[] result = readUntilFailure("POST", "/v1/responses", STREAM);
    assertThat(result[1]).as("failure").isInstanceOf(IOException.class);
    if (result[0] != null) {
      List<SseEvents.Event> got = SseEvents.parse((byte[]) result[0]);
      assertThat(got).hasSize(7); // 14 events in all
      assertThat(got.get(0).name()).isEqualTo("response.created");
    }
    assertThat(events(post("/v1/responses", STREAM))).hasSize(14);
  }

  /**
   * Opens an exchange and reads it to the end or a failure. Returns the bytes read (null if the client
   * reported the failure before handing over the headers, which a client may do when the reset arrives
   * while it is still busy), the failure, and the announced content length.
   */
  private Object[] readUntilFailure(String method, String path, String json) {
    RawHttp.Exchange e;
    try {
      e = open(method, path, json);
    } catch (IOException failure) {
      return new Object[] {null, failure, null};
    }
    try (e) {
      assertThat(e.status()).isEqualTo(200);
      Object[] r = drain(e.body());
      return new Object[] {r[0], r[1], e.header("content-length")};
    }
  }

  @Test
  void resetBeforeHeaders() throws Exception {
    fake.injectFault(Fault.resetBeforeHeaders().withDelay(Duration.ofMillis(50)));
    // a POST, which no client retries on its own after a connection failure
    assertThatThrownBy(() -> post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}"))
        .isInstanceOf(IOException.class);
    assertThat(fake.journal()).hasSize(1);
    assertThat(get("/v1/models").status()).isEqualTo(200);
  }

  @Test
  void malformedJson() throws Exception {
    fake.injectFault(Fault.malformedJson());
    RawHttp.Response r = get("/v1/models");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("content-type")).startsWith("application/json");
    assertThat(r.body()).hasSize(Integer.parseInt(r.header("content-length")));
    assertThat(r.text()).startsWith("{\"object\":\"list\"");
    assertThatThrownBy(() -> Trees.parse(r.body())).isInstanceOf(RuntimeException.class);
  }

  @Test
  void malformedJsonInsideAStream() throws Exception {
    fake.injectFault(Fault.malformedJson());
    List<SseEvents.Event> events = events(post("/v1/responses", STREAM));
    assertThat(events).hasSize(14);
    assertThat(events.get(7).name()).isEqualTo("response.output_text.delta");
    assertThatThrownBy(() -> Trees.parse(events.get(7).data().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RuntimeException.class);
    assertThat(data(events.get(13))).containsEntry("type", "response.completed");
  }

  @Test
  void htmlErrorPage() throws Exception {
    fake.injectFault(Fault.htmlError(502));
    RawHttp.Response r = get("/v1/models");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.header("content-type")).startsWith("text/html");
    assertThat(r.header("x-request-id")).isNull();
    assertThat(r.text()).contains("<html>").contains("502 Bad Gateway");
  }

  @Test
  void slowDripArrivesInManySmallChunks() throws Exception {
    fake.injectFault(Fault.slowDrip(64, Duration.ofMillis(20)));
    try (RawHttp.Exchange e = http.open("GET", "/v1/models", new byte[0], Duration.ofSeconds(5))) {
      long start = System.nanoTime();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int smallReads = 0;
      for (int n; (n = e.body().read(buf)) >= 0; ) {
        if (n > 0 && n <= 64) {
          smallReads++;
        }
        body.write(buf, 0, Math.max(n, 0));
      }
      int chunks = (body.size() + 63) / 64;
      assertThat(chunks).isGreaterThan(10);
      // a client may coalesce a few chunks when it falls behind; most reads still see one small chunk
      assertThat(smallReads).isGreaterThanOrEqualTo(chunks / 3);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20L * (chunks - 2)));
      assertThat(Trees.object(body.toByteArray())).containsEntry("object", "list");
    }
  }

  @Test
  void routeFaultsMatchOnlyTheirRouteAndCountDown() throws Exception {
    fake.injectFault("/v1/files/*", Fault.status(404), 2);
    fake.injectFault("DELETE /v1/**", Fault.status(409));
    assertThat(get("/v1/models").status()).isEqualTo(200);
    assertThat(get("/v1/files/file-a").status()).isEqualTo(404);
    assertThat(get("/v1/files").status()).isEqualTo(200);
    assertThat(get("/v1/files/file-b").status()).isEqualTo(404);
    assertThat(error(get("/v1/files/file-c"), 404).get("message")).isEqualTo("No such File object: file-c");
    assertThat(delete("/v1/responses/x").status()).isEqualTo(409);
    assertThat(delete("/v1/files/y").status()).isEqualTo(409);
  }
}
