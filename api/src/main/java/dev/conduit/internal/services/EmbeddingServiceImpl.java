package dev.conduit.internal.services;

import dev.conduit.RequestOptions;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.models.embeddings.CreateEmbeddingResponse;
import dev.conduit.models.embeddings.EmbeddingCreateParams;
import dev.conduit.models.embeddings.EmbeddingEncodingFormat;
import dev.conduit.services.EmbeddingService;
import dev.conduit.services.EmbeddingServiceAsync;
import java.util.concurrent.CompletableFuture;

/** {@link EmbeddingService} and its async twin. */
public final class EmbeddingServiceImpl implements EmbeddingService {
  private final ClientCore core;

  public EmbeddingServiceImpl(ClientCore core) {
    this.core = core;
  }

  static ApiRequest request(EmbeddingCreateParams params) {
    EmbeddingCreateParams p = params.hasField("encoding_format") ? params
        : params.toBuilder().encodingFormat(EmbeddingEncodingFormat.BASE64).build();
    return ApiRequest.post("embeddings", p);
  }

  static CreateEmbeddingResponse decode(Object tree) {
    return CreateEmbeddingResponse.fromJson(Json.asObject(tree, "CreateEmbeddingResponse"));
  }

  @Override
  public CreateEmbeddingResponse create(EmbeddingCreateParams params, RequestOptions options) {
    return core.json(request(params), options, EmbeddingServiceImpl::decode);
  }

  /** The asynchronous twin. */
  public static final class Async implements EmbeddingServiceAsync {
    private final ClientCore core;

    public Async(ClientCore core) {
      this.core = core;
    }

    @Override
    public CompletableFuture<CreateEmbeddingResponse> create(EmbeddingCreateParams params, RequestOptions options) {
      return core.jsonAsync(request(params), options, EmbeddingServiceImpl::decode);
    }
  }
}
