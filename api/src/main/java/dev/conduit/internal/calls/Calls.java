package dev.conduit.internal.calls;

import dev.conduit.RequestOptions;
import dev.conduit.core.EventStream;
import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.BodyCollector;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.internal.stream.ErrorMappingPublisher;
import dev.conduit.internal.stream.JsonEventMapper;
import dev.conduit.internal.stream.StreamErrors;
import dev.conduit.internal.stream.Streams;
import dev.conduit.models.JsonModel;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The calls of generated services, one per kind of answer: a JSON object, nothing, text, a binary
 * download, or a stream of server-sent events; each blocking and asynchronous.
 */
public final class Calls {
  /** The most text (an SDP answer) read into memory. */
  private static final int MAX_TEXT = 1 << 20;

  private Calls() {}

  /** Sends {@code request} and decodes the JSON object it answers with {@code factory}. */
  public static <T> T json(ClientCore core, ApiRequest request, RequestOptions options,
      Function<Map<String, @Nullable Object>, T> factory) {
    return core.json(request, options, tree -> factory.apply(Json.asObject(tree, "the response body")));
  }

  /** The asynchronous twin of {@link #json}. */
  public static <T> CompletableFuture<T> jsonAsync(ClientCore core, ApiRequest request, RequestOptions options,
      Function<Map<String, @Nullable Object>, T> factory) {
    return core.jsonAsync(request, options, tree -> factory.apply(Json.asObject(tree, "the response body")));
  }

  /** Sends {@code request} and discards the body of its (successful) answer. */
  public static void discard(ClientCore core, ApiRequest request, RequestOptions options) {
    core.open(request, options).close();
  }

  /** The asynchronous twin of {@link #discard}. */
  public static CompletableFuture<Void> discardAsync(ClientCore core, ApiRequest request, RequestOptions options) {
    CompletableFuture<AsyncHttpResponse> exchange = core.openAsync(request, options);
    return ClientCore.cancellingExchange(exchange, exchange.thenAccept(AsyncHttpResponse::discard));
  }

  /** Sends {@code request} and returns its answer as UTF-8 text (e.g. an SDP answer), at most 1 MiB. */
  public static String text(ClientCore core, ApiRequest request, RequestOptions options) {
    try (HttpResponse response = core.open(request, options); InputStream in = response.body()) {
      return new String(in.readNBytes(MAX_TEXT), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw StreamErrors.map(e);
    }
  }

  /** The asynchronous twin of {@link #text}. */
  public static CompletableFuture<String> textAsync(ClientCore core, ApiRequest request, RequestOptions options) {
    CompletableFuture<AsyncHttpResponse> exchange = core.openAsync(request, options);
    return ClientCore.cancellingExchange(exchange, exchange
        .thenCompose(r -> BodyCollector.collect(new ErrorMappingPublisher<>(r.body()), MAX_TEXT))
        .thenApply(bytes -> new String(bytes, StandardCharsets.UTF_8)));
  }

  /** Returns a text body of media type {@code application/sdp}. */
  public static RequestBody sdp(String sdp) {
    return RequestBody.ofBytes(sdp.getBytes(StandardCharsets.UTF_8), "application/sdp");
  }

  /**
   * Sends {@code request} and returns the body of its answer as a stream read straight from the
   * connection; closing it early aborts the download and releases the connection. Read failures are
   * {@link IOException}s whose cause is Conduit's exception (e.g. a timeout).
   */
  public static InputStream download(ClientCore core, ApiRequest request, RequestOptions options) {
    HttpResponse response = core.open(request, options);
    return new FilterInputStream(response.body()) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw wrap(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw wrap(e);
        }
      }

      private IOException wrap(IOException e) {
        RuntimeException mapped = StreamErrors.map(e);
        return new IOException("download failed: " + mapped.getMessage(), mapped);
      }

      @Override
      public void close() {
        response.close();
      }
    };
  }

  /**
   * The asynchronous twin of {@link #download}: completes when the headers arrive, with the body as
   * a publisher of byte chunks that honours demand and accepts one subscriber.
   */
  public static CompletableFuture<Flow.Publisher<ByteBuffer>> downloadAsync(ClientCore core, ApiRequest request,
      RequestOptions options) {
    CompletableFuture<AsyncHttpResponse> exchange = core.openAsync(request, options);
    return ClientCore.cancellingExchange(exchange, exchange.thenApply(r -> new ErrorMappingPublisher<>(r.body())));
  }

  /**
   * Sends {@code request} as a stream request and returns its typed events. The stream is complete
   * at {@code [DONE]} or, if the bytes end first, after an event whose {@code type} is one of {@code
   * terminalTypes}; otherwise it was truncated.
   */
  public static <E> EventStream<E> stream(ClientCore core, ApiRequest request, RequestOptions options,
      Function<Map<String, @Nullable Object>, E> factory, String... terminalTypes) {
    return Streams.open(core, request, options, mapper(core, factory, terminalTypes));
  }

  /** The asynchronous twin of {@link #stream}: a cold publisher that sends the request when subscribed to. */
  public static <E> Flow.Publisher<E> streamAsync(ClientCore core, ApiRequest request, RequestOptions options,
      Function<Map<String, @Nullable Object>, E> factory, String... terminalTypes) {
    return Streams.openAsync(core, request, options, () -> mapper(core, factory, terminalTypes));
  }

  private static <E> JsonEventMapper<E> mapper(ClientCore core, Function<Map<String, @Nullable Object>, E> factory,
      String... terminalTypes) {
    Set<String> terminal = Set.of(terminalTypes);
    return new JsonEventMapper<>(core.codec(), factory,
        e -> e instanceof JsonModel && terminal.contains(String.valueOf(((JsonModel) e).jsonField("type"))),
        terminal.isEmpty() ? "[DONE]" : "[DONE] or one of the events " + terminal);
  }

  /** Returns a copy of {@code json} with field {@code name} set, e.g. {@code stream: true}. */
  public static Map<String, @Nullable Object> with(Map<String, @Nullable Object> json, String name, Object value) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(json);
    copy.put(name, value);
    return copy;
  }

  /**
   * Returns {@code request} with the parameters of {@code params} (a JSON tree of wire names): those
   * named in {@code headers} as headers (arrays joined by commas), the others as query parameters.
   */
  public static ApiRequest query(ApiRequest request, Map<String, @Nullable Object> params, String... headers) {
    Set<String> headerNames = Set.of(headers);
    Map<String, List<String>> query = new LinkedHashMap<>();
    ApiRequest r = request;
    for (Map.Entry<String, @Nullable Object> e : params.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      if (headerNames.contains(e.getKey())) {
        List<String> values = new ArrayList<>();
        flatten(e.getKey(), v, new LinkedHashMap<>()).values().forEach(values::addAll);
        r = r.header(e.getKey(), String.join(",", values));
      } else {
        flatten(e.getKey(), v, query);
      }
    }
    return query.isEmpty() ? r : r.queryMulti(query);
  }

  /**
   * Flattens a JSON tree into form-style pairs: arrays repeat their name, objects become {@code
   * name[key]}; numbers and booleans are written as in JSON.
   */
  static Map<String, List<String>> flatten(String name, @Nullable Object v, Map<String, List<String>> out) {
    if (v == null) {
      return out;
    }
    if (v instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        flatten(name + "[" + e.getKey() + "]", e.getValue(), out);
      }
    } else if (v instanceof List) {
      for (Object item : (List<?>) v) {
        flatten(name, item, out);
      }
    } else {
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(scalar(v));
    }
    return out;
  }

  static String scalar(Object v) {
    if (v instanceof Double) {
      double d = (Double) v;
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }
}
