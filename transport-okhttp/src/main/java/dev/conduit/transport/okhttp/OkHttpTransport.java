package dev.conduit.transport.okhttp;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportTimeoutException;
import dev.conduit.transport.okhttp.internal.ConnectionLimiter;
import dev.conduit.transport.okhttp.internal.Conversions;
import dev.conduit.transport.okhttp.internal.Exchange;
import dev.conduit.transport.okhttp.internal.Failures;
import dev.conduit.transport.okhttp.internal.Interceptors;
import dev.conduit.transport.okhttp.internal.Responses;
import dev.conduit.transport.okhttp.internal.Timers;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} on OkHttp 5: OkHttp's connection pool, HTTP/2 over TLS, and everything a
 * configured {@link OkHttpClient} brings (interceptors, proxies, TLS, certificate pinning, DNS).
 *
 * <pre>{@code
 * Transport transport = OkHttpTransport.create(TransportOptions.defaults());
 *
 * // A proxy, certificate pinning and a logging interceptor, all configured on OkHttp's builder:
 * OkHttpClient mine = new OkHttpClient.Builder()
 *     .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.internal", 3128)))
 *     .certificatePinner(new CertificatePinner.Builder()
 *         .add("api.openai.com", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
 *         .build())
 *     .addInterceptor(myLoggingInterceptor)
 *     .build();
 * Transport tuned = OkHttpTransport.create(mine, TransportOptions.defaults());
 * }</pre>
 *
 * <h2>What it supports</h2>
 *
 * <ul>
 *   <li><b>Its own client.</b> {@link #create(TransportOptions)} builds a client whose dispatcher
 *       runs at most {@link TransportOptions#maxConnections()} calls (per host and in all), with a
 *       connection pool keeping as many idle connections for 5 minutes, OkHttp's default protocols
 *       (HTTP/2 negotiated over TLS, HTTP/1.1 otherwise) and redirects followed. Its threads are
 *       daemons and end with {@link #close()}.
 *   <li><b>A client of yours.</b> {@link #create(OkHttpClient, TransportOptions)} sends through a
 *       client derived once from yours with {@link OkHttpClient#newBuilder()}, which shares its
 *       connection pool, dispatcher and everything else, and adds two interceptors of Conduit's
 *       (last among the application and the network interceptors). Your interceptors see every
 *       request. {@link #close()} leaves your client, pool and dispatcher alone.
 *   <li><b>Retries.</b> Conduit retries failed requests itself, so OkHttp's silent retry on another
 *       connection is allowed only for idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE),
 *       where it replaces a kept-alive connection the server closed while idle; a POST is never
 *       resent behind Conduit's back. On a client of yours, this applies only if its {@code
 *       retryOnConnectionFailure} is on.
 *   <li><b>Request bodies</b> are streamed into OkHttp's socket by the body's {@code writeTo}, on
 *       the calling thread for {@link #execute} and on an OkHttp dispatcher thread for {@link
 *       #executeAsync}. A length of -1 is sent chunked, and a body that is not repeatable is
 *       one-shot, so OkHttp never resends it. The media type is the request's {@code Content-Type}
 *       header if set, else the body's content type, and is sent once.
 *   <li><b>Asynchrony is emulated with threads</b>, because OkHttp has none without them: {@link
 *       #executeAsync} enqueues the call on OkHttp's dispatcher, which holds one of its threads per
 *       call until the headers arrive. The body publisher then reads with blocking reads on a reader
 *       thread owned by this transport, only while the subscriber has unmet demand: a stream whose
 *       subscriber is waiting for bytes holds one reader thread, a stream without demand holds
 *       none. Reader threads are daemons, made on demand, and end after 30 s idle.
 * </ul>
 *
 * <h2>Timeouts</h2>
 *
 * Each {@link Timeouts} kind of a request surfaces as a {@link TransportTimeoutException} of that
 * kind, thrown by {@code execute} or by the body stream's {@code read}, or delivered through the
 * future or the body publisher's {@code onError}. The request's values are applied per call through
 * OkHttp's interceptor chain, so no client is built per request.
 *
 * <ul>
 *   <li>{@code connect} is OkHttp's connect timeout for each TCP attempt, and also a deadline,
 *       emulated, for the whole of establishing the connection: DNS, TCP, proxy tunnel and TLS
 *       handshake.
 *   <li>{@code write} is OkHttp's write timeout: the longest a single socket write may block.
 *   <li>{@code response} is emulated: it runs from the end of the request to the response headers
 *       and cancels the call when it fires.
 *   <li>{@code read} is OkHttp's read timeout on the body source: the longest a read waits for the
 *       next bytes. It runs only while a read is waiting, so a consumer that is merely slow (or a
 *       subscriber without demand) never trips it.
 *   <li>{@code pool} is emulated by a per-transport limit of {@link
 *       TransportOptions#maxConnections()} concurrent exchanges (OkHttp has no wait for a
 *       connection): a request waiting longer than the timeout for one to end fails. On the
 *       asynchronous path the wait holds no thread, and what is left of the timeout also bounds the
 *       wait in OkHttp's dispatcher queue (which matters with a client of yours whose dispatcher
 *       allows fewer calls).
 *   <li>{@code call} is left to Conduit's core.
 * </ul>
 *
 * Emulated timeouts share one daemon timer thread per JVM.
 *
 * <h2>Resources</h2>
 *
 * Closing a response, or cancelling its body subscription, before the body ends cancels the call,
 * which closes its connection at once. Headers OkHttp manages itself ({@code Connection}, {@code
 * Content-Length}, {@code Host}, {@code Keep-Alive}, {@code Proxy-Connection}, {@code
 * Transfer-Encoding}, {@code Upgrade}, and {@code Expect} other than {@code 100-continue} with a
 * body) are dropped rather than sent. Instances are thread-safe; share one.
 */
public final class OkHttpTransport implements Transport {
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final boolean mayRetry;
  private final ConnectionLimiter limiter;
  private final Set<Exchange> active = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private @Nullable ExecutorService readers; // guarded by lock
  private volatile boolean closed;

  private OkHttpTransport(OkHttpClient base, boolean ownsClient, TransportOptions options) {
    OkHttpClient.Builder b = base.newBuilder();
    if (!base.interceptors().contains(Interceptors.APPLICATION)) {
      b.addInterceptor(Interceptors.APPLICATION);
    }
    if (!base.networkInterceptors().contains(Interceptors.NETWORK)) {
      b.addNetworkInterceptor(Interceptors.NETWORK);
    }
    this.client = b.build();
    this.ownsClient = ownsClient;
    this.mayRetry = ownsClient || base.retryOnConnectionFailure();
    this.limiter = new ConnectionLimiter(options.maxConnections());
  }

  /**
   * Returns a transport on a new OkHttp client: a dispatcher and a connection pool sized by {@link
   * TransportOptions#maxConnections()}, the connect, read and write timeouts of {@code options} as
   * client defaults, OkHttp's own silent retries off (see the class documentation for the
   * idempotent exception), redirects followed, the JVM's default TLS and proxy settings.
   */
  public static OkHttpTransport create(TransportOptions options) {
    Objects.requireNonNull(options, "options == null");
    int max = options.maxConnections();
    ExecutorService dispatcherThreads =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons("conduit-okhttp-dispatcher-"));
    Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
    dispatcher.setMaxRequests(max);
    dispatcher.setMaxRequestsPerHost(max);
    Timeouts t = options.timeouts();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(max, 5, TimeUnit.MINUTES))
            .connectTimeout(Timers.millis(t.connect()), TimeUnit.MILLISECONDS)
            .readTimeout(Timers.millis(t.read()), TimeUnit.MILLISECONDS)
            .writeTimeout(Timers.millis(t.write()), TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false)
            .build();
    return new OkHttpTransport(client, true, options);
  }

  /**
   * Returns a transport that sends through {@code client}, with its interceptors, proxy, TLS,
   * dispatcher and connection pool. Each request's own timeouts replace the client's connect, read
   * and write timeouts for that call; {@code options} sets the limit of concurrent exchanges that
   * emulates the pool timeout. The client is not modified, and {@link #close()} does not shut it
   * down.
   */
  public static OkHttpTransport create(OkHttpClient client, TransportOptions options) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(options, "options == null");
    return new OkHttpTransport(client, false, options);
  }

  /**
   * Returns the OkHttp client this transport sends through: the one it built, or one derived from
   * the caller's, with Conduit's two interceptors added. They ignore requests not sent by a
   * transport, so the client may be used for other calls too.
   */
  public OkHttpClient okHttpClient() {
    return client;
  }

  /**
   * Sends {@code request} and blocks until the response headers arrive; the calling thread writes
   * the request body.
   *
   * @throws TransportTimeoutException if the connect, pool, write or response timeout fired
   * @throws IOException if the connection failed or the request body could not be written
   * @throws IllegalStateException if this transport is closed
   * @throws IllegalArgumentException if the URI is not http(s), or a header value holds a control
   *     or non-ASCII character
   */
  @Override
  public HttpResponse execute(HttpRequest request) throws IOException {
    Objects.requireNonNull(request, "request == null");
    checkOpen();
    ConnectionLimiter.Permit permit = limiter.acquireBlocking(request.timeouts().pool());
    Exchange exchange = newExchange(request, permit);
    Call call;
    try {
      call = client.newCall(Conversions.toOkHttp(request, exchange));
    } catch (RuntimeException e) {
      exchange.finish();
      throw e;
    }
    exchange.call(call);
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      exchange.finish();
      throw Failures.forCaller(exchange.callFailure(e));
    } catch (RuntimeException | Error e) {
      exchange.finish();
      throw e;
    }
    IOException late = exchange.failure();
    if (late != null) {
      discard(response, exchange);
      throw Failures.forCaller(late);
    }
    return Responses.blocking(response, exchange);
  }

  /**
   * Sends {@code request} without blocking. The future completes at the response headers, or
   * exceptionally with the exceptions {@link #execute} throws. Cancelling it before then aborts the
   * exchange (or leaves the queue for a connection). Futures complete on an OkHttp dispatcher
   * thread, or on Conduit's timer thread for an emulated timeout: do not block in dependent stages.
   */
  @Override
  public CompletableFuture<AsyncHttpResponse> executeAsync(HttpRequest request) {
    Objects.requireNonNull(request, "request == null");
    CompletableFuture<AsyncHttpResponse> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new IllegalStateException("the transport is closed"));
      return result;
    }
    long start = System.nanoTime();
    CompletableFuture<ConnectionLimiter.Permit> permit = limiter.acquire(request.timeouts().pool());
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            permit.cancel(false);
          }
        });
    permit.whenComplete(
        (p, e) -> {
          if (e != null) {
            result.completeExceptionally(Failures.unwrap(e));
          } else if (result.isDone()) {
            p.release();
          } else {
            startAsync(request, p, start, result);
          }
        });
    return result;
  }

  private void startAsync(
      HttpRequest request,
      ConnectionLimiter.Permit permit,
      long start,
      CompletableFuture<AsyncHttpResponse> result) {
    Exchange exchange = newExchange(request, permit);
    exchange.onEarlyFailure(result::completeExceptionally);
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            exchange.fail(new IOException("the call was cancelled"));
          }
        });
    Call call;
    try {
      call = client.newCall(Conversions.toOkHttp(request, exchange));
    } catch (RuntimeException e) {
      exchange.finish();
      result.completeExceptionally(e);
      return;
    }
    exchange.call(call);
    Duration pool = request.timeouts().pool();
    if (pool != null) {
      exchange.dispatched(pool, Timers.nanos(pool) - (System.nanoTime() - start));
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            exchange.finish();
            result.completeExceptionally(exchange.callFailure(e));
          }

          @Override
          public void onResponse(Call c, Response response) {
            IOException late = exchange.failure();
            if (late != null) {
              discard(response, exchange);
              result.completeExceptionally(late);
              return;
            }
            AsyncHttpResponse r = Responses.async(response, exchange, OkHttpTransport.this::read);
            if (!result.complete(r)) {
              r.discard();
            }
          }
        });
  }

  private Exchange newExchange(HttpRequest request, ConnectionLimiter.Permit permit) {
    boolean retry = mayRetry && Conversions.isIdempotent(request.method());
    Exchange exchange =
        new Exchange(
            request.timeouts(),
            retry,
            e -> {
              active.remove(e);
              permit.release();
            });
    active.add(exchange);
    if (closed) {
      exchange.fail(closedException());
    }
    return exchange;
  }

  private static void discard(Response response, Exchange exchange) {
    exchange.abort();
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // Cancelled; nothing more to release.
    } finally {
      exchange.finish();
    }
  }

  /** Runs a body read task on this transport's reader threads. */
  private void read(Runnable task) {
    ExecutorService r;
    synchronized (lock) {
      if (closed) {
        throw new RejectedExecutionException("the transport was closed");
      }
      r = readers;
      if (r == null) {
        r = readers =
            new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons("conduit-okhttp-body-"));
      }
    }
    r.execute(task);
  }

  /**
   * Aborts the exchanges in flight and stops the body reader threads. For a client this transport
   * built, it also shuts down the dispatcher's threads and evicts the pooled connections; a client
   * handed in is left as it is. Idempotent.
   */
  @Override
  public void close() {
    ExecutorService r;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      r = readers;
    }
    IOException cause = closedException();
    for (Exchange e : active) {
      e.fail(cause);
    }
    if (r != null) {
      r.shutdown();
    }
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "OkHttpTransport{inFlight=" + active.size() + ", maxConnections=" + limiter.max() + "}";
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the transport is closed");
    }
  }

  private static IOException closedException() {
    return new IOException("the transport was closed");
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
