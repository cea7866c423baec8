package dev.conduit.internal.pipeline;

import dev.conduit.Interceptor;
import dev.conduit.RequestOptions;
import dev.conduit.errors.ApiConnectionException;
import dev.conduit.errors.ApiTimeoutException;
import dev.conduit.errors.InvalidResponseException;
import dev.conduit.errors.OpenAIException;
import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import dev.conduit.internal.ClientConfig;
import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The request pipeline shared by every resource: builds each attempt's request (URL, auth, headers,
 * body), runs it through the interceptors and the transport, retries per {@link RetryPolicy}, enforces
 * the call deadline, maps failures to Conduit's exceptions and logs. Thread-safe; one per client.
 */
public final class ClientCore {
  static final int MAX_ERROR_BODY = 64 * 1024;

  private final ClientConfig config;
  private final RetryPolicy retry;
  private final HttpLog httpLog;
  private final String userAgent;
  private final @Nullable ResponseObserver observer;

  /** Sees the status and headers of each successful response; used for raw-response access. */
  public interface ResponseObserver {
    void onResponse(int statusCode, Headers headers);
  }

  /** Turns a decoded JSON tree into the call's result. */
  public interface Decoder<T> {
    T decode(@Nullable Object tree);
  }

  public ClientCore(ClientConfig config) {
    this(config, null);
  }

  private ClientCore(ClientConfig config, @Nullable ResponseObserver observer) {
    this.config = config;
    this.retry = new RetryPolicy(config.retryInitialDelay, config.retryMaxDelay);
    this.httpLog = new HttpLog(config.apiKey);
    this.userAgent = "conduit-java/" + Version.VERSION + " (Java " + System.getProperty("java.version") + "; "
        + System.getProperty("os.name") + "; transport " + config.transportName + "; json " + config.codecName + ")";
    this.observer = observer;
  }

  /** Returns a core sharing everything with this one but reporting successful responses to {@code observer}. */
  public ClientCore withObserver(ResponseObserver observer) {
    return new ClientCore(config, observer);
  }

  public ClientConfig config() {
    return config;
  }

  public JsonCodec codec() {
    return config.codec;
  }

  // ---- blocking -------------------------------------------------------------------------------

  /** Runs a call whose answer is JSON and decodes it. */
  public <T> T json(ApiRequest request, RequestOptions options, Decoder<T> decoder) {
    Exchange ex = new Exchange(request, options);
    BufferedBody body = runBlocking(ex, resp -> {
      try (HttpResponse r = resp) {
        byte[] bytes = r.body().readAllBytes();
        return new BufferedBody(r.statusCode(), r.headers(), bytes);
      }
    });
    httpLog.responseBody(body.bytes);
    return decode(body, decoder);
  }

  /**
   * Runs a call and returns its live successful response, for bodies the caller streams (events,
   * file content). The caller must close it.
   */
  public HttpResponse open(ApiRequest request, RequestOptions options) {
    return runBlocking(new Exchange(request, options), resp -> resp);
  }

  private interface BodyStep<R> {
    R apply(HttpResponse response) throws IOException;
  }

