package dev.conduit.models.models;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The answer to deleting a fine-tuned model. */
public final class ModelDeleted extends JsonModel {
  private ModelDeleted(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ModelDeleted fromJson(Map<String, @Nullable Object> json) {
    return new ModelDeleted(Json.freezeMap(json));
  }

  /** Returns the id of the deleted model. */
  public String id() {
    return string("id");
  }

  /** Returns {@code "model"}. */
  public String object() {
    return string("object");
  }

  /** Returns whether the model was deleted. */
  public boolean deleted() {
    return booleanValue("deleted");
  }
}
