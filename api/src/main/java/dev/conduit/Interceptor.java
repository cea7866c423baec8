package dev.conduit;

import dev.conduit.http.Headers;
import dev.conduit.http.HttpRequest;
import java.io.IOException;

/**
 * Observes and adjusts every HTTP attempt, on the blocking and the asynchronous path alike: add a
 * header, sign a request, count retries, record latencies. Register with
 * {@link OpenAIClient.Builder#addInterceptor}. Interceptors run in registration order before each
 * attempt, after Conduit has set its own headers, so they see (and may change) exactly what is sent.
 *
 * <p>Callbacks run on the calling thread for blocking calls and on a transport thread for
 * asynchronous ones; they must be quick and must not block. To replace responses wholesale (record
 * and replay, say), wrap the {@link dev.conduit.http.Transport} instead.
 */
public interface Interceptor {
  /**
   * Returns the request to send for this attempt: {@code request} itself or a modified copy made with
   * {@link HttpRequest#newBuilder()}.
   *
   * @param attempt 1 for the first attempt, 2 for the first retry, ...
   */
  default HttpRequest onRequest(HttpRequest request, int attempt) {
    return request;
  }

  /** Called when the response headers of an attempt arrive, before Conduit reads the body. */
  default void onResponse(HttpRequest request, int statusCode, Headers headers, int attempt) {}

  /** Called when an attempt fails without a response (connection failure or timeout). */
  default void onFailure(HttpRequest request, IOException failure, int attempt) {}
}
