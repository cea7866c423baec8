package dev.conduit.internal.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.core.Page;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.paging.Pages;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.internal.stream.AsyncChatCompletionStreamImpl;
import dev.conduit.internal.stream.ChatCompletionStreamImpl;
import dev.conduit.internal.stream.JsonEventMapper;
import dev.conduit.internal.stream.Streams;
import dev.conduit.internal.structured.StructuredOutputs;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionChunk;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.chat.ChatCompletionDeleted;
import dev.conduit.models.chat.ChatCompletionListParams;
import dev.conduit.models.chat.ChatCompletionMessageListParams;
import dev.conduit.models.chat.ChatCompletionStoreMessage;
import dev.conduit.models.chat.ChatCompletionUpdateParams;
import dev.conduit.services.AsyncChatCompletionStream;
import dev.conduit.services.ChatCompletionService;
import dev.conduit.services.ChatCompletionServiceAsync;
import dev.conduit.services.ChatCompletionStream;
import dev.conduit.services.ChatService;
import dev.conduit.services.ChatServiceAsync;
import dev.conduit.structured.ParsedChatCompletion;
import java.util.concurrent.CompletableFuture;

/** {@link ChatCompletionService} and its async twin. */
public final class ChatCompletionServiceImpl implements ChatCompletionService {
  private final ClientCore core;

  public ChatCompletionServiceImpl(ClientCore core) {
    this.core = core;
  }

  /** Returns the {@code chat} namespace over {@code core}. */
  public static ChatService chat(ClientCore core) {
    ChatCompletionService completions = new ChatCompletionServiceImpl(core);
    return () -> completions;
  }

  /** Returns the asynchronous {@code chat} namespace over {@code core}. */
  public static ChatServiceAsync chatAsync(ClientCore core) {
    ChatCompletionServiceAsync completions = new Async(core);
    return () -> completions;
  }

  static ChatCompletion completion(Object tree) {
    return ChatCompletion.fromJson(Json.asObject(tree, "ChatCompletion"));
  }

  static ChatCompletionDeleted deleted(Object tree) {
    return ChatCompletionDeleted.fromJson(Json.asObject(tree, "ChatCompletionDeleted"));
  }

  static String path(String id) {
    return "chat/completions/" + ApiRequest.segment(id);
  }

  /**
   * Chunks end with {@code [DONE]}; a stream that closes after a chunk with a finish reason is
   * complete too (some compatible servers leave {@code [DONE]} out), but one that closes before is
   * truncated.
   */
  static JsonEventMapper<ChatCompletionChunk> mapper(ClientCore core) {
    return new JsonEventMapper<>(core.codec(), ChatCompletionChunk::fromJson,
        c -> c.choices().stream().anyMatch(choice -> choice.finishReason() != null), "[DONE]");
  }

  @Override
  public ChatCompletion create(ChatCompletionCreateParams params, RequestOptions options) {
    return core.json(ApiRequest.post("chat/completions", params.withStream(false)), options, ChatCompletionServiceImpl::completion);
  }

  @Override
  public ChatCompletionStream stream(ChatCompletionCreateParams params, RequestOptions options) {
    return new ChatCompletionStreamImpl(
        Streams.open(core, ApiRequest.post("chat/completions", params.withStream(true)), options, mapper(core)));
  }

  @Override
  public <T> ParsedChatCompletion<T> parse(ChatCompletionCreateParams params, Class<T> type, RequestOptions options) {
    return StructuredOutputs.parse(create(StructuredOutputs.withSchema(params, type), options), type, core.codec());
  }

  @Override
  public Page<ChatCompletion> list(ChatCompletionListParams params, RequestOptions options) {
    return Pages.fetch(core, ApiRequest.get("chat/completions").query(params.toQuery()), options, ChatCompletion::fromJson, null);
  }

  @Override
  public ChatCompletion retrieve(String completionId, RequestOptions options) {
    return core.json(ApiRequest.get(path(completionId)), options, ChatCompletionServiceImpl::completion);
  }

  @Override
  public ChatCompletion update(String completionId, ChatCompletionUpdateParams params, RequestOptions options) {
    return core.json(ApiRequest.post(path(completionId), params), options, ChatCompletionServiceImpl::completion);
  }

  @Override
  public ChatCompletionDeleted delete(String completionId, RequestOptions options) {
    return core.json(ApiRequest.delete(path(completionId)), options, ChatCompletionServiceImpl::deleted);
  }

  @Override
  public Page<ChatCompletionStoreMessage> listMessages(String completionId, ChatCompletionMessageListParams params,
      RequestOptions options) {
    return Pages.fetch(core, ApiRequest.get(path(completionId) + "/messages").query(params.toQuery()), options,
        ChatCompletionStoreMessage::fromJson, null);
  }

  /** The asynchronous twin. */
  public static final class Async implements ChatCompletionServiceAsync {
    private final ClientCore core;

    public Async(ClientCore core) {
      this.core = core;
    }

    @Override
    public CompletableFuture<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions options) {
      return core.jsonAsync(ApiRequest.post("chat/completions", params.withStream(false)), options, ChatCompletionServiceImpl::completion);
    }

    @Override
    public AsyncChatCompletionStream stream(ChatCompletionCreateParams params, RequestOptions options) {
      return new AsyncChatCompletionStreamImpl(
          Streams.openAsync(core, ApiRequest.post("chat/completions", params.withStream(true)), options, () -> mapper(core)));
    }

    @Override
    public <T> CompletableFuture<ParsedChatCompletion<T>> parse(ChatCompletionCreateParams params, Class<T> type,
        RequestOptions options) {
      ChatCompletionCreateParams withSchema;
      try {
        withSchema = StructuredOutputs.withSchema(params, type);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
      CompletableFuture<ChatCompletion> created = create(withSchema, options);
      return ClientCore.cancelling(created, created.thenApply(c -> StructuredOutputs.parse(c, type, core.codec())));
    }

    @Override
    public CompletableFuture<AsyncPage<ChatCompletion>> list(ChatCompletionListParams params, RequestOptions options) {
      return Pages.fetchAsync(core, ApiRequest.get("chat/completions").query(params.toQuery()), options, ChatCompletion::fromJson, null);
    }

    @Override
    public CompletableFuture<ChatCompletion> retrieve(String completionId, RequestOptions options) {
      return core.jsonAsync(ApiRequest.get(path(completionId)), options, ChatCompletionServiceImpl::completion);
    }

    @Override
    public CompletableFuture<ChatCompletion> update(String completionId, ChatCompletionUpdateParams params, RequestOptions options) {
      return core.jsonAsync(ApiRequest.post(path(completionId), params), options, ChatCompletionServiceImpl::completion);
    }

    @Override
    public CompletableFuture<ChatCompletionDeleted> delete(String completionId, RequestOptions options) {
      return core.jsonAsync(ApiRequest.delete(path(completionId)), options, ChatCompletionServiceImpl::deleted);
    }

    @Override
    public CompletableFuture<AsyncPage<ChatCompletionStoreMessage>> listMessages(String completionId,
        ChatCompletionMessageListParams params, RequestOptions options) {
      return Pages.fetchAsync(core, ApiRequest.get(path(completionId) + "/messages").query(params.toQuery()), options,
          ChatCompletionStoreMessage::fromJson, null);
    }
  }
}
