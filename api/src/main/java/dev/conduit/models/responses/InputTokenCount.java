package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The answer of {@code POST /responses/input_tokens}: how many tokens the model would read as input. */
public final class InputTokenCount extends JsonModel {
  private InputTokenCount(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static InputTokenCount fromJson(Map<String, @Nullable Object> json) {
    return new InputTokenCount(Json.freezeMap(json));
  }

  /** Returns the object type, always {@code "response.input_tokens"}. */
  public String object() {
    return string("object");
  }

  /** Returns the number of input tokens. */
  public long inputTokens() {
    return longValue("input_tokens");
  }
}
