package dev.conduit.internal.stream;

import dev.conduit.RequestOptions;
import dev.conduit.core.EventStream;
import dev.conduit.errors.ApiError;
import dev.conduit.errors.InvalidResponseException;
import dev.conduit.errors.StreamException;
import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpResponse;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.BodyCollector;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.internal.pipeline.ErrorMapper;
import dev.conduit.internal.sse.EventMapper;
import dev.conduit.internal.sse.SsePublisher;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/** Opens server-sent event streams for services, blocking and asynchronous. */
public final class Streams {
  private static final int MAX_UNEXPECTED_BODY = 64 * 1024;

  private Streams() {}

  /** Sends {@code request} as a stream request and returns its events; the caller closes the stream. */
  public static <T> EventStream<T> open(ClientCore core, ApiRequest request, RequestOptions options, EventMapper<T> mapper) {
    HttpResponse response = core.open(request.streaming(), options);
    if (isJson(response.headers())) {
      byte[] body;
      try (HttpResponse r = response; InputStream in = r.body()) {
        body = in.readNBytes(MAX_UNEXPECTED_BODY);
      } catch (IOException e) {
        throw StreamErrors.map(e);
      }
      throw notAStream(core, response.statusCode(), response.headers(), body);
    }
    return new SseEventStream<>(response, mapper);
  }

  /**
   * Returns a cold publisher of the events of {@code request}: the request is sent when it is
   * subscribed to, and failures before the first event arrive through {@code onError}.
   */
  public static <T> Flow.Publisher<T> openAsync(ClientCore core, ApiRequest request, RequestOptions options,
      Supplier<EventMapper<T>> mapper) {
    return new ErrorMappingPublisher<>(new DeferredPublisher<T>(() -> core.openAsync(request.streaming(), options)
        .thenCompose(response -> publisher(core, response, mapper.get()))));
  }

  private static <T> CompletableFuture<Flow.Publisher<T>> publisher(ClientCore core, AsyncHttpResponse response, EventMapper<T> mapper) {
    if (isJson(response.headers())) {
      return BodyCollector.collect(response.body(), MAX_UNEXPECTED_BODY)
          .thenApply(body -> {
            throw notAStream(core, response.statusCode(), response.headers(), body);
          });
    }
    return CompletableFuture.completedFuture(new SsePublisher<>(new ErrorMappingPublisher<>(response.body()), mapper));
  }

  private static boolean isJson(Headers headers) {
    String type = headers.first("content-type");
    return type != null && type.toLowerCase(Locale.ROOT).contains("json");
  }

  /** A server answered a stream request with JSON: its error if it holds one, else an invalid response. */
  private static RuntimeException notAStream(ClientCore core, int status, Headers headers, byte[] body) {
    ApiError error = ErrorMapper.parseError(body, core.codec());
    if (error != null) {
      return new StreamException("the server answered the stream request with an error: " + error.message(), error, null);
    }
    return new InvalidResponseException("expected an event stream (text/event-stream) but the server sent "
        + headers.first("content-type"), status, headers.first("x-request-id"), ErrorMapper.snippet(body), null);
  }
}
