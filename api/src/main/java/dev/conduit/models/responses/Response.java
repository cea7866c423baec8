package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import dev.conduit.models.shared.Moderation;
import dev.conduit.models.shared.Prompt;
import dev.conduit.models.shared.PromptCacheOptions;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A model response, as returned by {@code POST /responses} and {@code GET /responses/{id}}, or folded
 * from a stream by {@link ResponseAccumulator}.
 *
 * <pre>{@code
 * Response r = client.responses().create(params);
 * System.out.println(r.outputText());
 * for (ResponseOutputItem item : r.output()) {
 *   if (item instanceof ResponseFunctionToolCall) { ... }
 * }
 * }</pre>
 *
 * <p>Decoding never fails for a missing field; a getter of a field the API declares required throws
 * {@link dev.conduit.errors.InvalidResponseException} if a provider left it out.
 */
public final class Response extends JsonModel {
  private Response(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static Response fromJson(Map<String, @Nullable Object> json) {
    return new Response(Json.freezeMap(json));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this response. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the id of the response, e.g. {@code "resp_67cc..."}. */
  public String id() {
    return string("id");
  }

  /** Returns the object type, always {@code "response"}. */
  public String object() {
    return string("object");
  }

  /** Returns when the response was created, in Unix seconds. */
  public long createdAt() {
    return longValue("created_at");
  }

  /** Returns when the response completed, in Unix seconds, or null if it has not. */
  public @Nullable Long completedAt() {
    return longOrNull("completed_at");
  }

  /** Returns the status, or null if the server sent none. */
  public @Nullable ResponseStatus status() {
    return enumOrNull("status", ResponseStatus::of);
  }

  /** Returns the model that generated the response, e.g. {@code "gpt-5-2025-08-07"}. */
  public String model() {
    return string("model");
  }

  /** Returns the items the model produced, in order; empty if none. */
  public List<ResponseOutputItem> output() {
    return objectList("output", ResponseOutputItem::fromJson);
  }

  /**
   * Returns the text of every {@code output_text} part of every message in {@link #output()},
   * concatenated in order; "" if there is none. Refusals are not included.
   */
  public String outputText() {
    StringBuilder sb = new StringBuilder();
    for (ResponseOutputItem item : output()) {
      if (item instanceof ResponseOutputMessage) {
        ((ResponseOutputMessage) item).appendText(sb);
      }
    }
    return sb.toString();
  }

  /** Returns why the response failed, or null if it did not. */
  public @Nullable ResponseError error() {
    return objectOrNull("error", ResponseError::fromJson);
  }

  /** Returns why the response is incomplete, or null if it is not. */
  public @Nullable IncompleteDetails incompleteDetails() {
    return objectOrNull("incomplete_details", IncompleteDetails::fromJson);
  }

  /**
   * Returns the instructions when they are a string, or null when absent or given as a list of items
   * (see {@link #instructionItems()}).
   */
  public @Nullable String instructions() {
    return jsonField("instructions") instanceof List ? null : stringOrNull("instructions");
  }

  /** Returns the instructions when they are a list of input items; empty when they are a string or absent. */
  public List<ResponseInputItem> instructionItems() {
    return jsonField("instructions") instanceof List ? objectList("instructions", ResponseInputItem::fromJson) : List.of();
  }

  /** Returns the token usage, or null if the server sent none (e.g. while in progress). */
  public @Nullable ResponseUsage usage() {
    return objectOrNull("usage", ResponseUsage::fromJson);
  }

  /** Returns the id of the previous response in the conversation, or null. */
  public @Nullable String previousResponseId() {
    return stringOrNull("previous_response_id");
  }

  /** Returns the sampling temperature used, or null. */
  public @Nullable Double temperature() {
    return doubleOrNull("temperature");
  }

  /** Returns the nucleus-sampling probability mass used, or null. */
  public @Nullable Double topP() {
    return doubleOrNull("top_p");
  }

  /** Returns the upper bound on generated tokens, reasoning included, or null if unbounded. */
  public @Nullable Long maxOutputTokens() {
    return longOrNull("max_output_tokens");
  }

  /** Returns whether the model could run tool calls in parallel. */
  public boolean parallelToolCalls() {
    return booleanValue("parallel_tool_calls");
  }

  /** Returns the tools the model could use; empty if none. */
  public List<Tool> tools() {
    return objectList("tools", Tool::fromJson);
  }

  /**
   * Returns the tool choice as a JSON value: a string mode such as {@code "auto"}, an object tree
   * such as {@code {"type":"function","name":"f"}}, or null if absent.
   */
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

  /** Returns whether the response is stored for later retrieval, or null if unsaid. */
  public @Nullable Boolean store() {
    return booleanOrNull("store");
  }

  /** Returns whether the response ran in the background, or null if unsaid. */
  public @Nullable Boolean background() {
    return booleanOrNull("background");
  }

  /** Returns the metadata key-value pairs; empty if none. */
  public Map<String, String> metadata() {
    return stringMap("metadata");
  }

  /** Returns the end-user identifier sent with the request, or null. */
  public @Nullable String user() {
    return stringOrNull("user");
  }

  /** Returns the service tier that actually served the request, e.g. {@code "default"}, or null. */
  public @Nullable String serviceTier() {
    return stringOrNull("service_tier");
  }

  /** Returns the truncation strategy ({@code auto} or {@code disabled}), or null. */
  public @Nullable String truncation() {
    return stringOrNull("truncation");
  }

  /** Returns how many most likely tokens were returned per position with their log probabilities, or null. */
  public @Nullable Long topLogprobs() {
    return longOrNull("top_logprobs");
  }

  /** Returns the upper bound on calls to built-in tools that the response was given, or null. */
  public @Nullable Long maxToolCalls() {
    return longOrNull("max_tool_calls");
  }

  /** Returns the stable end-user identifier sent with the request, or null. */
  public @Nullable String safetyIdentifier() {
    return stringOrNull("safety_identifier");
  }

  /** Returns the key under which the prompt cache was read and written, or null. */
  public @Nullable String promptCacheKey() {
    return stringOrNull("prompt_cache_key");
  }

  /** Returns how long the prompt cache entry is retained ({@code in_memory} or {@code 24h}), or null. */
  public @Nullable String promptCacheRetention() {
    return stringOrNull("prompt_cache_retention");
  }

  /** Returns the prompt cache options that applied, or null if the server sent none. */
  public @Nullable PromptCacheOptions promptCacheOptions() {
    return objectOrNull("prompt_cache_options", PromptCacheOptions::fromJson);
  }

  /** Returns the prompt template the response used, with its variables, or null. */
  public @Nullable Prompt prompt() {
    return objectOrNull("prompt", Prompt::fromJson);
  }

  /** Returns the results of the moderation asked for in the request, or null if none ran. */
  public @Nullable Moderation moderation() {
    return objectOrNull("moderation", Moderation::fromJson);
  }

  /** Returns the conversation the response belongs to, or null if it belongs to none. */
  public @Nullable Conversation conversation() {
    return objectOrNull("conversation", Conversation::fromJson);
  }

  /** The conversation a response belongs to: its input and output items were added to it. */
  public static final class Conversation extends JsonModel {
    private Conversation(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static Conversation fromJson(Map<String, @Nullable Object> json) {
      return new Conversation(Json.freezeMap(json));
    }

    /** Returns the id of the conversation, e.g. {@code "conv_123"}. */
    public String id() {
      return string("id");
    }
  }

  /** Why a response is incomplete. */
  public static final class IncompleteDetails extends JsonModel {
    private IncompleteDetails(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static IncompleteDetails fromJson(Map<String, @Nullable Object> json) {
      return new IncompleteDetails(Json.freezeMap(json));
    }

    /** Returns the reason, e.g. {@code max_output_tokens} or {@code content_filter}, or null. */
    public @Nullable String reason() {
      return stringOrNull("reason");
    }
  }

  /** A builder of {@link Response}, for tests and fakes. */
  public static final class Builder extends JsonModel.Builder<Builder, Response> {
    private Builder() {
      set("object", "response");
      set("output", List.of());
    }

    private Builder(Response from) {
      super(from);
    }

    /** Sets the id. */
    public Builder id(String id) {
      return set("id", id);
    }

    /** Sets the creation time, in Unix seconds. */
    public Builder createdAt(long createdAt) {
      return set("created_at", createdAt);
    }

    /** Sets the completion time, in Unix seconds. */
    public Builder completedAt(@Nullable Long completedAt) {
      return set("completed_at", completedAt);
    }

    /** Sets the status. */
    public Builder status(@Nullable ResponseStatus status) {
      return set("status", status);
    }

    /** Sets the model. */
    public Builder model(String model) {
      return set("model", model);
    }

    /** Replaces the output items. */
    public Builder output(List<? extends ResponseOutputItem> output) {
      return set("output", output);
    }

    /** Appends an output item. */
    public Builder addOutput(ResponseOutputItem item) {
      return append("output", item);
    }

    /** Sets the error. */
    public Builder error(@Nullable ResponseError error) {
      return set("error", error);
    }

    /** Sets why the response is incomplete, e.g. {@code max_output_tokens}. */
    public Builder incompleteReason(@Nullable String reason) {
      return set("incomplete_details", reason == null ? null : Map.of("reason", reason));
    }

    /** Sets the instructions. */
    public Builder instructions(@Nullable String instructions) {
      return set("instructions", instructions);
    }

    /** Sets the token usage. */
    public Builder usage(@Nullable ResponseUsage usage) {
      return set("usage", usage);
    }

    /** Sets the id of the previous response. */
    public Builder previousResponseId(@Nullable String previousResponseId) {
      return set("previous_response_id", previousResponseId);
    }

    /** Sets the sampling temperature. */
    public Builder temperature(@Nullable Double temperature) {
      return set("temperature", temperature);
    }

    /** Sets the nucleus-sampling probability mass. */
    public Builder topP(@Nullable Double topP) {
      return set("top_p", topP);
    }

    /** Sets the upper bound on generated tokens. */
    public Builder maxOutputTokens(@Nullable Long maxOutputTokens) {
      return set("max_output_tokens", maxOutputTokens);
    }

    /** Sets whether tool calls could run in parallel. */
    public Builder parallelToolCalls(boolean parallelToolCalls) {
      return set("parallel_tool_calls", parallelToolCalls);
    }

    /** Replaces the tools. */
    public Builder tools(List<? extends Tool> tools) {
      return set("tools", tools);
    }

    /** Sets the tool choice. */
    public Builder toolChoice(@Nullable ToolChoice toolChoice) {
      return set("tool_choice", toolChoice == null ? null : toolChoice.value());
    }

    /** Sets the text output configuration. */
    public Builder text(@Nullable ResponseTextConfig text) {
      return set("text", text);
    }

    /** Sets the reasoning configuration. */
    public Builder reasoning(@Nullable Reasoning reasoning) {
      return set("reasoning", reasoning);
    }

    /** Sets whether the response is stored. */
    public Builder store(@Nullable Boolean store) {
      return set("store", store);
    }

    /** Sets whether the response ran in the background. */
    public Builder background(@Nullable Boolean background) {
      return set("background", background);
    }

    /** Replaces the metadata. */
    public Builder metadata(Map<String, String> metadata) {
      return set("metadata", metadata);
    }

    /** Sets the end-user identifier. */
    public Builder user(@Nullable String user) {
      return set("user", user);
    }

    /** Sets the service tier. */
    public Builder serviceTier(@Nullable String serviceTier) {
      return set("service_tier", serviceTier);
    }

    /** Sets the truncation strategy. */
    public Builder truncation(@Nullable String truncation) {
      return set("truncation", truncation);
    }

    /** Returns the immutable {@link Response}. */
    @Override
    public Response build() {
      return new Response(frozenJson());
    }
  }
}
