package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.models.responses.CompactedResponse;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCompactParams;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.structured.ParsedResponse;

/** The {@code /responses} endpoints of the Responses API. Obtain with {@code client.responses()}. */
public interface ResponseService {
  /** Creates a model response. */
  Response create(ResponseCreateParams params, RequestOptions options);

  /** Creates a model response. */
  default Response create(ResponseCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /**
   * Creates a model response as a stream of events ({@code stream: true} is set for you). Close the
   * returned stream; closing early aborts the exchange.
   */
  ResponseStream stream(ResponseCreateParams params, RequestOptions options);

  /** Creates a model response as a stream of events; see {@link #stream(ResponseCreateParams, RequestOptions)}. */
  default ResponseStream stream(ResponseCreateParams params) {
    return stream(params, RequestOptions.none());
  }

  /**
   * Creates a response whose output is JSON matching a strict schema derived from {@code type} (a
   * record; nested records, lists, enums and {@code @Nullable} components are supported) and returns
   * it decoded, or the model's refusal.
   *
   * @throws IllegalArgumentException if {@code type} cannot be expressed as a strict schema
   * @throws dev.conduit.errors.InvalidResponseException if the output does not decode as {@code type}
   */
  <T> ParsedResponse<T> parse(ResponseCreateParams params, Class<T> type, RequestOptions options);

  /** Creates a response decoded as {@code type}; see {@link #parse(ResponseCreateParams, Class, RequestOptions)}. */
  default <T> ParsedResponse<T> parse(ResponseCreateParams params, Class<T> type) {
    return parse(params, type, RequestOptions.none());
  }

  /** Retrieves a stored response. */
  Response retrieve(String responseId, RequestOptions options);

  /** Retrieves a stored response. */
  default Response retrieve(String responseId) {
    return retrieve(responseId, RequestOptions.none());
  }

  /** Deletes a stored response. */
  void delete(String responseId, RequestOptions options);

  /** Deletes a stored response. */
  default void delete(String responseId) {
    delete(responseId, RequestOptions.none());
  }

  /** Cancels a background response that is still running. */
  Response cancel(String responseId, RequestOptions options);

  /** Cancels a background response that is still running. */
  default Response cancel(String responseId) {
    return cancel(responseId, RequestOptions.none());
  }

  /**
   * Compacts a conversation: returns its items with the earlier turns replaced by an encrypted
   * compaction item, to send as the input of the next response (see {@link ResponseCompactParams}).
   */
  CompactedResponse compact(ResponseCompactParams params, RequestOptions options);

  /** Compacts a conversation; see {@link #compact(ResponseCompactParams, RequestOptions)}. */
  default CompactedResponse compact(ResponseCompactParams params) {
    return compact(params, RequestOptions.none());
  }

  /** The input items of stored responses. */
  InputItemService inputItems();

  /** Input token counts of response requests, without running the model. */
  InputTokenService inputTokens();
}
