package dev.conduit.models.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WebhookEventTest {
  /** The {@code type} values of the spec's 16 Webhook* components (openai-openapi.yaml, webhooks section). */
  private static final List<String> SPEC_TYPES = List.of(
      "batch.cancelled", "batch.completed", "batch.expired", "batch.failed",
      "eval.run.canceled", "eval.run.failed", "eval.run.succeeded",
      "fine_tuning.job.cancelled", "fine_tuning.job.failed", "fine_tuning.job.succeeded",
      "live.call.incoming", "realtime.call.incoming",
      "response.cancelled", "response.completed", "response.failed", "response.incomplete");

  @Test
  void knowsExactlyTheSpecsSixteenTypes() {
    assertThat(WebhookEventType.knownValues().stream().map(WebhookEventType::value).collect(Collectors.toList()))
        .containsExactlyElementsOf(SPEC_TYPES);
    for (String t : SPEC_TYPES) {
      assertThat(WebhookEventType.of(t)).isSameAs(WebhookEventType.of(t));
      assertThat(WebhookEventType.of(t).isKnown()).isTrue();
    }
    assertThat(WebhookEventType.of("fine_tuning.job.succeeded")).isSameAs(WebhookEventType.FINE_TUNING_JOB_SUCCEEDED);
    assertThat(WebhookEventType.of("eval.run.canceled")).isSameAs(WebhookEventType.EVAL_RUN_CANCELED);
  }

  @Test
  void anUnknownTypeDecodesToAnOpenValue() {
    WebhookEvent e = WebhookEvent.fromJson(TestJson.object(
        "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":1,\"type\":\"video.completed\",\"data\":{\"id\":\"video_1\"}}"));
    assertThat(e.type().value()).isEqualTo("video.completed");
    assertThat(e.type().isKnown()).isFalse();
    assertThat(e.type()).isEqualTo(WebhookEventType.of("video.completed")).isNotEqualTo(WebhookEventType.RESPONSE_COMPLETED);
    assertThat(e.dataId()).isEqualTo("video_1");
  }

  @Test
  void callEventsHaveNoDataIdButKeepTheirPayload() {
    WebhookEvent e = WebhookEvent.fromJson(TestJson.object("{\"id\":\"evt_abc123\",\"type\":\"realtime.call.incoming\","
        + "\"created_at\":1719168000,\"data\":{\"call_id\":\"rtc_479a\",\"sip_headers\":[{\"name\":\"Max-Forwards\",\"value\":\"63\"}]}}"));
    assertThat(e.type()).isEqualTo(WebhookEventType.REALTIME_CALL_INCOMING);
    assertThat(e.dataId()).isNull();
    assertThat(e.object()).as("object is optional in the spec").isNull();
    assertThat(e.data()).containsEntry("call_id", "rtc_479a");
    assertThat(e.data().get("sip_headers")).isEqualTo(List.of(Map.of("name", "Max-Forwards", "value", "63")));
  }

  @Test
  void unknownFieldsAreKeptAndTheModelIsImmutable() {
    WebhookEvent e = WebhookEvent.fromJson(TestJson.object(
        "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":5,\"type\":\"batch.completed\",\"data\":{\"id\":\"batch_1\",\"extra\":1},\"later\":\"x\"}"));
    assertThat(e.jsonField("later")).isEqualTo("x");
    assertThat(e.data()).containsEntry("extra", 1L);
    assertThatThrownBy(() -> e.data().put("id", "other")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> e.toJson().remove("id")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void missingOrMistypedRequiredFieldsFailOnlyWhenRead() {
    WebhookEvent e = WebhookEvent.fromJson(TestJson.object("{\"type\":\"batch.failed\",\"data\":{\"id\":7}}"));
    assertThat(e.type()).isEqualTo(WebhookEventType.BATCH_FAILED);
    assertThatThrownBy(e::id).isInstanceOf(InvalidResponseException.class).hasMessageContaining("WebhookEvent.id is absent");
    assertThatThrownBy(e::createdAt).isInstanceOf(InvalidResponseException.class).hasMessageContaining("WebhookEvent.created_at");
    assertThatThrownBy(e::dataId).isInstanceOf(InvalidResponseException.class).hasMessageContaining("WebhookEvent.data.id");
    assertThat(WebhookEvent.fromJson(TestJson.object("{\"id\":\"evt_1\"}")).data()).isEmpty();
  }

  @Test
  void builderMakesEventsForHandlerTests() {
    WebhookEvent e = WebhookEvent.builder().id("evt_1").type(WebhookEventType.RESPONSE_FAILED).createdAt(1750861210L)
        .data(Map.of("id", "resp_1")).build();
    assertThat(e.toJson()).containsEntry("object", "event").containsEntry("type", "response.failed")
        .containsEntry("created_at", 1750861210L).containsEntry("data", Map.of("id", "resp_1"));
    assertThat(e.dataId()).isEqualTo("resp_1");
    WebhookEvent copy = e.toBuilder().id("evt_2").build();
    assertThat(copy.id()).isEqualTo("evt_2");
    assertThat(copy.type()).isEqualTo(e.type());
    assertThat(e).isEqualTo(WebhookEvent.fromJson(TestJson.object(
        "{\"object\":\"event\",\"id\":\"evt_1\",\"type\":\"response.failed\",\"created_at\":1750861210,\"data\":{\"id\":\"resp_1\"}}")));
    assertThatThrownBy(() -> WebhookEvent.builder().id("evt_1").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("type is required but was not set");
  }
}
