package dev.conduit.models.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a {@link ChatCompletion} from the {@link ChatCompletionChunk}s of a stream.
 *
 * <pre>{@code
 * ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
 * for (ChatCompletionChunk chunk : stream) {
 *   acc.accept(chunk);
 * }
 * ChatCompletion completion = acc.finalCompletion();
 * }</pre>
 *
 * <p>Choices are merged by their index: the role is taken from the first delta that has one, content
 * and refusal fragments are appended, tool calls are merged by their index within the message (id,
 * type and function name are taken when first seen, argument fragments are appended), log
 * probability lists are appended, and the finish reason is the last one sent. The id, creation time,
 * model, system fingerprint and service tier are the last values sent, and the usage is that of the
 * last chunk that had one (with {@code include_usage}, the final chunk without choices).
 *
 * <p>Not thread-safe: feed it from one thread, or synchronize externally.
 */
public final class ChatCompletionAccumulator {
  private final TreeMap<Long, ChoiceState> choices = new TreeMap<>();
  private @Nullable String id;
  private @Nullable Object created;
  private @Nullable String model;
  private @Nullable String systemFingerprint;
  private @Nullable String serviceTier;
  private @Nullable Map<String, @Nullable Object> usage;
  private int chunkCount;

  /** Creates an empty accumulator. */
  public ChatCompletionAccumulator() {}

