package dev.conduit.models.webhooks;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event OpenAI delivered to a webhook, such as {@code response.completed} or {@code batch.failed}.
 * Obtain one from {@link dev.conduit.services.WebhookService#unwrap}, which checks the signature first.
 *
 * <p>All 16 event types share this shape: an {@link #id()}, a {@link #type()}, a {@link #createdAt()}
 * time and a {@link #data()} object that names the thing the event is about. For most types that is
 * {@code data.id} ({@link #dataId()}: a response, batch, fine-tuning job or eval run id, to fetch with
 * the matching resource); the SIP call events carry {@code data.call_id} or {@code data.session_id}
 * instead. The whole JSON object is kept, so fields added later stay readable with
 * {@link #jsonField(String)}.
 *
 * <pre>{@code
 * WebhookEvent event = client.webhooks().unwrap(body, headers);
 * if (event.type().equals(WebhookEventType.RESPONSE_COMPLETED)) {
 *   Response r = client.responses().retrieve(event.dataId());
 * }
 * }</pre>
 */
public final class WebhookEvent extends JsonModel {
  private WebhookEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /**
   * Returns an event viewing {@code json}, a JSON tree owned by the caller; it is frozen, not copied.
   * Nothing is verified: use {@link dev.conduit.services.WebhookService#unwrap} for deliveries.
   */
  public static WebhookEvent fromJson(Map<String, @Nullable Object> json) {
    return new WebhookEvent(Json.freezeMap(json));
  }

  /** Returns a new builder, e.g. to feed a webhook handler in tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this event. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the unique id of the event, e.g. {@code evt_685c059ae3a481909bdc86819b066fb6}. */
  public String id() {
    return string("id");
  }

  /** Returns the type of the event; compare with the {@link WebhookEventType} constants. */
  public WebhookEventType type() {
    return enumValue("type", WebhookEventType::of);
  }

  /** Returns when the event was created, in Unix seconds. */
  public long createdAt() {
    return longValue("created_at");
  }

  /** Returns the object type, {@code "event"}, or null if the delivery leaves it out. */
  public @Nullable String object() {
    return stringOrNull("object");
  }

  /** Returns the event's payload as a JSON tree; empty if absent. Unmodifiable. */
  public Map<String, @Nullable Object> data() {
    return mapOrEmpty("data");
  }

  /**
   * Returns {@code data.id}, the id of the response, batch, fine-tuning job or eval run the event is
   * about, or null if the payload has none (the SIP call events name {@code call_id} or
   * {@code session_id} instead).
   */
  public @Nullable String dataId() {
    Object id = data().get("id");
    return id == null ? null : Json.asString(id, "WebhookEvent.data.id");
  }

  /** A builder of {@link WebhookEvent}; {@code object} starts as {@code "event"}. */
  public static final class Builder extends JsonModel.Builder<Builder, WebhookEvent> {
    private Builder() {
      set("object", "event");
    }

    private Builder(WebhookEvent from) {
      super(from);
    }

    /** Sets the event id. */
    public Builder id(String id) {
      return set("id", id);
    }

    /** Sets the event type. */
    public Builder type(WebhookEventType type) {
      return set("type", type);
    }

    /** Sets the creation time in Unix seconds. */
    public Builder createdAt(long createdAt) {
      return set("created_at", createdAt);
    }

    /** Sets the payload, e.g. {@code Map.of("id", "resp_123")}. */
    public Builder data(Map<String, ?> data) {
      return set("data", data);
    }

    /**
     * Returns the event.
     *
     * @throws IllegalStateException if {@code id}, {@code type}, {@code created_at} or {@code data} is unset
     */
    @Override
    public WebhookEvent build() {
      require("id");
      require("type");
      require("created_at");
      require("data");
      return new WebhookEvent(frozenJson());
    }
  }
}
