package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.models.models.Model;
import dev.conduit.models.models.ModelDeleted;
import java.util.concurrent.CompletableFuture;

/** The asynchronous twin of {@link ModelService}; same names, futures instead of values. */
public interface ModelServiceAsync {
  /** Lists the models available to the caller. */
  CompletableFuture<AsyncPage<Model>> list(RequestOptions options);

  /** Lists the models available to the caller. */
  default CompletableFuture<AsyncPage<Model>> list() {
    return list(RequestOptions.none());
  }

  /** Retrieves one model. */
  CompletableFuture<Model> retrieve(String model, RequestOptions options);

  /** Retrieves one model. */
  default CompletableFuture<Model> retrieve(String model) {
    return retrieve(model, RequestOptions.none());
  }

  /** Deletes a fine-tuned model you own. */
  CompletableFuture<ModelDeleted> delete(String model, RequestOptions options);

  /** Deletes a fine-tuned model you own. */
  default CompletableFuture<ModelDeleted> delete(String model) {
    return delete(model, RequestOptions.none());
  }
}
