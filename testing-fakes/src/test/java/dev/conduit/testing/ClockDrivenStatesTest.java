package dev.conduit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.support.MultipartBody;
import dev.conduit.testing.support.RawHttp;
import dev.conduit.testing.support.TransportHttp;
import dev.conduit.testing.support.Trees;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The states the fake's clock drives: an Upload expires after an hour, a batch read after 24 hours expires. */
class ClockDrivenStatesTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private volatile Instant now = Instant.ofEpochSecond(1_750_000_000L);

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private FakeOpenAI fake;
  private RawHttp http;

  @BeforeEach
  void start() {
    fake = FakeOpenAI.builder().clock(clock).build();
    http = new TransportHttp(fake.transport(), fake.baseUrl(), false);
  }

  @AfterEach
  void stop() {
    http.close();
    fake.close();
  }

  private RawHttp.Response post(String path, String json) throws Exception {
    return http.send("POST", path, json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
  }

  @Test
  void aPendingUploadExpiresAnHourAfterItsCreation() throws Exception {
    Map<String, Object> upload = Trees.object(post("/v1/uploads",
        "{\"filename\":\"a.txt\",\"purpose\":\"assistants\",\"bytes\":1,\"mime_type\":\"text/plain\"}").body());
    assertThat(upload).containsEntry("expires_at", 1_750_000_000L + 3600);
    String id = (String) upload.get("id");
    clock.advance(Duration.ofMinutes(59));
    byte[] part = new MultipartBody().field("data", "x").build();
    RawHttp.Response added = http.send("POST", "/v1/uploads/" + id + "/parts", part, "Content-Type",
        MultipartBody.CONTENT_TYPE);
    assertThat(added.status()).isEqualTo(200);
    String partId = (String) Trees.object(added.body()).get("id");
    clock.advance(Duration.ofMinutes(1));
    RawHttp.Response late = post("/v1/uploads/" + id + "/complete", "{\"part_ids\":[\"" + partId + "\"]}");
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.text()).contains("'expired'");
  }

  @Test
  void aBatchFirstReadAfterItsWindowExpiresWithoutRunning() throws Exception {
    byte[] upload = new MultipartBody().field("purpose", "batch").file("file", "in.jsonl", "application/jsonl",
        ("{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"gpt-4o\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n").getBytes(StandardCharsets.UTF_8)).build();
    String file = (String) Trees.object(http.send("POST", "/v1/files", upload, "Content-Type",
        MultipartBody.CONTENT_TYPE).body()).get("id");
    String body = "{\"input_file_id\":\"" + file + "\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\"}";
    String late = (String) Trees.object(post("/v1/batches", body).body()).get("id");
    clock.advance(Duration.ofHours(23));
    String early = (String) Trees.object(post("/v1/batches", body).body()).get("id");
    clock.advance(Duration.ofHours(1));

    Map<String, Object> expired = Trees.object(http.send("GET", "/v1/batches/" + late, new byte[0]).body());
    assertThat(expired).containsEntry("status", "expired").containsEntry("expired_at", 1_750_000_000L + 24 * 3600)
        .containsEntry("output_file_id", null).containsEntry("in_progress_at", null);
    Map<String, Object> ran = Trees.object(http.send("GET", "/v1/batches/" + early, new byte[0]).body());
    assertThat(ran).containsEntry("status", "completed").containsEntry("completed_at", 1_750_000_000L + 24 * 3600);
    assertThat(Trees.<Object>at(ran, "request_counts", "completed")).isEqualTo(1L);
  }
}