  /**
   * Merges {@code chunk} into the completion built so far.
   *
   * @throws dev.conduit.errors.InvalidResponseException if a field the merge needs has the wrong
   *     JSON type, or a choice or tool call lacks its index
   */
  public void accept(ChatCompletionChunk chunk) {
    Objects.requireNonNull(chunk, "chunk == null");
    chunkCount++;
    id = lastString(chunk, "id", id);
    model = lastString(chunk, "model", model);
    systemFingerprint = lastString(chunk, "system_fingerprint", systemFingerprint);
    serviceTier = lastString(chunk, "service_tier", serviceTier);
    Object chunkCreated = chunk.jsonField("created");
    if (chunkCreated instanceof Number) {
      created = chunkCreated;
    }
    CompletionUsage chunkUsage = chunk.usage();
    if (chunkUsage != null) {
      usage = chunkUsage.toJson();
    }
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      choices.computeIfAbsent(choice.index(), ChoiceState::new).merge(choice);
    }
  }

  private static @Nullable String lastString(ChatCompletionChunk chunk, String name, @Nullable String previous) {
    Object value = chunk.jsonField(name);
    return value instanceof String ? (String) value : previous;
  }

  /**
   * Returns the completion merged from the chunks accepted so far; after the last chunk, this is the
   * final completion. Each call returns a new snapshot, so it may also be called mid-stream.
   *
   * @throws IllegalStateException if no chunk was accepted
   */
  public ChatCompletion finalCompletion() {
    if (chunkCount == 0) {
      throw new IllegalStateException("no chunk was accepted");
    }
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    putIfPresent(json, "id", id);
    json.put("object", "chat.completion");
    putIfPresent(json, "created", created);
    putIfPresent(json, "model", model);
    List<@Nullable Object> choiceList = new ArrayList<>(choices.size());
    for (ChoiceState state : choices.values()) {
      choiceList.add(state.toJson());
    }
    json.put("choices", choiceList);
    putIfPresent(json, "usage", usage);
    putIfPresent(json, "service_tier", serviceTier);
    putIfPresent(json, "system_fingerprint", systemFingerprint);
    return ChatCompletion.fromJson(json);
  }

  private static void putIfPresent(Map<String, @Nullable Object> json, String name, @Nullable Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }

  /** The merged state of one choice. */
  private static final class ChoiceState {
    private final long index;
    private final TreeMap<Long, ToolCallState> toolCalls = new TreeMap<>();
    private @Nullable String role;
    private @Nullable StringBuilder content;
    private @Nullable StringBuilder refusal;
    private @Nullable String finishReason;
    private @Nullable List<@Nullable Object> logprobsContent;
    private @Nullable List<@Nullable Object> logprobsRefusal;

    ChoiceState(long index) {
      this.index = index;
    }

    void merge(ChatCompletionChunk.Choice choice) {
      Object rawDelta = choice.jsonField("delta");
      if (rawDelta != null) {
        ChatCompletionChunk.Delta delta = choice.delta();
        if (role == null) {
          role = delta.role();
        }
        String contentPiece = delta.content();
        if (contentPiece != null) {
          content = (content == null ? new StringBuilder() : content).append(contentPiece);
        }
        String refusalPiece = delta.refusal();
        if (refusalPiece != null) {
          refusal = (refusal == null ? new StringBuilder() : refusal).append(refusalPiece);
        }
        for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls()) {
          toolCalls.computeIfAbsent(call.index(), i -> new ToolCallState()).merge(call);
        }
      }
      FinishReason reason = choice.finishReason();
      if (reason != null) {
        finishReason = reason.value();
      }
      Map<String, @Nullable Object> logprobs = choice.logprobs();
      if (logprobs != null) {
        logprobsContent = appendList(logprobsContent, logprobs.get("content"));
        logprobsRefusal = appendList(logprobsRefusal, logprobs.get("refusal"));
      }
    }

    private static @Nullable List<@Nullable Object> appendList(@Nullable List<@Nullable Object> into, @Nullable Object more) {
      if (!(more instanceof List)) {
        return into;
      }
      List<@Nullable Object> out = into == null ? new ArrayList<>() : into;
      out.addAll((List<?>) more);
      return out;
    }

    Map<String, @Nullable Object> toJson() {
      Map<String, @Nullable Object> message = new LinkedHashMap<>();
      message.put("role", role == null ? "assistant" : role);
      message.put("content", content == null ? null : content.toString());
      message.put("refusal", refusal == null ? null : refusal.toString());
      if (!toolCalls.isEmpty()) {
        List<@Nullable Object> calls = new ArrayList<>(toolCalls.size());
        for (ToolCallState call : toolCalls.values()) {
          calls.add(call.toJson());
        }
        message.put("tool_calls", calls);
      }
      Map<String, @Nullable Object> json = new LinkedHashMap<>();
      json.put("index", index);
      json.put("message", message);
      if (logprobsContent == null && logprobsRefusal == null) {
        json.put("logprobs", null);
      } else {
        Map<String, @Nullable Object> logprobs = new LinkedHashMap<>();
        logprobs.put("content", logprobsContent == null ? null : new ArrayList<>(logprobsContent));
        logprobs.put("refusal", logprobsRefusal == null ? null : new ArrayList<>(logprobsRefusal));
        json.put("logprobs", logprobs);
      }
      json.put("finish_reason", finishReason);
      return json;
    }
  }

  /** The merged state of one tool call. */
  private static final class ToolCallState {
    private final StringBuilder arguments = new StringBuilder();
    private @Nullable String id;
    private @Nullable String type;
    private @Nullable String name;

    void merge(ChatCompletionChunk.ToolCallDelta call) {
      if (id == null) {
        id = call.id();
      }
      if (type == null) {
        type = call.type();
      }
      ChatCompletionChunk.FunctionDelta function = call.function();
      if (function != null) {
        if (name == null) {
          name = function.name();
        }
        String piece = function.arguments();
        if (piece != null) {
          arguments.append(piece);
        }
      }
    }

    Map<String, @Nullable Object> toJson() {
      Map<String, @Nullable Object> function = new LinkedHashMap<>();
      if (name != null) {
        function.put("name", name);
      }
      function.put("arguments", arguments.toString());
      Map<String, @Nullable Object> json = new LinkedHashMap<>();
      if (id != null) {
        json.put("id", id);
      }
      json.put("type", type == null ? "function" : type);
      json.put("function", function);
      return json;
    }
  }
}
