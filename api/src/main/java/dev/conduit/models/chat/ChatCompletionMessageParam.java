package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message of the conversation sent in {@link ChatCompletionCreateParams#messages()},
 * discriminated by {@code role}: {@link ChatCompletionSystemMessageParam system}, {@link
 * ChatCompletionDeveloperMessageParam developer}, {@link ChatCompletionUserMessageParam user}, {@link
 * ChatCompletionAssistantMessageParam assistant} or {@link ChatCompletionToolMessageParam tool}. A
 * role this version does not know (or the deprecated {@code function}) decodes to {@link
 * ChatCompletionUnknownMessageParam}.
 *
 * <p>The static factories cover the common cases:
 *
 * <pre>{@code
 * List<ChatCompletionMessageParam> messages = List.of(
 *     ChatCompletionMessageParam.developer("Answer in one sentence."),
 *     ChatCompletionMessageParam.user("Why is the sky blue?"));
 * }</pre>
 *
 * <p>The content of a message is either a plain string ({@link #contentText()}) or a list of parts
 * ({@link #contentParts()}).
 */
public abstract sealed class ChatCompletionMessageParam extends JsonModel
    permits ChatCompletionSystemMessageParam,
        ChatCompletionDeveloperMessageParam,
        ChatCompletionUserMessageParam,
        ChatCompletionAssistantMessageParam,
        ChatCompletionToolMessageParam,
        ChatCompletionUnknownMessageParam {

  ChatCompletionMessageParam(Map<String, @Nullable Object> json) {
    super(json);
  }

  /**
   * Returns the variant of {@code json} chosen by its {@code role}; an absent or unknown role gives
   * {@link ChatCompletionUnknownMessageParam}. The tree is frozen, not copied.
   */
  public static ChatCompletionMessageParam fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    Object role = frozen.get("role");
    if (!(role instanceof String)) {
      return new ChatCompletionUnknownMessageParam(frozen);
    }
    switch ((String) role) {
      case "system":
        return new ChatCompletionSystemMessageParam(frozen);
      case "developer":
        return new ChatCompletionDeveloperMessageParam(frozen);
      case "user":
        return new ChatCompletionUserMessageParam(frozen);
      case "assistant":
        return new ChatCompletionAssistantMessageParam(frozen);
      case "tool":
        return new ChatCompletionToolMessageParam(frozen);
      default:
        return new ChatCompletionUnknownMessageParam(frozen);
    }
  }

  /** Returns a user message with text content. */
  public static ChatCompletionUserMessageParam user(String content) {
    return ChatCompletionUserMessageParam.builder().content(content).build();
  }

  /** Returns a user message with a list of content parts (text, images, audio, files). */
  public static ChatCompletionUserMessageParam user(List<? extends ChatCompletionContentPart> parts) {
    return ChatCompletionUserMessageParam.builder().contentParts(parts).build();
  }

  /** Returns a system message with text content. */
  public static ChatCompletionSystemMessageParam system(String content) {
    return ChatCompletionSystemMessageParam.builder().content(content).build();
  }

  /** Returns a developer message (instructions for o1 and newer models) with text content. */
  public static ChatCompletionDeveloperMessageParam developer(String content) {
    return ChatCompletionDeveloperMessageParam.builder().content(content).build();
  }

  /** Returns an assistant message with text content, e.g. an earlier answer of the model. */
  public static ChatCompletionAssistantMessageParam assistant(String content) {
    return ChatCompletionAssistantMessageParam.builder().content(content).build();
  }

  /** Returns a tool message answering the tool call {@code toolCallId} with {@code content}. */
  public static ChatCompletionToolMessageParam tool(String toolCallId, String content) {
    return ChatCompletionToolMessageParam.builder().toolCallId(toolCallId).content(content).build();
  }

  /**
   * Returns an assistant message that echoes a generated {@code message} back to the model, as a
   * tool-calling loop must before the tool messages that answer its calls. The content, refusal,
   * tool calls (as received, custom ones included) and the audio id are kept; annotations are not
   * part of a request and are dropped.
   */
  public static ChatCompletionAssistantMessageParam fromMessage(ChatCompletionMessage message) {
    Objects.requireNonNull(message, "message == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("role", "assistant");
    String content = message.content();
    if (content != null) {
      json.put("content", content);
    }
    String refusal = message.refusal();
    if (refusal != null) {
      json.put("refusal", refusal);
    }
    Object toolCalls = message.jsonField("tool_calls");
    if (toolCalls instanceof List && !((List<?>) toolCalls).isEmpty()) {
      json.put("tool_calls", toolCalls);
    }
    Map<String, @Nullable Object> audio = message.audio();
    Object audioId = audio == null ? null : audio.get("id");
    if (audioId instanceof String) {
      json.put("audio", Map.of("id", audioId));
    }
    return new ChatCompletionAssistantMessageParam(Json.freezeMap(json));
  }

  /** Returns the role of the author, e.g. {@code "user"}, or null if absent. */
  public @Nullable String role() {
    return stringOrNull("role");
  }

  /** Returns the content if it is a plain string, or null if it is absent, null or a list of parts. */
  public @Nullable String contentText() {
    Object content = jsonField("content");
    return content instanceof String ? (String) content : null;
  }

  /** Returns the content parts if the content is a list; empty if it is a string or absent. */
  public List<ChatCompletionContentPart> contentParts() {
    return jsonField("content") instanceof List
        ? objectList("content", ChatCompletionContentPart::fromJson)
        : List.of();
  }
}
