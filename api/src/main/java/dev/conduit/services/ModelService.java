package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.Page;
import dev.conduit.models.models.Model;
import dev.conduit.models.models.ModelDeleted;

/** The {@code /models} endpoints: the models the API offers. Obtain with {@code client.models()}. */
public interface ModelService {
  /** Lists the models available to the caller (a single page: this endpoint is not paginated). */
  Page<Model> list(RequestOptions options);

  /** Lists the models available to the caller. */
  default Page<Model> list() {
    return list(RequestOptions.none());
  }

  /**
   * Retrieves one model.
   *
   * @throws dev.conduit.errors.NotFoundException if there is no such model
   */
  Model retrieve(String model, RequestOptions options);

  /** Retrieves one model. */
  default Model retrieve(String model) {
    return retrieve(model, RequestOptions.none());
  }

  /** Deletes a fine-tuned model you own. */
  ModelDeleted delete(String model, RequestOptions options);

  /** Deletes a fine-tuned model you own. */
  default ModelDeleted delete(String model) {
    return delete(model, RequestOptions.none());
  }
}
