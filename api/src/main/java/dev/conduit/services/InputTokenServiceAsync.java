package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.models.responses.InputTokenCount;
import dev.conduit.models.responses.InputTokenCountParams;
import java.util.concurrent.CompletableFuture;

/** The asynchronous twin of {@link InputTokenService}. */
public interface InputTokenServiceAsync {
  /** Returns how many input tokens a response with {@code params} would read. */
  CompletableFuture<InputTokenCount> count(InputTokenCountParams params, RequestOptions options);

  /** Returns how many input tokens a response with {@code params} would read. */
  default CompletableFuture<InputTokenCount> count(InputTokenCountParams params) {
    return count(params, RequestOptions.none());
  }
}
