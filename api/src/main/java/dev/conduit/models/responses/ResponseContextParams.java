package dev.conduit.models.responses;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything of a request to the Responses API that the model reads before it answers: the model,
 * the {@linkplain ResponseInputParams input}, the conversation it continues, the tools and tool
 * choice, the text format, reasoning and truncation. Creating a response
 * ({@link ResponseCreateParams}) takes these and the options of generation; counting its input tokens
 * ({@link InputTokenCountParams}) takes only these.
 */
public abstract sealed class ResponseContextParams extends ResponseInputParams
    permits ResponseCreateParams, InputTokenCountParams {
  ResponseContextParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns the model, or null if unset (e.g. when a prompt template supplies it). */
  public final @Nullable String model() {
    return stringOrNull("model");
  }

  /**
   * Returns the id of the conversation this request belongs to, which the API takes as the id or as
   * {@code {"id": ...}}; null if unset.
   */
  public final @Nullable String conversation() {
    Object conversation = jsonField("conversation");
    if (conversation instanceof Map) {
      conversation = ((Map<?, ?>) conversation).get("id");
    }
    return conversation instanceof String ? (String) conversation : null;
  }

  /** Returns the tools the model may call; empty if none. */
  public final List<Tool> tools() {
    return objectList("tools", Tool::fromJson);
  }

  /** Returns the tool choice as a JSON value (a string or an object tree), or null. */
  public final @Nullable Object toolChoice() {
    return jsonField("tool_choice");
  }

  /** Returns the text output configuration, or null. */
  public final @Nullable ResponseTextConfig text() {
    return objectOrNull("text", ResponseTextConfig::fromJson);
  }

  /** Returns the reasoning configuration, or null. */
  public final @Nullable Reasoning reasoning() {
    return objectOrNull("reasoning", Reasoning::fromJson);
  }

  /** Returns the truncation strategy ({@code auto} or {@code disabled}), or null. */
  public final @Nullable String truncation() {
    return stringOrNull("truncation");
  }

  /** Returns whether tool calls may run in parallel, or null for the default. */
  public final @Nullable Boolean parallelToolCalls() {
    return booleanOrNull("parallel_tool_calls");
  }

  /**
   * The setters of the fields of {@link ResponseContextParams}, for the builders of its subclasses.
   *
   * @param <B> the concrete builder type
   * @param <M> the parameters type built
   */
  public abstract static class Builder<B extends Builder<B, M>, M extends ResponseContextParams>
      extends ResponseInputParams.Builder<B, M> {
    Builder() {}

    Builder(M from) {
      super(from);
    }

    /** Sets the model, e.g. {@code "gpt-5"}. */
    public final B model(String model) {
      return set("model", Objects.requireNonNull(model, "model == null"));
    }

    /**
     * Makes the request part of the conversation {@code conversationId}: its items are read before the
     * input, and (when creating a response) the input and output are added to it.
     */
    public final B conversation(@Nullable String conversationId) {
      return set("conversation", conversationId);
    }

    /** Replaces the tools the model may call. */
    public final B tools(List<? extends Tool> tools) {
      return set("tools", Objects.requireNonNull(tools, "tools == null"));
    }

    /** Appends a tool the model may call. */
    public final B addTool(Tool tool) {
      return append("tools", tool);
    }

    /** Sets the tool choice mode: {@code "auto"}, {@code "none"} or {@code "required"}. */
    public final B toolChoice(String mode) {
      return set("tool_choice", Objects.requireNonNull(mode, "mode == null"));
    }

    /** Sets the tool choice, e.g. {@link ToolChoice#function(String)}. */
    public final B toolChoice(ToolChoice toolChoice) {
      return set("tool_choice", Objects.requireNonNull(toolChoice, "toolChoice == null").value());
    }

    /** Sets the text output configuration, e.g. a JSON schema format. */
    public final B text(@Nullable ResponseTextConfig text) {
      return set("text", text);
    }

    /** Sets the reasoning configuration. */
    public final B reasoning(@Nullable Reasoning reasoning) {
      return set("reasoning", reasoning);
    }

    /** Sets the truncation strategy: {@code "auto"} or {@code "disabled"}. */
    public final B truncation(@Nullable String truncation) {
      return set("truncation", truncation);
    }

    /** Sets whether tool calls may run in parallel. */
    public final B parallelToolCalls(@Nullable Boolean parallelToolCalls) {
      return set("parallel_tool_calls", parallelToolCalls);
    }
  }
}
