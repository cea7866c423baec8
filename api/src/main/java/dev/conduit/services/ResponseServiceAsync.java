package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.models.responses.CompactedResponse;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCompactParams;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.structured.ParsedResponse;
import java.util.concurrent.CompletableFuture;

/** The asynchronous twin of {@link ResponseService}. */
public interface ResponseServiceAsync {
  /** Creates a model response. */
  CompletableFuture<Response> create(ResponseCreateParams params, RequestOptions options);

  /** Creates a model response. */
  default CompletableFuture<Response> create(ResponseCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Returns a cold stream of the response's events: the request is sent on subscription. */
  AsyncResponseStream stream(ResponseCreateParams params, RequestOptions options);

  /** Returns a cold stream of the response's events. */
  default AsyncResponseStream stream(ResponseCreateParams params) {
    return stream(params, RequestOptions.none());
  }

  /** Creates a response decoded as {@code type}; see {@link ResponseService#parse(ResponseCreateParams, Class, RequestOptions)}. */
  <T> CompletableFuture<ParsedResponse<T>> parse(ResponseCreateParams params, Class<T> type, RequestOptions options);

  /** Creates a response decoded as {@code type}. */
  default <T> CompletableFuture<ParsedResponse<T>> parse(ResponseCreateParams params, Class<T> type) {
    return parse(params, type, RequestOptions.none());
  }

  /** Retrieves a stored response. */
  CompletableFuture<Response> retrieve(String responseId, RequestOptions options);

  /** Retrieves a stored response. */
  default CompletableFuture<Response> retrieve(String responseId) {
    return retrieve(responseId, RequestOptions.none());
  }

  /** Deletes a stored response. */
  CompletableFuture<Void> delete(String responseId, RequestOptions options);

  /** Deletes a stored response. */
  default CompletableFuture<Void> delete(String responseId) {
    return delete(responseId, RequestOptions.none());
  }

  /** Cancels a background response that is still running. */
  CompletableFuture<Response> cancel(String responseId, RequestOptions options);

  /** Cancels a background response that is still running. */
  default CompletableFuture<Response> cancel(String responseId) {
    return cancel(responseId, RequestOptions.none());
  }

  /** Compacts a conversation; see {@link ResponseService#compact(ResponseCompactParams, RequestOptions)}. */
  CompletableFuture<CompactedResponse> compact(ResponseCompactParams params, RequestOptions options);

  /** Compacts a conversation. */
  default CompletableFuture<CompactedResponse> compact(ResponseCompactParams params) {
    return compact(params, RequestOptions.none());
  }

  /** The input items of stored responses. */
  InputItemServiceAsync inputItems();

  /** Input token counts of response requests, without running the model. */
  InputTokenServiceAsync inputTokens();
}
