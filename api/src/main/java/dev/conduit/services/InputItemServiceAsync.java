package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.models.responses.InputItemListParams;
import dev.conduit.models.responses.ResponseItem;
import java.util.concurrent.CompletableFuture;

/** The asynchronous twin of {@link InputItemService}. */
public interface InputItemServiceAsync {
  /** Lists the input items of a stored response, one page at a time. */
  CompletableFuture<AsyncPage<ResponseItem>> list(String responseId, InputItemListParams params, RequestOptions options);

  /** Lists the input items of a stored response. */
  default CompletableFuture<AsyncPage<ResponseItem>> list(String responseId, InputItemListParams params) {
    return list(responseId, params, RequestOptions.none());
  }

  /** Lists the input items of a stored response with default parameters. */
  default CompletableFuture<AsyncPage<ResponseItem>> list(String responseId) {
    return list(responseId, InputItemListParams.builder().build(), RequestOptions.none());
  }
}
