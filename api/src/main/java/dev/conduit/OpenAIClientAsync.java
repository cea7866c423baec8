package dev.conduit;

import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.internal.services.ChatCompletionServiceImpl;
import dev.conduit.internal.services.EmbeddingServiceImpl;
import dev.conduit.internal.services.FileServiceImpl;
import dev.conduit.internal.services.ModelServiceImpl;
import dev.conduit.internal.services.ResponseServiceImpl;
import dev.conduit.services.ChatServiceAsync;
import dev.conduit.services.EmbeddingServiceAsync;
import dev.conduit.services.FileServiceAsync;
import dev.conduit.services.ModelServiceAsync;
import dev.conduit.services.ResponseServiceAsync;
import dev.conduit.services.WebhookService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The asynchronous client: the same resources and method names as {@link OpenAIClient}, returning
 * {@link CompletableFuture}s and {@link java.util.concurrent.Flow.Publisher}s. No thread is blocked
 * while a request is in flight on transports with native asynchronous I/O (jdk, netty); callbacks run
 * on the transport's threads, so keep them short or hand work to your own executor.
 *
 * <pre>{@code
 * OpenAIClientAsync client = OpenAIClientAsync.fromEnv();
 * client.responses().create(params).thenAccept(r -> System.out.println(r.outputText()));
 * }</pre>
 *
 * Obtain it with {@link OpenAIClient#async()} (sharing that client's pool) or {@link #fromEnv()}.
 * Cancelling a returned future aborts its HTTP exchange.
 */
public final class OpenAIClientAsync implements AutoCloseable {
  private final ClientCore core;
  private final OpenAIClient sync;
  private final ModelServiceAsync models;
  private final ResponseServiceAsync responses;
  private final ChatServiceAsync chat;
  private final EmbeddingServiceAsync embeddings;
  private final FileServiceAsync files;

  OpenAIClientAsync(ClientCore core, OpenAIClient sync) {
    this.core = core;
    this.sync = sync;
    this.models = new ModelServiceImpl.Async(core);
    this.responses = new ResponseServiceImpl.Async(core);
    this.chat = ChatCompletionServiceImpl.chatAsync(core);
    this.embeddings = new EmbeddingServiceImpl.Async(core);
    this.files = new FileServiceImpl.Async(core);
  }

  /** Returns an asynchronous client configured from the environment; see {@link OpenAIClient#fromEnv()}. */
  public static OpenAIClientAsync fromEnv() {
    return OpenAIClient.fromEnv().async();
  }

  /** Returns the blocking twin of this client, sharing its pool and settings. */
  public OpenAIClient sync() {
    return sync;
  }

  /** The {@code /models} endpoints. */
  public ModelServiceAsync models() {
    return models;
  }

  /** The {@code /responses} endpoints of the Responses API. */
  public ResponseServiceAsync responses() {
    return responses;
  }

  /** The {@code /chat} endpoints; {@code chat().completions()} for chat completions. */
  public ChatServiceAsync chat() {
    return chat;
  }

  /** The {@code /embeddings} endpoint. */
  public EmbeddingServiceAsync embeddings() {
    return embeddings;
  }

  /** The {@code /files} endpoints. */
  public FileServiceAsync files() {
    return files;
  }

  /**
   * Verification and decoding of webhook deliveries: the same service as the blocking client's, since
   * the work is local and never waits on the network.
   */
  public WebhookService webhooks() {
    return sync.webhooks();
  }

  /** Returns an asynchronous client with the same pool and changed settings; see {@link OpenAIClient#withOptions}. */
  public OpenAIClientAsync withOptions(Consumer<OpenAIClient.Builder> change) {
    return sync.withOptions(change).async();
  }

  /**
   * Runs {@code call} and completes with its result together with the HTTP response it came from;
   * see {@link OpenAIClient#withRawResponse}.
   */
  public <T> CompletableFuture<RawResponse<T>> withRawResponse(Function<OpenAIClientAsync, CompletableFuture<T>> call) {
    AtomicReference<RawResponse<Void>> seen = new AtomicReference<>();
    ClientCore observed = core.withObserver((status, headers) -> seen.set(new RawResponse<>(status, headers, null)));
    OpenAIClientAsync scoped = new OpenAIClient(observed, null).async();
    return call.apply(scoped).thenApply(result -> {
      RawResponse<Void> head = seen.get();
      if (head == null) {
        throw new IllegalStateException("withRawResponse: the function made no request through the client it was given");
      }
      return new RawResponse<>(head.statusCode(), head.headers(), result);
    });
  }

  /** Closes the shared pool: the same as closing the {@linkplain #sync() blocking twin}. */
  @Override
  public void close() {
    sync.close();
  }

  @Override
  public String toString() {
    return "OpenAIClientAsync" + sync.toString().substring("OpenAIClient".length());
  }
}
