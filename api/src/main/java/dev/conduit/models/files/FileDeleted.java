package dev.conduit.models.files;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The answer to deleting a file. */
public final class FileDeleted extends JsonModel {
  private FileDeleted(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static FileDeleted fromJson(Map<String, @Nullable Object> json) {
    return new FileDeleted(Json.freezeMap(json));
  }

  /** Returns the id of the deleted file. */
  public String id() {
    return string("id");
  }

  /** Returns the object type, {@code "file"}. */
  public String object() {
    return string("object");
  }

  /** Returns whether the file was deleted. */
  public boolean deleted() {
    return booleanValue("deleted");
  }
}
