package dev.conduit.models.responses;

import dev.conduit.models.ReasoningEffort;
import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Configuration of a reasoning model: how much to think and whether to summarise the thinking. */
public final class Reasoning extends JsonModel {
  private Reasoning(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static Reasoning fromJson(Map<String, @Nullable Object> json) {
    return new Reasoning(Json.freezeMap(json));
  }

  /** Returns a configuration asking for {@code effort} and nothing else. */
  public static Reasoning of(ReasoningEffort effort) {
    return builder().effort(effort).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the reasoning effort, or null if unset. */
  public @Nullable ReasoningEffort effort() {
    return enumOrNull("effort", ReasoningEffort::of);
  }

  /** Returns the kind of reasoning summary asked for ({@code auto}, {@code concise}, {@code detailed}), or null. */
  public @Nullable String summary() {
    return stringOrNull("summary");
  }

  /**
   * Returns the reasoning execution mode, e.g. {@code standard} or {@code pro}; on a response, the
   * mode that was used. Null if unset.
   */
  public @Nullable String mode() {
    return stringOrNull("mode");
  }

  /**
   * Returns which reasoning items are rendered back to the model on later turns ({@code auto},
   * {@code current_turn}, {@code all_turns}); on a response, the mode that was used. Null if unset.
   */
  public @Nullable String context() {
    return stringOrNull("context");
  }

  /**
   * Returns the kind of reasoning summary asked for under the field's former name.
   *
   * @deprecated the API replaced {@code generate_summary} by {@code summary}; use {@link #summary()}
   */
  @Deprecated
  public @Nullable String generateSummary() {
    return stringOrNull("generate_summary");
  }

  /** A builder of {@link Reasoning}. */
  public static final class Builder extends JsonModel.Builder<Builder, Reasoning> {
    private Builder() {}

    private Builder(Reasoning from) {
      super(from);
    }

    /** Sets the reasoning effort. */
    public Builder effort(@Nullable ReasoningEffort effort) {
      return set("effort", effort);
    }

    /** Sets the kind of summary: {@code auto}, {@code concise} or {@code detailed}. */
    public Builder summary(@Nullable String summary) {
      return set("summary", summary);
    }

    /** Sets the reasoning execution mode, e.g. {@code "standard"} or {@code "pro"}. */
    public Builder mode(@Nullable String mode) {
      return set("mode", mode);
    }

    /**
     * Sets which reasoning items are rendered back to the model on later turns: {@code "auto"},
     * {@code "current_turn"} or {@code "all_turns"}.
     */
    public Builder context(@Nullable String context) {
      return set("context", context);
    }

    /** Returns the immutable {@link Reasoning}. */
    @Override
    public Reasoning build() {
      return new Reasoning(frozenJson());
    }
  }
}
