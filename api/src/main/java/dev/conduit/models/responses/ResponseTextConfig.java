package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How the model's text output is shaped: its {@linkplain ResponseTextFormat format} and verbosity. */
public final class ResponseTextConfig extends JsonModel {
  private ResponseTextConfig(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseTextConfig fromJson(Map<String, @Nullable Object> json) {
    return new ResponseTextConfig(Json.freezeMap(json));
  }

  /** Returns a configuration with {@code format} and nothing else. */
  public static ResponseTextConfig of(ResponseTextFormat format) {
    return builder().format(format).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the output format, or null if unset. */
  public @Nullable ResponseTextFormat format() {
    return objectOrNull("format", ResponseTextFormat::fromJson);
  }

  /** Returns the verbosity ({@code low}, {@code medium}, {@code high}), or null if unset. */
  public @Nullable String verbosity() {
    return stringOrNull("verbosity");
  }

  /** A builder of {@link ResponseTextConfig}. */
  public static final class Builder extends JsonModel.Builder<Builder, ResponseTextConfig> {
    private Builder() {}

    private Builder(ResponseTextConfig from) {
      super(from);
    }

    /** Sets the output format. */
    public Builder format(@Nullable ResponseTextFormat format) {
      return set("format", format);
    }

    /** Sets the verbosity: {@code low}, {@code medium} or {@code high}. */
    public Builder verbosity(@Nullable String verbosity) {
      return set("verbosity", verbosity);
    }

    /** Returns the immutable {@link ResponseTextConfig}. */
    @Override
    public ResponseTextConfig build() {
      return new ResponseTextConfig(frozenJson());
    }
  }
}
