package dev.conduit.models.models;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A model offered by the API, as listed by {@code GET /models}. */
public final class Model extends JsonModel {
  private Model(Map<String, @Nullable Object> json) {
    super(json);
  }

  /**
   * Returns a model viewing {@code json}, a JSON tree owned by the caller; it is frozen, not copied.
   */
  public static Model fromJson(Map<String, @Nullable Object> json) {
    return new Model(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this model. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the model identifier, e.g. {@code "gpt-5"}, used in API calls. */
  public String id() {
    return string("id");
  }

  /** Returns the object type, always {@code "model"}. */
  public String object() {
    return string("object");
  }

  /** Returns when the model was created, in Unix seconds. */
  public long created() {
    return longValue("created");
  }

  /** Returns the organization that owns the model. */
  public String ownedBy() {
    return string("owned_by");
  }

  /**
   * Returns the date the model shuts down, as ISO 8601 text (e.g. {@code "2026-03-31"}), or null if
   * none is announced.
   */
  public @Nullable String shutdownDate() {
    return stringOrNull("shutdown_date");
  }

  /** A builder of {@link Model}. */
  public static final class Builder extends JsonModel.Builder<Builder, Model> {
    private Builder() {
      set("object", "model");
    }

    private Builder(Model from) {
      super(from);
    }

    public Builder id(String id) {
      return set("id", id);
    }

    public Builder created(long created) {
      return set("created", created);
    }

    public Builder ownedBy(String ownedBy) {
      return set("owned_by", ownedBy);
    }

    @Override
    public Model build() {
      return new Model(frozenJson());
    }
  }
}
