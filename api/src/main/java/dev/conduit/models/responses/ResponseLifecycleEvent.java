package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A change of the response's state, carrying the whole response: {@code response.created},
 * {@code response.queued}, {@code response.in_progress}, and the terminal {@code response.completed},
 * {@code response.failed} and {@code response.incomplete}. {@link #type()} tells which.
 */
public final class ResponseLifecycleEvent extends ResponseStreamEvent {
  private ResponseLifecycleEvent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseLifecycleEvent fromJson(Map<String, @Nullable Object> json) {
    return new ResponseLifecycleEvent(Json.freezeMap(json));
  }

  /** Returns the response as it stands at this event. */
  public Response response() {
    return object("response", Response::fromJson);
  }

  /** Returns true for the events that end a stream: completed, failed and incomplete. */
  public boolean isTerminal() {
    String type = type();
    return type.equals("response.completed") || type.equals("response.failed") || type.equals("response.incomplete");
  }
}
