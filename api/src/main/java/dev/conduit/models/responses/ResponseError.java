package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Why the model failed to generate a {@link Response}. */
public final class ResponseError extends JsonModel {
  private ResponseError(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseError fromJson(Map<String, @Nullable Object> json) {
    return new ResponseError(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this error. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the error code, e.g. {@code "server_error"} or {@code "rate_limit_exceeded"}. */
  public String code() {
    return string("code");
  }

  /** Returns the human-readable description of the error. */
  public String message() {
    return string("message");
  }

  /** A builder of {@link ResponseError}. */
  public static final class Builder extends JsonModel.Builder<Builder, ResponseError> {
    private Builder() {}

    private Builder(ResponseError from) {
      super(from);
    }

    /** Sets the error code. */
    public Builder code(String code) {
      return set("code", code);
    }

    /** Sets the message. */
    public Builder message(String message) {
      return set("message", message);
    }

    /** Returns the immutable {@link ResponseError}. */
    @Override
    public ResponseError build() {
      return new ResponseError(frozenJson());
    }
  }
}