  private <R> R runBlocking(Exchange ex, BodyStep<R> step) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest http = ex.httpRequest(attempt);
      for (Interceptor i : config.interceptors) {
        http = i.onRequest(http, attempt);
      }
      httpLog.request(http, attempt, ex.bodyBytes);
      long start = System.nanoTime();
      HttpResponse response;
      try {
        response = config.transport.execute(http);
      } catch (IOException | RuntimeException e) {
        IOException io = asIo(e);
        for (Interceptor i : config.interceptors) {
          i.onFailure(http, io, attempt);
        }
        httpLog.failure(http, io, attempt, start);
        if (ex.canRetry(attempt) && !(io instanceof InterruptedIOException && Thread.currentThread().isInterrupted())) {
          sleep(ex, http, attempt, Headers.empty(), io.toString());
          continue;
        }
        throw ex.failure(io);
      }
      int status = response.statusCode();
      Headers headers = response.headers();
      for (Interceptor i : config.interceptors) {
        i.onResponse(http, status, headers, attempt);
      }
      httpLog.response(http, status, headers, attempt, start);
      if (status >= 200 && status < 300) {
        try {
          R result = step.apply(response);
          if (observer != null) {
            observer.onResponse(status, headers);
          }
          return result;
        } catch (IOException e) {
          response.close();
          httpLog.failure(http, e, attempt, start);
          if (ex.canRetry(attempt)) {
            sleep(ex, http, attempt, Headers.empty(), "body read failed: " + e);
            continue;
          }
          throw ex.failure(e);
        }
      }
      byte[] errorBody;
      try (HttpResponse r = response; InputStream in = r.body()) {
        errorBody = httpLog.scrub(in.readNBytes(MAX_ERROR_BODY));
      } catch (IOException e) {
        errorBody = new byte[0];
      }
      httpLog.responseBody(errorBody);
      if (RetryPolicy.shouldRetry(status, headers) && ex.canRetry(attempt)) {
        sleep(ex, http, attempt, headers, "status " + status);
        continue;
      }
      throw ErrorMapper.toException(status, headers, errorBody, config.codec);
    }
  }

  private void sleep(Exchange ex, HttpRequest http, int attempt, Headers headers, String reason) {
    Duration delay = ex.retryDelay(headers, attempt);
    httpLog.retry(http, attempt, delay.toMillis(), reason);
    try {
      TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("interrupted while waiting to retry " + http.method() + " " + http.uri().getPath(), e);
    }
  }

  // ---- asynchronous ---------------------------------------------------------------------------

  /** Runs a call whose answer is JSON, without blocking, and decodes it. Cancelling the future aborts the exchange. */
  public <T> CompletableFuture<T> jsonAsync(ApiRequest request, RequestOptions options, Decoder<T> decoder) {
    Exchange ex = new Exchange(request, options);
    CompletableFuture<BufferedBody> exchange = runAsync(ex, resp -> BodyCollector.collect(resp.body(), Long.MAX_VALUE)
        .thenApply(bytes -> new BufferedBody(resp.statusCode(), resp.headers(), bytes)));
    return cancelling(exchange, exchange.thenApply(body -> {
      httpLog.responseBody(body.bytes);
      return decode(body, decoder);
    }));
  }

  /** Like {@link #cancelling} for a stage over a live response: a response that already arrived is discarded. */
  public static <T> CompletableFuture<T> cancellingExchange(CompletableFuture<AsyncHttpResponse> exchange,
      CompletableFuture<T> derived) {
    derived.whenComplete((r, e) -> {
      if (derived.isCancelled() && !exchange.cancel(true)) {
        exchange.thenAccept(AsyncHttpResponse::discard); // already answered: release the connection
      }
    });
    return derived;
  }

  /**
   * Returns {@code derived}, a stage computed from {@code source}, made to cancel {@code source} when it
   * is cancelled itself: {@code thenApply} stages do not pass cancellation back, and a caller who
   * cancels the future they were given expects the HTTP exchange to be aborted.
   */
  public static <T> CompletableFuture<T> cancelling(CompletableFuture<?> source, CompletableFuture<T> derived) {
    derived.whenComplete((r, e) -> {
      if (derived.isCancelled()) {
        source.cancel(true);
      }
    });
    return derived;
  }

  /** Runs a call without blocking and returns its live successful response (events, file content). */
  public CompletableFuture<AsyncHttpResponse> openAsync(ApiRequest request, RequestOptions options) {
    return runAsync(new Exchange(request, options), CompletableFuture::completedFuture);
  }

  private interface AsyncStep<R> {
    CompletableFuture<R> apply(AsyncHttpResponse response);
  }

  private <R> CompletableFuture<R> runAsync(Exchange ex, AsyncStep<R> step) {
    CompletableFuture<R> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        CompletableFuture<?> f = inFlight.get();
        if (f != null) {
          f.cancel(true);
        }
      }
    });
    attemptAsync(ex, step, 1, result, inFlight);
    return result;
  }

  private <R> void attemptAsync(Exchange ex, AsyncStep<R> step, int attempt, CompletableFuture<R> result,
      AtomicReference<CompletableFuture<?>> inFlight) {
    if (result.isDone()) {
      return;
    }
    HttpRequest built;
    try {
      HttpRequest http = ex.httpRequest(attempt);
      for (Interceptor i : config.interceptors) {
        http = i.onRequest(http, attempt);
      }
      built = http;
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    HttpRequest http = built;
    httpLog.request(http, attempt, ex.bodyBytes);
    long start = System.nanoTime();
    CompletableFuture<AsyncHttpResponse> sent;
    try {
      sent = config.transport.executeAsync(http);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    inFlight.set(sent);
    if (result.isCancelled()) {
      sent.cancel(true);
      return;
    }
    sent.whenComplete((response, error) -> {
      if (error != null) {
        IOException io = asIo(unwrap(error));
        for (Interceptor i : config.interceptors) {
          i.onFailure(http, io, attempt);
        }
        httpLog.failure(http, io, attempt, start);
        if (ex.canRetry(attempt) && !result.isDone()) {
          retryLater(ex, step, attempt, result, inFlight, http, Headers.empty(), io.toString());
        } else {
          result.completeExceptionally(ex.failure(io));
        }
        return;
      }
      if (result.isDone()) {
        response.discard();
        return;
      }
      int status = response.statusCode();
      Headers headers = response.headers();
      try {
        for (Interceptor i : config.interceptors) {
          i.onResponse(http, status, headers, attempt);
        }
      } catch (RuntimeException e) {
        response.discard();
        result.completeExceptionally(e);
        return;
      }
      httpLog.response(http, status, headers, attempt, start);
      if (status >= 200 && status < 300) {
        CompletableFuture<R> body = step.apply(response);
        inFlight.set(body);
        body.whenComplete((r, bodyError) -> {
          if (bodyError == null) {
            if (observer != null) {
              observer.onResponse(status, headers);
            }
            result.complete(r);
            return;
          }
          Throwable cause = unwrap(bodyError);
          if (cause instanceof IOException && ex.canRetry(attempt) && !result.isDone()) {
            httpLog.failure(http, cause, attempt, start);
            retryLater(ex, step, attempt, result, inFlight, http, Headers.empty(), "body read failed: " + cause);
          } else {
            result.completeExceptionally(cause instanceof IOException ? ex.failure((IOException) cause) : cause);
          }
        });
        return;
      }
      CompletableFuture<byte[]> errorBody = BodyCollector.collect(response.body(), MAX_ERROR_BODY);
      inFlight.set(errorBody);
      errorBody.handle((bytes, e) -> bytes == null ? new byte[0] : httpLog.scrub(bytes)).thenAccept(bytes -> {
        httpLog.responseBody(bytes);
        if (RetryPolicy.shouldRetry(status, headers) && ex.canRetry(attempt)) {
          retryLater(ex, step, attempt, result, inFlight, http, headers, "status " + status);
        } else {
          result.completeExceptionally(ErrorMapper.toException(status, headers, bytes, config.codec));
        }
      });
    });
  }

  private <R> void retryLater(Exchange ex, AsyncStep<R> step, int attempt, CompletableFuture<R> result,
      AtomicReference<CompletableFuture<?>> inFlight, HttpRequest http, Headers headers, String reason) {
    Duration delay;
    try {
      delay = ex.retryDelay(headers, attempt);
    } catch (OpenAIException deadline) {
      result.completeExceptionally(deadline);
      return;
    }
    httpLog.retry(http, attempt, delay.toMillis(), reason);
    CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS)
        .execute(() -> attemptAsync(ex, step, attempt + 1, result, inFlight));
  }

  // ---- shared ---------------------------------------------------------------------------------

  private static final class BufferedBody {
    final int status;
    final Headers headers;
    final byte[] bytes;

    BufferedBody(int status, Headers headers, byte[] bytes) {
      this.status = status;
      this.headers = headers;
      this.bytes = bytes;
    }
  }

  private <T> T decode(BufferedBody raw, Decoder<T> decoder) {
    BufferedBody body = raw;
    String requestId = body.headers.first("x-request-id");
    String contentType = body.headers.first("content-type");
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
      throw new InvalidResponseException("expected JSON but the server sent " + contentType, body.status, requestId,
          ErrorMapper.snippet(httpLog.scrub(body.bytes)), null);
    }
    if (body.bytes.length == 0) {
      throw new InvalidResponseException("expected JSON but the response body is empty", body.status, requestId, "", null);
    }
    Object tree;
    try {
      tree = config.codec.readTree(body.bytes);
    } catch (CodecException e) {
      throw new InvalidResponseException("the response body is not valid JSON: " + e.getMessage(), body.status, requestId,
          ErrorMapper.snippet(httpLog.scrub(body.bytes)), e);
    }
    try {
      return decoder.decode(tree);
    } catch (InvalidResponseException e) {
      throw new InvalidResponseException(e.getMessage(), body.status, requestId, ErrorMapper.snippet(httpLog.scrub(body.bytes)), e);
    }
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static IOException asIo(Throwable t) {
    if (t instanceof IOException) {
      return (IOException) t;
    }
    if (t instanceof CancellationException) {
      return new InterruptedIOException("cancelled");
    }
    if (t instanceof OpenAIException) {
      throw (OpenAIException) t;
    }
    if (t instanceof RuntimeException && t.getCause() instanceof IOException) {
      return (IOException) t.getCause();
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new IOException(t);
  }

  /** One logical call: what stays the same across its attempts. */
  private final class Exchange {
    final ApiRequest request;
    final Timeouts timeouts;
    final int maxRetries;
    final long deadlineNanos;
    final @Nullable String idempotencyKey;
    final @Nullable RequestBody body;
    final byte @Nullable [] bodyBytes;
    final RequestOptions options;
    final URI uri;
    final @Nullable String model;
    boolean deadlineBound;

    Exchange(ApiRequest request, RequestOptions options) {
      this.request = request;
      this.options = options;
      this.timeouts = options.timeouts().orElse(config.timeouts);
      Integer r = options.maxRetries();
      this.maxRetries = r != null ? r : config.maxRetries;
      Duration call = request.stream ? null : timeouts.call();
      this.deadlineNanos = call == null ? Long.MAX_VALUE : System.nanoTime() + call.toNanos();
      String key = options.idempotencyKey();
      this.idempotencyKey = key != null ? key : request.method.equals("POST") ? "conduit-" + UUID.randomUUID() : null;
      if (request.jsonBody != null) {
        Map<String, @Nullable Object> merged = request.jsonBody;
        if (!options.body().isEmpty()) {
          merged = new LinkedHashMap<>(request.jsonBody);
          merged.putAll(options.body());
        }
        this.bodyBytes = config.codec.writeTreeToBytes(merged);
        this.body = RequestBody.ofBytes(bodyBytes, "application/json");
        this.model = merged.get("model") instanceof String ? (String) merged.get("model") : null;
      } else {
        this.bodyBytes = null;
        this.body = request.rawBody;
        this.model = null;
      }
      this.uri = buildUri();
    }

    private URI buildUri() {
      String base = config.baseUrl.toString();
      StringBuilder sb = new StringBuilder(base.length() + request.path.length() + 32);
      sb.append(base);
      if (sb.charAt(sb.length() - 1) != '/') {
        sb.append('/');
      }
      String path = request.path.startsWith("/") ? request.path.substring(1) : request.path;
      sb.append(config.routing.route(path, model));
      Map<String, java.util.List<String>> query = new LinkedHashMap<>();
      config.defaultQuery.forEach((k, v) -> query.put(k, java.util.List.of(v)));
      query.putAll(request.query);
      options.query().forEach((k, v) -> query.put(k, java.util.List.of(v)));
      char sep = base.indexOf('?') >= 0 ? '&' : '?';
      for (Map.Entry<String, java.util.List<String>> e : query.entrySet()) {
        for (String value : e.getValue()) {
          sb.append(sep).append(encode(e.getKey())).append('=').append(encode(value));
          sep = '&';
        }
      }
      return URI.create(sb.toString());
    }

    HttpRequest httpRequest(int attempt) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        throw new ApiTimeoutException(Timeouts.Kind.CALL, timeouts.call(),
            "the call timeout (" + timeouts.call() + ") expired before attempt " + attempt + " of " + request, null);
      }
      Timeouts t = timeouts;
      deadlineBound = false;
      if (deadlineNanos != Long.MAX_VALUE) {
        Duration left = Duration.ofNanos(remaining);
        for (Timeouts.Kind k : new Timeouts.Kind[] {Timeouts.Kind.RESPONSE, Timeouts.Kind.READ}) {
          Duration v = t.get(k);
          if (v == null || v.compareTo(left) > 0) {
            t = t.with(k, left);
            deadlineBound = true;
          }
        }
      }
      HttpRequest.Builder b = HttpRequest.builder().uri(uri).method(request.method, body).timeouts(t);
      if (config.apiKey != null) {
        if (config.auth == ClientConfig.Auth.BEARER) {
          b.header("Authorization", "Bearer " + config.apiKey);
        } else {
          b.header("api-key", config.apiKey);
        }
      }
      if (config.organization != null) {
        b.header("OpenAI-Organization", config.organization);
      }
      if (config.project != null) {
        b.header("OpenAI-Project", config.project);
      }
      b.header("User-Agent", userAgent);
      b.header("Accept", request.stream ? "text/event-stream" : "application/json");
      if (body != null && body.contentType() != null) {
        b.header("Content-Type", body.contentType());
      }
      if (idempotencyKey != null) {
        b.header("Idempotency-Key", idempotencyKey);
      }
      b.header("X-Conduit-Attempt", Integer.toString(attempt));
      setAll(b, config.defaultHeaders);
      setAll(b, request.headers);
      setAll(b, options.headers());
      return b.build();
    }

    private void setAll(HttpRequest.Builder b, Headers headers) {
      for (Map.Entry<String, java.util.List<String>> e : headers.toMap().entrySet()) {
        b.removeHeader(e.getKey());
        for (String v : e.getValue()) {
          b.addHeader(e.getKey(), v);
        }
      }
    }

    boolean canRetry(int attempt) {
      return attempt <= maxRetries && (body == null || body.isRepeatable());
    }

    Duration retryDelay(Headers headers, int attempt) {
      Duration delay = retry.delay(headers, attempt - 1);
      if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() + delay.toNanos() >= deadlineNanos) {
        throw new ApiTimeoutException(Timeouts.Kind.CALL, timeouts.call(),
            "the call timeout (" + timeouts.call() + ") would expire before retry " + attempt + " of " + request, null);
      }
      return delay;
    }

    OpenAIException failure(IOException e) {
      if (e instanceof TransportTimeoutException) {
        Timeouts.Kind kind = ((TransportTimeoutException) e).kind();
        if (deadlineBound && (kind == Timeouts.Kind.RESPONSE || kind == Timeouts.Kind.READ)) {
          kind = Timeouts.Kind.CALL;
        }
        Duration value = timeouts.get(kind);
        return new ApiTimeoutException(kind, value,
            "the " + kind.label() + " timeout" + (value != null ? " (" + value + ")" : "") + " fired during " + request + ": "
                + e.getMessage(), e);
      }
      if (e instanceof java.net.SocketTimeoutException) {
        return new ApiTimeoutException(Timeouts.Kind.READ, timeouts.read(), "the read timeout fired during " + request + ": " + e.getMessage(), e);
      }
      return new ApiConnectionException("connection failed during " + request + ": " + httpLog.scrub(String.valueOf(e)), e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
