package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.chat.ChatCompletionDeleted;
import dev.conduit.models.chat.ChatCompletionListParams;
import dev.conduit.models.chat.ChatCompletionMessageListParams;
import dev.conduit.models.chat.ChatCompletionStoreMessage;
import dev.conduit.models.chat.ChatCompletionUpdateParams;
import dev.conduit.structured.ParsedChatCompletion;
import java.util.concurrent.CompletableFuture;

/** The asynchronous twin of {@link ChatCompletionService}. */
public interface ChatCompletionServiceAsync {
  /** Creates a chat completion. */
  CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions options);

  /** Creates a chat completion. */
  default CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Returns a cold stream of chunks: the request is sent on subscription. */
  AsyncChatCompletionStream stream(ChatCompletionCreateParams params, RequestOptions options);

  /** Returns a cold stream of chunks. */
  default AsyncChatCompletionStream stream(ChatCompletionCreateParams params) {
    return stream(params, RequestOptions.none());
  }

  /** Creates a chat completion decoded as {@code type}; see {@link ChatCompletionService#parse}. */
  <T> CompletableFuture<ParsedChatCompletion<T>> parse(ChatCompletionCreateParams params, Class<T> type, RequestOptions options);

  /** Creates a chat completion decoded as {@code type}. */
  default <T> CompletableFuture<ParsedChatCompletion<T>> parse(ChatCompletionCreateParams params, Class<T> type) {
    return parse(params, type, RequestOptions.none());
  }

  /** Lists stored chat completions. */
  CompletableFuture<AsyncPage<ChatCompletion>> list(ChatCompletionListParams params, RequestOptions options);

  /** Lists stored chat completions with default parameters. */
  default CompletableFuture<AsyncPage<ChatCompletion>> list() {
    return list(ChatCompletionListParams.none(), RequestOptions.none());
  }

  /** Retrieves a stored chat completion. */
  CompletableFuture<ChatCompletion> retrieve(String completionId, RequestOptions options);

  /** Retrieves a stored chat completion. */
  default CompletableFuture<ChatCompletion> retrieve(String completionId) {
    return retrieve(completionId, RequestOptions.none());
  }

  /** Updates a stored chat completion's metadata. */
  CompletableFuture<ChatCompletion> update(String completionId, ChatCompletionUpdateParams params, RequestOptions options);

  /** Updates a stored chat completion's metadata. */
  default CompletableFuture<ChatCompletion> update(String completionId, ChatCompletionUpdateParams params) {
    return update(completionId, params, RequestOptions.none());
  }

  /** Deletes a stored chat completion. */
  CompletableFuture<ChatCompletionDeleted> delete(String completionId, RequestOptions options);

  /** Deletes a stored chat completion. */
  default CompletableFuture<ChatCompletionDeleted> delete(String completionId) {
    return delete(completionId, RequestOptions.none());
  }

  /** Lists the messages of a stored chat completion. */
  CompletableFuture<AsyncPage<ChatCompletionStoreMessage>> listMessages(String completionId,
      ChatCompletionMessageListParams params, RequestOptions options);

  /** Lists the messages of a stored chat completion. */
  default CompletableFuture<AsyncPage<ChatCompletionStoreMessage>> listMessages(String completionId) {
    return listMessages(completionId, ChatCompletionMessageListParams.none(), RequestOptions.none());
  }
}
