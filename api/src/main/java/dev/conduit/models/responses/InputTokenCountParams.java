package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /responses/input_tokens}: the part of a response request that the model
 * reads as input, whose tokens the API counts without generating anything.
 *
 * <pre>{@code
 * InputTokenCount count = client.responses().inputTokens().count(
 *     InputTokenCountParams.builder().model("gpt-5").input("Tell me a joke.").build());
 * long tokens = count.inputTokens();
 *
 * // or the input of a request about to be sent
 * long before = client.responses().inputTokens().count(InputTokenCountParams.from(createParams)).inputTokens();
 * }</pre>
 *
 * <p>The fields are those of {@link ResponseContextParams} and {@code personality}. Parameters this
 * version does not know are set with {@link Builder#putJsonField(String, Object)}.
 */
public final class InputTokenCountParams extends ResponseContextParams {
  /** The fields of a create request that this endpoint takes too, in the order the API lists them. */
  private static final List<String> SHARED_WITH_CREATE = List.of("model", "input", "previous_response_id", "tools", "text",
      "reasoning", "truncation", "instructions", "personality", "conversation", "tool_choice", "parallel_tool_calls");

  private InputTokenCountParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static InputTokenCountParams fromJson(Map<String, @Nullable Object> json) {
    return new InputTokenCountParams(Json.freezeMap(json));
  }

  /**
   * Returns the parameters that count the input of {@code create}: its model, input, instructions,
   * tools and the other fields this endpoint takes. Options that do not change the input (sampling,
   * storage, metadata, ...) are left out, since the endpoint rejects them.
   */
  public static InputTokenCountParams from(ResponseCreateParams create) {
    Objects.requireNonNull(create, "create == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    for (String field : SHARED_WITH_CREATE) {
      if (create.hasField(field)) {
        json.put(field, create.jsonField(field));
      }
    }
    return fromJson(json);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these parameters. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the model-owned style preset, or null for the model's default style. */
  public @Nullable String personality() {
    return stringOrNull("personality");
  }

  /** A builder of {@link InputTokenCountParams}; every field is optional. */
  public static final class Builder extends ResponseContextParams.Builder<Builder, InputTokenCountParams> {
    private Builder() {}

    private Builder(InputTokenCountParams from) {
      super(from);
    }

    /** Sets a model-owned style preset (at most 64 characters); null keeps the model's default. */
    public Builder personality(@Nullable String personality) {
      return set("personality", personality);
    }

    /** Returns the immutable {@link InputTokenCountParams}. */
    @Override
    public InputTokenCountParams build() {
      return new InputTokenCountParams(frozenJson());
    }
  }
}
