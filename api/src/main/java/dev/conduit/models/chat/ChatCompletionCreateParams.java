package dev.conduit.models.chat;

import dev.conduit.models.ReasoningEffort;
import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import dev.conduit.models.shared.ModerationParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a chat completion request ({@code POST /chat/completions}).
 *
 * <pre>{@code
 * ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
 *     .model("gpt-5")
 *     .addDeveloperMessage("Answer in one sentence.")
 *     .addUserMessage("Why is the sky blue?")
 *     .build();
 * }</pre>
 *
 * <p>Whether the answer is streamed is decided by the method called, not by these parameters: the
 * client's stream methods send {@link #withStream(boolean) withStream(true)}. A parameter this
 * version does not model can be sent with {@link Builder#putJsonField}.
 */
public final class ChatCompletionCreateParams extends JsonModel {
  private ChatCompletionCreateParams(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ChatCompletionCreateParams fromJson(Map<String, @Nullable Object> json) {
    return new ChatCompletionCreateParams(Json.freezeMap(json));
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
   * Returns a copy of these parameters with {@code "stream": true}, or without the {@code stream}
   * field when {@code stream} is false. Turning streaming off also drops {@code stream_options},
   * which the API accepts only on streamed requests. Conduit's create methods send {@code
   * withStream(false)} and its stream methods {@code withStream(true)}, so one parameters object
   * serves both; this object is not changed.
   */
  public ChatCompletionCreateParams withStream(boolean stream) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(toJson());
    if (stream) {
      copy.put("stream", true);
    } else {
      copy.remove("stream");
      copy.remove("stream_options");
    }
    return new ChatCompletionCreateParams(Json.freezeMap(copy));
  }

  /** Returns true if these parameters ask for a streamed answer ({@code "stream": true}). */
  public boolean stream() {
    return Boolean.TRUE.equals(booleanOrNull("stream"));
  }

  /** Returns the model id, e.g. {@code "gpt-5"}. */
  public String model() {
    return string("model");
  }

  /** Returns the messages of the conversation so far. */
  public List<ChatCompletionMessageParam> messages() {
    return objectList("messages", ChatCompletionMessageParam::fromJson);
  }

  /** Returns the sampling temperature, or null if not set. */
  public @Nullable Double temperature() {
    return doubleOrNull("temperature");
  }

  /** Returns the nucleus-sampling probability mass, or null if not set. */
  public @Nullable Double topP() {
    return doubleOrNull("top_p");
  }

  /** Returns the upper bound of generated tokens (reasoning included), or null if not set. */
  public @Nullable Long maxCompletionTokens() {
    return longOrNull("max_completion_tokens");
  }

  /** Returns how many choices to generate, or null if not set. */
  public @Nullable Long n() {
    return longOrNull("n");
  }

  /** Returns the stop sequences (one or up to four); empty if not set. */
  public List<String> stop() {
    Object stop = jsonField("stop");
    return stop instanceof String ? List.of((String) stop) : stringList("stop");
  }

  /** Returns the sampling seed, or null if not set. */
  public @Nullable Long seed() {
    return longOrNull("seed");
  }

  /** Returns the presence penalty, or null if not set. */
  public @Nullable Double presencePenalty() {
    return doubleOrNull("presence_penalty");
  }

  /** Returns the frequency penalty, or null if not set. */
  public @Nullable Double frequencyPenalty() {
    return doubleOrNull("frequency_penalty");
  }

  /** Returns the tools the model may call; empty if none. */
  public List<ChatCompletionTool> tools() {
    return objectList("tools", ChatCompletionTool::fromJson);
  }

  /** Returns the tool choice mode ({@code none}, {@code auto}, {@code required}), or null if not a mode. */
  public @Nullable String toolChoiceMode() {
    Object choice = jsonField("tool_choice");
    return choice instanceof String ? (String) choice : null;
  }

  /** Returns the name of the function the model is forced to call, or null if none is forced. */
  public @Nullable String toolChoiceFunctionName() {
    Object choice = jsonField("tool_choice");
    if (choice instanceof Map && "function".equals(((Map<?, ?>) choice).get("type"))) {
      Object function = ((Map<?, ?>) choice).get("function");
      Object name = function instanceof Map ? ((Map<?, ?>) function).get("name") : null;
      return name instanceof String ? (String) name : null;
    }
    return null;
  }

  /** Returns the response format, or null if not set. */
  public @Nullable ResponseFormat responseFormat() {
    return objectOrNull("response_format", ResponseFormat::fromJson);
  }

  /** Returns whether parallel tool calls are allowed, or null if not set. */
  public @Nullable Boolean parallelToolCalls() {
    return booleanOrNull("parallel_tool_calls");
  }

  /** Returns the end-user id, or null if not set. */
  public @Nullable String user() {
    return stringOrNull("user");
  }

  /** Returns the safety identifier of the end user, or null if not set. */
  public @Nullable String safetyIdentifier() {
    return stringOrNull("safety_identifier");
  }

  /** Returns the prompt cache key, or null if not set. */
  public @Nullable String promptCacheKey() {
    return stringOrNull("prompt_cache_key");
  }

  /** Returns whether the completion is stored, or null if not set. */
  public @Nullable Boolean store() {
    return booleanOrNull("store");
  }

  /** Returns the metadata; empty if none. */
  public Map<String, String> metadata() {
    return stringMap("metadata");
  }

  /** Returns whether log probabilities are returned, or null if not set. */
  public @Nullable Boolean logprobs() {
    return booleanOrNull("logprobs");
  }

  /** Returns how many most likely tokens are returned per position, or null if not set. */
  public @Nullable Long topLogprobs() {
    return longOrNull("top_logprobs");
  }

  /** Returns the reasoning effort, or null if not set. */
  public @Nullable ReasoningEffort reasoningEffort() {
    return enumOrNull("reasoning_effort", ReasoningEffort::of);
  }

  /** Returns the requested service tier, or null if not set. */
  public @Nullable ServiceTier serviceTier() {
    return enumOrNull("service_tier", ServiceTier::of);
  }

  /** Returns the stream options, or null if not set. */
  public @Nullable ChatCompletionStreamOptions streamOptions() {
    return objectOrNull("stream_options", ChatCompletionStreamOptions::fromJson);
  }

  /** Returns the moderation to run on the input and output, or null for none. */
  public @Nullable ModerationParam moderation() {
    return objectOrNull("moderation", ModerationParam::fromJson);
  }

  /**
   * A builder of {@link ChatCompletionCreateParams}; {@link #build()} requires a model and at least
   * one message. Setters of objects given null remove their field; {@link #removeJsonField} removes
   * any field.
   */
  public static final class Builder extends JsonModel.Builder<Builder, ChatCompletionCreateParams> {
    private Builder() {}

    private Builder(ChatCompletionCreateParams from) {
      super(from);
    }

    /** Sets the model id, e.g. {@code "gpt-5"}. */
    public Builder model(String model) {
      return set("model", Objects.requireNonNull(model, "model == null"));
    }

    /** Replaces the messages. */
    public Builder messages(List<? extends ChatCompletionMessageParam> messages) {
      return set("messages", Objects.requireNonNull(messages, "messages == null"));
    }

    /** Appends a message. */
    public Builder addMessage(ChatCompletionMessageParam message) {
      return append("messages", message);
    }

    /** Appends a generated message echoed back as an assistant message, e.g. in a tool loop. */
    public Builder addMessage(ChatCompletionMessage message) {
      return append("messages", ChatCompletionMessageParam.fromMessage(message));
    }

    /** Appends a user message with text content. */
    public Builder addUserMessage(String content) {
      return append("messages", ChatCompletionMessageParam.user(content));
    }

    /** Appends a system message with text content. */
    public Builder addSystemMessage(String content) {
      return append("messages", ChatCompletionMessageParam.system(content));
    }

    /** Appends a developer message with text content. */
    public Builder addDeveloperMessage(String content) {
      return append("messages", ChatCompletionMessageParam.developer(content));
    }

    /** Appends an assistant message with text content. */
    public Builder addAssistantMessage(String content) {
      return append("messages", ChatCompletionMessageParam.assistant(content));
    }

    /** Appends a tool message answering the tool call {@code toolCallId}. */
    public Builder addToolMessage(String toolCallId, String content) {
      return append("messages", ChatCompletionMessageParam.tool(toolCallId, content));
    }

    /** Sets the sampling temperature, between 0 and 2. */
    public Builder temperature(double temperature) {
      return set("temperature", temperature);
    }

    /** Sets the nucleus-sampling probability mass; alter this or the temperature, not both. */
    public Builder topP(double topP) {
      return set("top_p", topP);
    }

    /** Sets the upper bound of generated tokens, reasoning tokens included. */
    public Builder maxCompletionTokens(long maxCompletionTokens) {
      return set("max_completion_tokens", maxCompletionTokens);
    }

    /** Sets how many choices to generate (each is billed). */
    public Builder n(long n) {
      return set("n", n);
    }

    /** Sets one stop sequence. */
    public Builder stop(@Nullable String stop) {
      return set("stop", stop);
    }

    /** Sets up to four stop sequences. */
    public Builder stop(@Nullable List<String> stop) {
      return set("stop", stop);
    }

    /** Sets the seed for best-effort deterministic sampling. */
    public Builder seed(long seed) {
      return set("seed", seed);
    }

    /** Sets the presence penalty, between -2 and 2. */
    public Builder presencePenalty(double presencePenalty) {
      return set("presence_penalty", presencePenalty);
    }

    /** Sets the frequency penalty, between -2 and 2. */
    public Builder frequencyPenalty(double frequencyPenalty) {
      return set("frequency_penalty", frequencyPenalty);
    }

    /** Replaces the tools the model may call. */
    public Builder tools(@Nullable List<ChatCompletionTool> tools) {
      return set("tools", tools);
    }

    /** Appends a tool the model may call. */
    public Builder addTool(ChatCompletionTool tool) {
      return append("tools", tool);
    }

    /** Sets the tool choice mode: {@code "none"}, {@code "auto"} or {@code "required"}. */
    public Builder toolChoice(@Nullable String mode) {
      return set("tool_choice", mode);
    }

    /** Forces the model to call the function {@code name}. */
    public Builder toolChoiceFunction(String name) {
      Objects.requireNonNull(name, "name == null");
      Map<String, @Nullable Object> choice = new LinkedHashMap<>();
      choice.put("type", "function");
      choice.put("function", Map.of("name", name));
      return set("tool_choice", choice);
    }

    /** Sets the response format, e.g. {@link ResponseFormat#jsonSchema(String, Map)}. */
    public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
      return set("response_format", responseFormat);
    }

    /** Allows or forbids several tool calls in one answer. */
    public Builder parallelToolCalls(boolean parallelToolCalls) {
      return set("parallel_tool_calls", parallelToolCalls);
    }

    /** Sets an end-user id (deprecated by the API in favour of the safety identifier). */
    public Builder user(@Nullable String user) {
      return set("user", user);
    }

    /** Sets a stable, hashed identifier of the end user for abuse detection. */
    public Builder safetyIdentifier(@Nullable String safetyIdentifier) {
      return set("safety_identifier", safetyIdentifier);
    }

    /** Sets a key that groups similar requests for prompt caching. */
    public Builder promptCacheKey(@Nullable String promptCacheKey) {
      return set("prompt_cache_key", promptCacheKey);
    }

    /** Sets whether the completion is stored, for the stored-completion endpoints. */
    public Builder store(boolean store) {
      return set("store", store);
    }

    /** Replaces the metadata: up to 16 string pairs. */
    public Builder metadata(@Nullable Map<String, String> metadata) {
      return set("metadata", metadata);
    }

    /** Sets whether to return log probabilities of the output tokens. */
    public Builder logprobs(boolean logprobs) {
      return set("logprobs", logprobs);
    }

    /** Sets how many most likely tokens to return per position, 0 to 20; needs logprobs. */
    public Builder topLogprobs(long topLogprobs) {
      return set("top_logprobs", topLogprobs);
    }

    /** Sets the reasoning effort of a reasoning model. */
    public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
      return set("reasoning_effort", reasoningEffort);
    }

    /** Sets the requested service tier. */
    public Builder serviceTier(@Nullable ServiceTier serviceTier) {
      return set("service_tier", serviceTier);
    }

    /** Sets the stream options; sent only by the stream methods (see {@link ChatCompletionCreateParams#withStream}). */
    public Builder streamOptions(@Nullable ChatCompletionStreamOptions streamOptions) {
      return set("stream_options", streamOptions);
    }

    /**
     * Sets {@code stream_options.include_usage}: a streamed answer ends with a chunk, with empty
     * choices, whose usage covers the whole request.
     */
    public Builder streamOptions(boolean includeUsage) {
      return set("stream_options", ChatCompletionStreamOptions.builder().includeUsage(includeUsage).build());
    }

    /**
     * Runs a moderation model on the input and output; the completion reports its results in
     * {@link ChatCompletion#moderation()}.
     */
    public Builder moderation(@Nullable ModerationParam moderation) {
      return set("moderation", moderation);
    }

    /**
     * Returns the parameters.
     *
     * @throws IllegalStateException if the model or the messages were not set, or there are no messages
     */
    @Override
    public ChatCompletionCreateParams build() {
      require("model");
      require("messages");
      if (json.get("messages") instanceof List && ((List<?>) json.get("messages")).isEmpty()) {
        throw new IllegalStateException("messages is empty; at least one message is required");
      }
      return new ChatCompletionCreateParams(frozenJson());
    }
  }
}
