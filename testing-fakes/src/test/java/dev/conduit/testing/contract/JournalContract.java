package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testing.Fault;
import dev.conduit.testing.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request journal: what was sent, and which attempt it was. */
public abstract class JournalContract extends FakeContract {
  @Test
  void recordsMethodPathQueryHeadersAndBody() throws Exception {
    assertThatThrownBy(() -> fake.lastRequest()).isInstanceOf(IllegalStateException.class);
    String body = "{\"model\":\"gpt-4o\",\"input\":\"journal me\"}";
    http.send("POST", "/v1/responses", body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
        "Idempotency-Key", "idem-123", "X-Custom", "a");
    get("/v1/files?limit=5&purpose=batch%20x");
    List<RecordedRequest> journal = fake.journal();
    assertThat(journal).hasSize(2);
    RecordedRequest post = journal.get(0);
    assertThat(post.index()).isEqualTo(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/v1/responses");
    assertThat(post.query()).isNull();
    assertThat(post.idempotencyKey()).isEqualTo("idem-123");
    assertThat(post.header("x-custom")).isEqualTo("a");
    assertThat(post.header("content-type")).isEqualTo("application/json");
    assertThat(post.header("content-length")).isEqualTo(Integer.toString(body.length()));
    assertThat(post.header("host")).isNotNull();
    assertThat(post.bodyUtf8()).isEqualTo(body);
    assertThat(post.bodyJson()).containsEntry("input", "journal me");
    assertThat(post.attempt()).isEqualTo(1);
    assertThat(post.fault()).isNull();
    assertThat(post.toString()).isEqualTo("POST /v1/responses (attempt 1)");
    RecordedRequest list = fake.lastRequest();
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.query()).isEqualTo("limit=5&purpose=batch%20x");
    assertThat(list.queryParameter("purpose")).isEqualTo("batch x");
    assertThat(list.body()).isEmpty();
    assertThatThrownBy(list::bodyJson).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void attemptsComeFromTheAttemptHeaderOrTheIdempotencyKey() throws Exception {
    byte[] body = "{\"model\":\"gpt-4o\",\"input\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    fake.injectFault(Fault.status(500), 2);
    for (int i = 0; i < 3; i++) {
      http.send("POST", "/v1/responses", body, "Content-Type", "application/json", "Idempotency-Key", "same-key");
    }
    http.send("POST", "/v1/responses", body, "Content-Type", "application/json", "Idempotency-Key", "other-key");
    http.send("POST", "/v1/responses", body, "Content-Type", "application/json", "X-Conduit-Attempt", "3");
    http.send("POST", "/v1/responses", body, "Content-Type", "application/json", "x-stainless-retry-count", "1");
    assertThat(fake.journal()).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3, 1, 3, 2);
    assertThat(fake.journal().get(0).fault()).contains("status").contains("500");
    assertThat(fake.journal().get(2).fault()).isNull();
  }

  @Test
  void resetForgetsEverything() throws Exception {
    String id = (String) postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\"}").get("id");
    fake.injectFault(Fault.status(503));
    fake.reset();
    assertThat(fake.journal()).isEmpty();
    error(get("/v1/responses/" + id), 404);
    assertThat(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\"}").status()).isEqualTo(200);
    assertThat(fake.journal()).hasSize(2);
  }
}
