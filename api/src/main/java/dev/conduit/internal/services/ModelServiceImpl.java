package dev.conduit.internal.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.core.Page;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.paging.Pages;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.models.models.Model;
import dev.conduit.models.models.ModelDeleted;
import dev.conduit.services.ModelService;
import dev.conduit.services.ModelServiceAsync;
import java.util.concurrent.CompletableFuture;

/** {@link ModelService} and its async twin over the pipeline. */
public final class ModelServiceImpl implements ModelService {
  private final ClientCore core;

  public ModelServiceImpl(ClientCore core) {
    this.core = core;
  }

  @Override
  public Page<Model> list(RequestOptions options) {
    return Pages.fetch(core, ApiRequest.get("models"), options, Model::fromJson, null);
  }

  @Override
  public Model retrieve(String model, RequestOptions options) {
    return core.json(ApiRequest.get("models/" + ApiRequest.segment(model)), options, t -> Model.fromJson(Json.asObject(t, "Model")));
  }

  @Override
  public ModelDeleted delete(String model, RequestOptions options) {
    return core.json(ApiRequest.delete("models/" + ApiRequest.segment(model)), options,
        t -> ModelDeleted.fromJson(Json.asObject(t, "ModelDeleted")));
  }

  /** The asynchronous twin. */
  public static final class Async implements ModelServiceAsync {
    private final ClientCore core;

    public Async(ClientCore core) {
      this.core = core;
    }

    @Override
    public CompletableFuture<AsyncPage<Model>> list(RequestOptions options) {
      return Pages.fetchAsync(core, ApiRequest.get("models"), options, Model::fromJson, null);
    }

    @Override
    public CompletableFuture<Model> retrieve(String model, RequestOptions options) {
      return core.jsonAsync(ApiRequest.get("models/" + ApiRequest.segment(model)), options, t -> Model.fromJson(Json.asObject(t, "Model")));
    }

    @Override
    public CompletableFuture<ModelDeleted> delete(String model, RequestOptions options) {
      return core.jsonAsync(ApiRequest.delete("models/" + ApiRequest.segment(model)), options,
          t -> ModelDeleted.fromJson(Json.asObject(t, "ModelDeleted")));
    }
  }
}
