package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /responses}: the model, the input, and the options of one response.
 *
 * <pre>{@code
 * ResponseCreateParams params = ResponseCreateParams.builder()
 *     .model("gpt-5")
 *     .instructions("Be brief.")
 *     .input("Write a haiku about Java.")
 *     .build();
 * }</pre>
 *
 * <p>{@code stream} is not a builder option: the client's create and stream methods set it (see
 * {@link #withStream(boolean)}). Parameters this version does not know are set with
 * {@link Builder#putJsonField(String, Object)}.
 */
public final class ResponseCreateParams extends JsonModel {
  private ResponseCreateParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseCreateParams fromJson(Map<String, @Nullable Object> json) {
    return new ResponseCreateParams(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these parameters. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns a copy with {@code stream} set to {@code stream}; used by the SDK's create and stream
   * methods, which decide whether the answer is streamed.
   */
  public ResponseCreateParams withStream(boolean stream) {
    return toBuilder().stream(stream).build();
  }

  /** Returns the model, or null if unset (e.g. when a prompt template supplies it). */
  public @Nullable String model() {
    return stringOrNull("model");
  }

  /** Returns the input when it is a plain string (a user message), else null. */
  public @Nullable String inputText() {
    return jsonField("input") instanceof List ? null : stringOrNull("input");
  }

  /** Returns the input when it is a list of items; empty when it is a string or unset. */
  public List<ResponseInputItem> inputItems() {
    return jsonField("input") instanceof List ? objectList("input", ResponseInputItem::fromJson) : List.of();
  }

  /** Returns the system (developer) instructions, or null. */
  public @Nullable String instructions() {
    return stringOrNull("instructions");
  }

  /** Returns the id of the previous response to continue from, or null. */
  public @Nullable String previousResponseId() {
    return stringOrNull("previous_response_id");
  }

  /** Returns the sampling temperature, or null. */
  public @Nullable Double temperature() {
    return doubleOrNull("temperature");
  }

  /** Returns the nucleus-sampling probability mass, or null. */
  public @Nullable Double topP() {
    return doubleOrNull("top_p");
  }

  /** Returns the upper bound on generated tokens, or null. */
  public @Nullable Long maxOutputTokens() {
    return longOrNull("max_output_tokens");
  }

  /** Returns the tools the model may call; empty if none. */
  public List<Tool> tools() {
    return objectList("tools", Tool::fromJson);
  }

  /** Returns the tool choice as a JSON value (a string or an object tree), or null. */
  public @Nullable Object toolChoice() {
    return jsonField("tool_choice");
  }

  /** Returns the text output configuration, or null. */
  public @Nullable ResponseTextConfig text() {
    return objectOrNull("text", ResponseTextConfig::fromJson);
  }

  /** Returns the reasoning configuration, or null. */
  public @Nullable Reasoning reasoning() {
    return objectOrNull("reasoning", Reasoning::fromJson);
  }

  /** Returns whether to store the response, or null for the server's default. */
  public @Nullable Boolean store() {
    return booleanOrNull("store");
  }

  /** Returns whether to run in the background, or null. */
  public @Nullable Boolean background() {
    return booleanOrNull("background");
  }

  /** Returns the metadata; empty if none. */
  public Map<String, String> metadata() {
    return stringMap("metadata");
  }

  /** Returns whether tool calls may run in parallel, or null for the default. */
  public @Nullable Boolean parallelToolCalls() {
    return booleanOrNull("parallel_tool_calls");
  }

  /** Returns the end-user identifier, or null. */
  public @Nullable String user() {
    return stringOrNull("user");
  }

  /** Returns the extra output data to include, e.g. {@code reasoning.encrypted_content}; empty if none. */
  public List<String> include() {
    return stringList("include");
  }

  /** Returns the service tier asked for, or null. */
  public @Nullable String serviceTier() {
    return stringOrNull("service_tier");
  }

  /** Returns the truncation strategy, or null. */
  public @Nullable String truncation() {
    return stringOrNull("truncation");
  }

  /** Returns whether the answer is streamed, as set by {@link #withStream(boolean)}, or null. */
  public @Nullable Boolean stream() {
    return booleanOrNull("stream");
  }

  /** A builder of {@link ResponseCreateParams}. */
  public static final class Builder extends JsonModel.Builder<Builder, ResponseCreateParams> {
    private Builder() {}

    private Builder(ResponseCreateParams from) {
      super(from);
    }

    private Builder stream(boolean stream) {
      return set("stream", stream);
    }

    /** Sets the model, e.g. {@code "gpt-5"}. */
    public Builder model(String model) {
      return set("model", Objects.requireNonNull(model, "model == null"));
    }

    /** Sets the input to a text, which the model reads as a user message. */
    public Builder input(String text) {
      return set("input", Objects.requireNonNull(text, "text == null"));
    }

    /** Sets the input to a list of items: messages, earlier output items, tool call outputs. */
    public Builder input(List<? extends ResponseInputItem> items) {
      return set("input", Objects.requireNonNull(items, "items == null"));
    }

    /** Appends an input item; a text input set before becomes a user message first. */
    public Builder addInput(ResponseInputItem item) {
      Objects.requireNonNull(item, "item == null");
      Object existing = json.get("input");
      if (existing instanceof String) {
        List<@Nullable Object> list = new ArrayList<>();
        list.add(ResponseInputItem.userMessage((String) existing).toJson());
        json.put("input", Collections.unmodifiableList(list));
      }
      return append("input", item);
    }

    /** Sets the system (developer) instructions. */
    public Builder instructions(@Nullable String instructions) {
      return set("instructions", instructions);
    }

    /** Continues the conversation of the response {@code previousResponseId}. */
    public Builder previousResponseId(@Nullable String previousResponseId) {
      return set("previous_response_id", previousResponseId);
    }

    /** Sets the sampling temperature, 0 to 2. */
    public Builder temperature(@Nullable Double temperature) {
      return set("temperature", temperature);
    }

    /** Sets the nucleus-sampling probability mass, 0 to 1. */
    public Builder topP(@Nullable Double topP) {
      return set("top_p", topP);
    }

    /** Sets the upper bound on generated tokens, reasoning included. */
    public Builder maxOutputTokens(@Nullable Long maxOutputTokens) {
      return set("max_output_tokens", maxOutputTokens);
    }

    /** Replaces the tools the model may call. */
    public Builder tools(List<? extends Tool> tools) {
      return set("tools", Objects.requireNonNull(tools, "tools == null"));
    }

    /** Appends a tool the model may call. */
    public Builder addTool(Tool tool) {
      return append("tools", tool);
    }

    /** Sets the tool choice mode: {@code "auto"}, {@code "none"} or {@code "required"}. */
    public Builder toolChoice(String mode) {
      return set("tool_choice", Objects.requireNonNull(mode, "mode == null"));
    }

    /** Sets the tool choice, e.g. {@link ToolChoice#function(String)}. */
    public Builder toolChoice(ToolChoice toolChoice) {
      return set("tool_choice", Objects.requireNonNull(toolChoice, "toolChoice == null").value());
    }

    /** Sets the text output configuration, e.g. a JSON schema format. */
    public Builder text(@Nullable ResponseTextConfig text) {
      return set("text", text);
    }

    /** Sets the reasoning configuration. */
    public Builder reasoning(@Nullable Reasoning reasoning) {
      return set("reasoning", reasoning);
    }

    /** Sets whether to store the response for later retrieval. */
    public Builder store(@Nullable Boolean store) {
      return set("store", store);
    }

    /** Sets whether to run the response in the background. */
    public Builder background(@Nullable Boolean background) {
      return set("background", background);
    }

    /** Sets up to 16 metadata key-value pairs. */
    public Builder metadata(@Nullable Map<String, String> metadata) {
      return set("metadata", metadata);
    }

    /** Sets whether tool calls may run in parallel. */
    public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
      return set("parallel_tool_calls", parallelToolCalls);
    }

    /** Sets the end-user identifier (deprecated by the API in favour of {@code safety_identifier}). */
    public Builder user(@Nullable String user) {
      return set("user", user);
    }

    /** Sets the extra output data to include, e.g. {@code "reasoning.encrypted_content"}. */
    public Builder include(@Nullable List<String> include) {
      return set("include", include);
    }

    /** Sets the service tier, e.g. {@code "flex"} or {@code "priority"}. */
    public Builder serviceTier(@Nullable String serviceTier) {
      return set("service_tier", serviceTier);
    }

    /** Sets the truncation strategy: {@code "auto"} or {@code "disabled"}. */
    public Builder truncation(@Nullable String truncation) {
      return set("truncation", truncation);
    }

    /** Returns the immutable {@link ResponseCreateParams}. */
    @Override
    public ResponseCreateParams build() {
      return new ResponseCreateParams(frozenJson());
    }
  }
}
