package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error reported inside a stream ({@code error}). OpenAI puts {@code code}, {@code message} and
 * {@code param} on the event; Open Responses servers nest them in an {@code error} object. The getters
 * read either form.
 */
public final class ResponseErrorEvent extends ResponseStreamEvent {
  private ResponseErrorEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseErrorEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseErrorEvent(Json.freezeMap(json));
  }

  /** Returns the error code, or null. */
  public @Nullable String code() {
    return field("code");
  }

  /**
   * Returns the error message.
   *
   * @throws dev.conduit.errors.InvalidResponseException if the event carries no message
   */
  public String message() {
    String nested = hasField("message") ? null : field("message");
    return nested != null ? nested : string("message");
  }

  /** Returns the request parameter the error is about, or null. */
  public @Nullable String param() {
    return field("param");
  }

  private @Nullable String field(String name) {
    if (hasField(name)) {
      return stringOrNull(name);
    }
    Object error = jsonField("error");
    if (error instanceof Map) {
      Object v = ((Map<?, ?>) error).get(name);
      return v == null ? null : Json.asString(v, "ResponseErrorEvent.error." + name);
    }
    return null;
  }
}
