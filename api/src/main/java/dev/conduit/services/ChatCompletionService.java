package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.Page;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.chat.ChatCompletionDeleted;
import dev.conduit.models.chat.ChatCompletionListParams;
import dev.conduit.models.chat.ChatCompletionMessageListParams;
import dev.conduit.models.chat.ChatCompletionStoreMessage;
import dev.conduit.models.chat.ChatCompletionUpdateParams;
import dev.conduit.structured.ParsedChatCompletion;

/** The {@code /chat/completions} endpoints. Obtain with {@code client.chat().completions()}. */
public interface ChatCompletionService {
  /** Creates a chat completion. */
  ChatCompletion create(ChatCompletionCreateParams params, RequestOptions options);

  /** Creates a chat completion. */
  default ChatCompletion create(ChatCompletionCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Creates a chat completion as a stream of chunks ({@code stream: true} is set for you). Close it. */
  ChatCompletionStream stream(ChatCompletionCreateParams params, RequestOptions options);

  /** Creates a chat completion as a stream of chunks. */
  default ChatCompletionStream stream(ChatCompletionCreateParams params) {
    return stream(params, RequestOptions.none());
  }

  /**
   * Creates a chat completion whose answer is JSON matching a strict schema derived from {@code type}
   * (a record) and returns it decoded, or the model's refusal.
   *
   * @throws IllegalArgumentException if {@code type} cannot be expressed as a strict schema
   * @throws dev.conduit.errors.InvalidResponseException if the answer does not decode as {@code type}
   */
  <T> ParsedChatCompletion<T> parse(ChatCompletionCreateParams params, Class<T> type, RequestOptions options);

  /** Creates a chat completion decoded as {@code type}. */
  default <T> ParsedChatCompletion<T> parse(ChatCompletionCreateParams params, Class<T> type) {
    return parse(params, type, RequestOptions.none());
  }

  /** Lists stored chat completions (created with {@code store: true}). */
  Page<ChatCompletion> list(ChatCompletionListParams params, RequestOptions options);

  /** Lists stored chat completions. */
  default Page<ChatCompletion> list(ChatCompletionListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Lists stored chat completions with default parameters. */
  default Page<ChatCompletion> list() {
    return list(ChatCompletionListParams.none(), RequestOptions.none());
  }

  /** Retrieves a stored chat completion. */
  ChatCompletion retrieve(String completionId, RequestOptions options);

  /** Retrieves a stored chat completion. */
  default ChatCompletion retrieve(String completionId) {
    return retrieve(completionId, RequestOptions.none());
  }

  /** Updates a stored chat completion's metadata. */
  ChatCompletion update(String completionId, ChatCompletionUpdateParams params, RequestOptions options);

  /** Updates a stored chat completion's metadata. */
  default ChatCompletion update(String completionId, ChatCompletionUpdateParams params) {
    return update(completionId, params, RequestOptions.none());
  }

  /** Deletes a stored chat completion. */
  ChatCompletionDeleted delete(String completionId, RequestOptions options);

  /** Deletes a stored chat completion. */
  default ChatCompletionDeleted delete(String completionId) {
    return delete(completionId, RequestOptions.none());
  }

  /** Lists the messages of a stored chat completion. */
  Page<ChatCompletionStoreMessage> listMessages(String completionId, ChatCompletionMessageListParams params, RequestOptions options);

  /** Lists the messages of a stored chat completion. */
  default Page<ChatCompletionStoreMessage> listMessages(String completionId) {
    return listMessages(completionId, ChatCompletionMessageListParams.none(), RequestOptions.none());
  }
}
