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

  // <generated-accessors> Written by conduit-generator (see generator/README.md); do not edit by hand.

  /** The {@code beta} resource: {@link dev.conduit.services.BetaServiceAsync}. */
  public dev.conduit.services.BetaServiceAsync beta() {
    return new dev.conduit.internal.services.generated.BetaServiceImpl.Async(core);
  }

  /** The {@code audio} resource: {@link dev.conduit.services.AudioServiceAsync}. */
  public dev.conduit.services.AudioServiceAsync audio() {
    return new dev.conduit.internal.services.generated.AudioServiceImpl.Async(core);
  }

  /** The {@code batches} resource: {@link dev.conduit.services.BatchServiceAsync}. */
  public dev.conduit.services.BatchServiceAsync batches() {
    return new dev.conduit.internal.services.generated.BatchServiceImpl.Async(core);
  }

  /** The {@code completions} resource: {@link dev.conduit.services.CompletionServiceAsync}. */
  public dev.conduit.services.CompletionServiceAsync completions() {
    return new dev.conduit.internal.services.generated.CompletionServiceImpl.Async(core);
  }

  /** The {@code containers} resource: {@link dev.conduit.services.ContainerServiceAsync}. */
  public dev.conduit.services.ContainerServiceAsync containers() {
    return new dev.conduit.internal.services.generated.ContainerServiceImpl.Async(core);
  }

  /** The {@code conversations} resource: {@link dev.conduit.services.ConversationServiceAsync}. */
  public dev.conduit.services.ConversationServiceAsync conversations() {
    return new dev.conduit.internal.services.generated.ConversationServiceImpl.Async(core);
  }

  /** The {@code evals} resource: {@link dev.conduit.services.EvalServiceAsync}. */
  public dev.conduit.services.EvalServiceAsync evals() {
    return new dev.conduit.internal.services.generated.EvalServiceImpl.Async(core);
  }

  /** The {@code fineTuning} resource: {@link dev.conduit.services.FineTuningServiceAsync}. */
  public dev.conduit.services.FineTuningServiceAsync fineTuning() {
    return new dev.conduit.internal.services.generated.FineTuningServiceImpl.Async(core);
  }

  /** The {@code images} resource: {@link dev.conduit.services.ImageServiceAsync}. */
  public dev.conduit.services.ImageServiceAsync images() {
    return new dev.conduit.internal.services.generated.ImageServiceImpl.Async(core);
  }

  /** The {@code moderations} resource: {@link dev.conduit.services.ModerationServiceAsync}. */
  public dev.conduit.services.ModerationServiceAsync moderations() {
    return new dev.conduit.internal.services.generated.ModerationServiceImpl.Async(core);
  }

  /** The {@code admin} resource: {@link dev.conduit.services.admin.AdminServiceAsync}. */
  public dev.conduit.services.admin.AdminServiceAsync admin() {
    return new dev.conduit.internal.services.generated.AdminServiceImpl.Async(core);
  }

  /** The {@code realtime} resource: {@link dev.conduit.services.RealtimeServiceAsync}. */
  public dev.conduit.services.RealtimeServiceAsync realtime() {
    return new dev.conduit.internal.services.generated.RealtimeServiceImpl.Async(core);
  }

  /** The {@code uploads} resource: {@link dev.conduit.services.UploadServiceAsync}. */
  public dev.conduit.services.UploadServiceAsync uploads() {
    return new dev.conduit.internal.services.generated.UploadServiceImpl.Async(core);
  }

  /** The {@code vectorStores} resource: {@link dev.conduit.services.VectorStoreServiceAsync}. */
  public dev.conduit.services.VectorStoreServiceAsync vectorStores() {
    return new dev.conduit.internal.services.generated.VectorStoreServiceImpl.Async(core);
  }

  /**
   * The {@code contentProvenanceChecks} resource: {@link dev.conduit.services.ContentProvenanceCheckServiceAsync}.
   */
  public dev.conduit.services.ContentProvenanceCheckServiceAsync contentProvenanceChecks() {
    return new dev.conduit.internal.services.generated.ContentProvenanceCheckServiceImpl.Async(core);
  }

  /** The {@code videos} resource: {@link dev.conduit.services.VideoServiceAsync}. */
  @Deprecated
  public dev.conduit.services.VideoServiceAsync videos() {
    return new dev.conduit.internal.services.generated.VideoServiceImpl.Async(core);
  }

  /** The {@code skills} resource: {@link dev.conduit.services.SkillServiceAsync}. */
  public dev.conduit.services.SkillServiceAsync skills() {
    return new dev.conduit.internal.services.generated.SkillServiceImpl.Async(core);
  }
  // </generated-accessors>

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
