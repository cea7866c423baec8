package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.FakeOpenAI;
import dev.conduit.testing.support.Harness;
import dev.conduit.testing.support.MultipartBody;
import dev.conduit.testing.support.RawHttp;
import dev.conduit.testing.support.SseEvents;
import dev.conduit.testing.support.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the behaviour tests: each test gets a fresh fake and a client reaching it the way
 * {@link #harness()} says, so every contract runs unchanged in memory and on loopback.
 */
public abstract class FakeContract {
  protected FakeOpenAI fake;
  protected RawHttp http;

  protected abstract Harness harness();

  @BeforeEach
  void startFake() {
    fake = harness().fake();
    http = harness().http(fake);
  }

  @AfterEach
  void stopFake() {
    http.close();
    fake.close();
  }

  protected RawHttp.Response post(String path, String json) throws IOException {
    return http.send("POST", path, json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
        "Authorization", "Bearer sk-test");
  }

  protected RawHttp.Response get(String path) throws IOException {
    return http.send("GET", path, new byte[0], "Authorization", "Bearer sk-test");
  }

  protected RawHttp.Response delete(String path) throws IOException {
    return http.send("DELETE", path, new byte[0], "Authorization", "Bearer sk-test");
  }

  /** Uploads a file as multipart form data; a null {@code filename} or {@code purpose} leaves that part out. */
  protected RawHttp.Response upload(String filename, String purpose, byte[] content) throws IOException {
    MultipartBody body = new MultipartBody();
    if (purpose != null) {
      body.field("purpose", purpose);
    }
    if (filename != null) {
      body.file("file", filename, "application/jsonl", content);
    }
    return http.send("POST", "/v1/files", body.build(), "Content-Type", MultipartBody.CONTENT_TYPE);
  }

  /** Uploads {@code text} for {@code assistants} and returns the file's id. */
  protected String uploadText(String filename, String text) throws IOException {
    return (String) ok(upload(filename, "assistants", text.getBytes(StandardCharsets.UTF_8))).get("id");
  }

  /** Posts and returns the JSON object of a 200 answer. */
  protected Map<String, Object> postOk(String path, String json) throws IOException {
    return ok(post(path, json));
  }

  protected Map<String, Object> getOk(String path) throws IOException {
    return ok(get(path));
  }

  protected static Map<String, Object> ok(RawHttp.Response r) {
    assertThat(r.status()).as("status of %s", r.text()).isEqualTo(200);
    assertThat(r.header("content-type")).startsWith("application/json");
    return Trees.object(r.body());
  }

  /** Asserts the real API's error shape and returns the inner {@code error} object. */
  protected static Map<String, Object> error(RawHttp.Response r, int status) {
    assertThat(r.status()).as("status of %s", r.text()).isEqualTo(status);
    Map<String, Object> body = Trees.object(r.body());
    assertThat(body).containsOnlyKeys("error");
    Map<String, Object> e = Trees.at(body, "error");
    assertThat(e).containsOnlyKeys("message", "type", "param", "code");
    assertThat(e.get("message")).isInstanceOf(String.class);
    assertThat(e.get("type")).isInstanceOf(String.class);
    return e;
  }

  /** Parses a stream's body into events, asserting the SSE content type. */
  protected static List<SseEvents.Event> events(RawHttp.Response r) {
    assertThat(r.status()).as("status of %s", r.text()).isEqualTo(200);
    assertThat(r.header("content-type")).startsWith("text/event-stream");
    return SseEvents.parse(r.body());
  }

  protected static Map<String, Object> data(SseEvents.Event e) {
    return Trees.object(e.data());
  }
}
