package dev.conduit.transport.jdk;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportTimeoutException;
import dev.conduit.transport.jdk.internal.ClientExecutor;
import dev.conduit.transport.jdk.internal.ConnectionLimiter;
import dev.conduit.transport.jdk.internal.Conversions;
import dev.conduit.transport.jdk.internal.Exchange;
import dev.conduit.transport.jdk.internal.RequestBodyPublisher;
import dev.conduit.transport.jdk.internal.ResponseBody;
import dev.conduit.transport.jdk.internal.Responses;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} on the JDK's {@link HttpClient}: no dependencies beyond the JDK, and natively
 * asynchronous.
 *
 * <pre>{@code
 * Transport transport = JdkTransport.create(TransportOptions.defaults());
 *
 * // HTTP/2, a proxy and a custom trust store, all configured on the JDK's own builder:
 * Transport tuned = JdkTransport.create(
 *     HttpClient.newBuilder()
 *         .version(HttpClient.Version.HTTP_2)
 *         .proxy(ProxySelector.of(new InetSocketAddress("proxy.internal", 3128)))
 *         .sslContext(mySslContext),
 *     TransportOptions.defaults());
 * }</pre>
 *
 * <h2>What it supports</h2>
 *
 * <ul>
 *   <li><b>Protocols.</b> A client this class builds itself speaks HTTP/1.1 only: that is
 *       predictable against plain-HTTP local servers (Ollama, vLLM, LM Studio), where the JDK's
 *       default of HTTP/2 would first attempt an {@code h2c} upgrade on every new connection. For
 *       HTTP/2 hand in a builder with {@code version(HTTP_2)}; TLS servers then negotiate it by ALPN.
 *   <li><b>TLS, proxies, authentication, executors</b> are configured on a user-supplied {@link
 *       HttpClient.Builder} ({@code sslContext}, {@code sslParameters}, {@code proxy}, {@code
 *       authenticator}, {@code executor}) passed to {@link #create(HttpClient.Builder,
 *       TransportOptions)}.
 *   <li><b>Native asynchrony.</b> {@link #executeAsync} rides on {@link HttpClient#sendAsync}: no
 *       thread is held per exchange while waiting for headers or streaming a response body, whose
 *       publisher honours demand down to the socket. (A request body of unknown length or larger
 *       than 64 KiB is written by the body's blocking {@code writeTo} on a pooled writer thread for
 *       as long as it is being sent; smaller ones are written to memory on the calling thread.)
 *   <li><b>The blocking path</b> uses the JDK's {@code send} for requests whose body is in memory
 *       (the usual JSON call), which runs the exchange inline on the calling thread; a large or
 *       unsized body goes the asynchronous way and the calling thread writes it. Timeouts and
 *       aborts behave the same on every path.
 * </ul>
 *
 * <h2>Timeouts</h2>
 *
 * Each {@link Timeouts} kind of a request surfaces as a {@link TransportTimeoutException} of that
 * kind, thrown by {@code execute} or by the body stream's {@code read}, or delivered through the
 * future or the body publisher's {@code onError}.
 *
 * <ul>
 *   <li>{@code connect} is a client-wide setting of the JDK client: the value from {@link
 *       TransportOptions} is applied to the client builder (also to a user-supplied one, replacing
 *       any connect timeout set on it). A per-request connect timeout cannot be expressed to the
 *       JDK client and is ignored.
 *   <li>{@code response} is the JDK request timeout. The JDK starts that clock when the exchange
 *       starts, so it also covers establishing the connection.
 *   <li>{@code read} is emulated: it fires when the consumer has been waiting for body bytes longer
 *       than the timeout (a blocked {@code read}, or unmet publisher demand). A consumer that is
 *       merely slow never trips it.
 *   <li>{@code write} is emulated: it fires when request body bytes have been waiting to be sent
 *       longer than the timeout because the peer stopped reading.
 *   <li>{@code pool} is emulated by a per-transport limit of {@link
 *       TransportOptions#maxConnections()} concurrent exchanges (the JDK client has no connection
 *       limit of its own): a request waiting longer than the timeout for one to end fails. Waiting
 *       on the asynchronous path holds no thread. With HTTP/2 the limit counts streams.
 *   <li>{@code call} is left to Conduit's core.
 * </ul>
 *
 * Emulated timeouts share one daemon timer thread per JVM; no thread is started per exchange.
 *
 * <h2>Threads</h2>
 *
 * A transport from {@link #create(TransportOptions)} uses the JDK client's selector thread, a
 * worker pool sized to the cores, and, only while an asynchronous request body of unknown or large
 * size is being written, one writer thread per such upload. Response callbacks, body subscribers'
 * {@code onNext} and the completion of futures run on the workers and must not block. (On a machine
 * with two cores or fewer, {@code java.net.http} itself completes the future of every {@code
 * sendAsync} through {@code CompletableFuture}'s thread-per-task fallback executor, because the
 * common pool has a parallelism of 1 there: each exchange then briefly starts one short-lived
 * thread. Conduit does not wait on that future, but cannot stop the JDK from starting the thread;
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2} avoids it. The blocking path
 * avoids it by using {@code send}.)
 *
 * <h2>Resources</h2>
 *
 * Closing a response, or cancelling its body subscription, before the body ends aborts the
 * exchange and closes its connection. Headers the JDK client refuses to accept from callers
 * ({@code Connection}, {@code Content-Length}, {@code Expect}, {@code Host}, {@code Upgrade}) are
 * dropped rather than failing the request; the client derives them itself ({@code Expect:
 * 100-continue} turns on its expect-continue support). Instances are thread-safe; share one.
 */
public final class JdkTransport implements Transport {
  private final HttpClient client;
  private final @Nullable ClientExecutor ownedExecutor;
  private final Executor callbacks;
  private final ConnectionLimiter limiter;
  private final Set<Exchange> active = ConcurrentHashMap.newKeySet();
  private final Object writersLock = new Object();
  private @Nullable ExecutorService bodyWriters; // guarded by writersLock
  private volatile boolean closed;

  private JdkTransport(
      HttpClient.Builder builder, TransportOptions options, @Nullable ClientExecutor ownedExecutor) {
    Duration connect = options.timeouts().connect();
    if (connect != null) {
      builder.connectTimeout(connect);
    }
    this.client = builder.build();
    this.ownedExecutor = ownedExecutor;
    this.callbacks = client.executor().orElse(ForkJoinPool.commonPool());
    this.limiter = new ConnectionLimiter(options.maxConnections(), callbacks);
  }

  /**
   * Returns a transport on a new HTTP/1.1 client with the connect timeout of {@code options}, no
   * redirects followed, the JVM's default TLS context and proxy settings, and a small executor
   * sized to the cores (a few threads serve thousands of concurrent exchanges).
   *
   * @param options the client-wide timeouts and connection limit
   * @return a new transport; {@linkplain #close() close} it when done
   */
  public static JdkTransport create(TransportOptions options) {
    Objects.requireNonNull(options, "options == null");
    ClientExecutor executor = new ClientExecutor();
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor);
    return new JdkTransport(builder, options, executor);
  }

  /**
   * Returns a transport on a client built from {@code builder}, which carries the caller's TLS,
   * proxy, authenticator, executor, redirect and protocol settings. The connect timeout of {@code
   * options} is applied to {@code builder} (the builder cannot be read back, so it always wins); the
   * builder is otherwise used as it is, and may be reused by the caller afterwards.
   *
   * <p>Set an {@linkplain HttpClient.Builder#executor executor} on it when many exchanges run at
   * once: without one the JDK uses an unbounded cached thread pool, which starts a thread for each
   * callback that finds all others busy (hundreds, with thousands of concurrent streams). The
   * executor runs response callbacks, including body subscribers' {@code onNext}, which must not
   * block. This transport never shuts a caller's executor down.
   *
   * @param builder the caller's client configuration
   * @param options the client-wide timeouts and connection limit; its connect timeout is set on
   *     {@code builder}
   * @return a new transport; {@linkplain #close() close} it when done
   */
  public static JdkTransport create(HttpClient.Builder builder, TransportOptions options) {
    Objects.requireNonNull(builder, "builder == null");
    Objects.requireNonNull(options, "options == null");
    return new JdkTransport(builder, options, null);
  }

  /**
   * Returns the JDK client this transport sends through, for inspection (version, TLS
   * parameters, proxy). Requests sent on it directly bypass this transport's limits and timeouts.
   *
   * @return the client
   */
  public HttpClient httpClient() {
    return client;
  }

  /**
   * Sends {@code request} and blocks until the response headers arrive; the calling thread writes
   * the request body. Interrupting the thread aborts the exchange with an {@link
   * InterruptedIOException}.
   *
   * @param request the request; its {@linkplain HttpRequest#timeouts() timeouts} apply
   * @return the response; close it, which before the end of the body aborts the exchange
   * @throws TransportTimeoutException if the connect, pool, write or response timeout fired
   * @throws IOException if the connection failed or the request body could not be written
   * @throws IllegalStateException if this transport is closed
   * @throws IllegalArgumentException if the JDK client rejects the URI, method or a header value
   */
  @Override
  public HttpResponse execute(HttpRequest request) throws IOException {
    Objects.requireNonNull(request, "request == null");
    checkOpen();
    Prepared prepared = prepare(request);
    Exchange exchange = newExchange(limiter.acquireBlocking(request.timeouts().pool()));
    RequestBodyPublisher publisher = prepared.publisher;
    if (publisher == null || prepared.buffered) {
      return sendBlocking(request, prepared, exchange);
    }
    // A streamed upload: the JDK pulls it through the asynchronous path while this thread writes it.
    CompletableFuture<Head> future;
    try {
      exchange.requestBody(publisher);
      future = send(request, prepared.jdkRequest, exchange);
    } catch (RuntimeException e) {
      exchange.finish();
      throw e;
    }
    publisher.writeBody();
    try {
      Head head = future.get();
      return Responses.blocking(head.status, head.headers, head.body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException ie = new InterruptedIOException("interrupted while waiting for the response");
      exchange.fail(ie);
      throw ie;
    } catch (ExecutionException | CancellationException e) {
      IOException recorded = exchange.failure();
      throw forCaller(recorded != null ? recorded : Conversions.unwrap(e));
    }
  }

  /**
   * The blocking path for a request with no body or a body already in memory: the JDK's own {@code
   * send}, which runs the exchange inline on the calling thread until it must wait for the socket.
   * Unlike {@code sendAsync}, it does not complete its future through {@code CompletableFuture}'s
   * default executor, which on machines with two cores or fewer starts a new thread per exchange
   * (measured: about a sevenfold cost per call). {@link Exchange#fail} aborts it by interrupting the
   * caller, who then throws the recorded failure with its interrupt status cleared.
   */
  private HttpResponse sendBlocking(HttpRequest request, Prepared prepared, Exchange exchange) throws IOException {
    Duration readTimeout = request.timeouts().read();
    java.net.http.HttpResponse<ResponseBody> response;
    try {
      if (prepared.publisher != null) {
        exchange.requestBody(prepared.publisher);
      }
      exchange.callerWaiting(Thread.currentThread());
      try {
        response =
            client.send(
                prepared.jdkRequest,
                info -> {
                  ResponseBody body = new ResponseBody(exchange, readTimeout);
                  exchange.responseBody(body);
                  return body;
                });
      } finally {
        if (exchange.callerDone()) {
          Thread.interrupted(); // the interrupt was the abort's, not the caller's
        }
      }
    } catch (InterruptedException e) {
      IOException recorded = exchange.failure();
      if (recorded == null) {
        Thread.currentThread().interrupt();
        InterruptedIOException ie = new InterruptedIOException("interrupted while waiting for the response");
        exchange.fail(ie);
        recorded = ie;
      }
      exchange.finish();
      throw forCaller(recorded);
    } catch (IOException | RuntimeException e) {
      exchange.finish();
      throw forCaller(Conversions.mapFailure(e, exchange, client, request));
    }
    return Responses.blocking(response.statusCode(), Conversions.toHeaders(response.headers()), response.body());
  }

  /**
   * Sends {@code request} without blocking. The future completes at the response headers, or
   * exceptionally with the exceptions {@link #execute} throws. Cancelling it before then aborts the
   * exchange (or leaves the queue for a connection). Futures complete, and body subscribers are
   * called, on the JDK client's executor (the common pool for timeouts when the client has the
   * JDK's default executor): do not block in dependent stages or in {@code onNext}.
   *
   * @param request the request; its {@linkplain HttpRequest#timeouts() timeouts} apply
   * @return a future of the response; subscribe to its body or {@linkplain
   *     AsyncHttpResponse#discard() discard} it
   */
  @Override
  public CompletableFuture<AsyncHttpResponse> executeAsync(HttpRequest request) {
    Objects.requireNonNull(request, "request == null");
    CompletableFuture<AsyncHttpResponse> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new IllegalStateException("the transport is closed"));
      return result;
    }
    Prepared prepared;
    try {
      prepared = prepare(request);
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
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
            result.completeExceptionally(Conversions.unwrap(e));
          } else if (result.isDone()) {
            p.release();
          } else {
            startAsync(request, prepared, newExchange(p), result);
          }
        });
    return result;
  }

  private void startAsync(
      HttpRequest request, Prepared prepared, Exchange exchange, CompletableFuture<AsyncHttpResponse> result) {
    RequestBodyPublisher publisher = prepared.publisher;
    CompletableFuture<Head> future;
    try {
      if (publisher != null) {
        exchange.requestBody(publisher);
      }
      future = send(request, prepared.jdkRequest, exchange);
    } catch (RuntimeException e) {
      exchange.finish();
      result.completeExceptionally(e);
      return;
    }
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            exchange.fail(new IOException("the call was cancelled"));
          }
        });
    if (publisher != null && !prepared.buffered) {
      try {
        bodyWriters().execute(publisher::writeBody);
      } catch (RejectedExecutionException e) {
        exchange.fail(new IOException("the transport was closed", e));
      }
    }
    future.whenComplete(
        (head, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
            return;
          }
          AsyncHttpResponse response = Responses.async(head.status, head.headers, head.body);
          if (!result.complete(response)) {
            response.discard();
          }
        });
  }

  /**
   * Starts the exchange. The returned future completes when the headers arrive, from the JDK's body
   * handler and so on the client's executor, or exceptionally with the failure mapped to what the
   * SPI promises. The future {@code sendAsync} returns is used only for failures before the
   * headers: the JDK completes it through {@code CompletableFuture}'s default executor, one hop
   * later, and on machines with two cores or fewer on a new thread.
   */
  private CompletableFuture<Head> send(
      HttpRequest request, java.net.http.HttpRequest jdkRequest, Exchange exchange) {
    CompletableFuture<Head> head = new CompletableFuture<>();
    Duration readTimeout = request.timeouts().read();
    CompletableFuture<java.net.http.HttpResponse<ResponseBody>> future =
        client.sendAsync(
            jdkRequest,
            info -> {
              ResponseBody body = new ResponseBody(exchange, readTimeout);
              exchange.responseBody(body);
              head.complete(new Head(info.statusCode(), Conversions.toHeaders(info.headers()), body));
              return body;
            });
    exchange.jdkFuture(future);
    future.whenComplete(
        (r, e) -> {
          if (e != null) {
            exchange.finish();
            head.completeExceptionally(Conversions.mapFailure(e, exchange, client, request));
          }
        });
    return head;
  }

  /**
   * Writes a small body to memory and builds the JDK request, on the calling thread and before
   * waiting for a connection, so a request the JDK rejects fails at once.
   */
  private static Prepared prepare(HttpRequest request) throws IOException {
    RequestBody body = request.body();
    RequestBodyPublisher publisher = null;
    boolean buffered = false;
    if (body != null) {
      List<ByteBuffer> chunks = null;
      if (RequestBodyPublisher.isBufferable(body)) {
        chunks = RequestBodyPublisher.buffer(body);
        buffered = true;
      }
      publisher = new RequestBodyPublisher(body, chunks, request.timeouts().write());
    }
    return new Prepared(Conversions.toJdk(request, publisher), publisher, buffered);
  }

  /** A request ready to send. */
  private static final class Prepared {
    final java.net.http.HttpRequest jdkRequest;
    final @Nullable RequestBodyPublisher publisher;
    final boolean buffered;

    Prepared(java.net.http.HttpRequest jdkRequest, @Nullable RequestBodyPublisher publisher, boolean buffered) {
      this.jdkRequest = jdkRequest;
      this.publisher = publisher;
      this.buffered = buffered;
    }
  }

  /** A response whose headers have arrived. */
  private static final class Head {
    final int status;
    final dev.conduit.http.Headers headers;
    final ResponseBody body;

    Head(int status, dev.conduit.http.Headers headers, ResponseBody body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }
  }

  private Exchange newExchange(ConnectionLimiter.Permit permit) {
    Exchange exchange =
        new Exchange(
            e -> {
              active.remove(e);
              permit.release();
            },
            callbacks);
    active.add(exchange);
    if (closed) {
      exchange.fail(closedException());
    }
    return exchange;
  }

  private ExecutorService bodyWriters() {
    synchronized (writersLock) {
      if (closed) {
        throw new RejectedExecutionException("the transport was closed");
      }
      ExecutorService w = bodyWriters;
      if (w == null) {
        AtomicInteger n = new AtomicInteger();
        w =
            bodyWriters =
                new ThreadPoolExecutor(
                    0,
                    Integer.MAX_VALUE,
                    30,
                    TimeUnit.SECONDS,
                    new SynchronousQueue<>(),
                    r -> {
                      Thread t = new Thread(r, "conduit-jdk-body-writer-" + n.incrementAndGet());
                      t.setDaemon(true);
                      return t;
                    });
      }
      return w;
    }
  }

  /**
   * Aborts the exchanges in flight, stops the request body writer threads and the executor this
   * transport created (never a caller's) and, on Java 21 and later, shuts the JDK client down. On Java 17 the client's selector thread ends once the client
   * is no longer referenced. Idempotent.
   */
  @Override
  public void close() {
    ExecutorService writers;
    synchronized (writersLock) {
      if (closed) {
        return;
      }
      closed = true;
      writers = bodyWriters;
    }
    IOException cause = closedException();
    for (Exchange e : active) {
      e.fail(cause);
    }
    if (writers != null) {
      writers.shutdownNow();
    }
    if (ownedExecutor != null) {
      ownedExecutor.close();
    }
    if (client instanceof AutoCloseable) { // Java 21+
      try {
        HttpClient.class.getMethod("shutdownNow").invoke(client);
      } catch (ReflectiveOperationException | RuntimeException ignored) {
        // Nothing more to release.
      }
    }
  }

  @Override
  public String toString() {
    return "JdkTransport{" + client.version() + ", inFlight=" + active.size() + "}";
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the transport is closed");
    }
  }

  private static IOException closedException() {
    return new IOException("the transport was closed");
  }

  /** Rethrows a failure from another thread on the caller's, keeping its type and cause. */
  private static IOException forCaller(Throwable t) {
    if (t instanceof TransportTimeoutException) {
      TransportTimeoutException e = (TransportTimeoutException) t;
      TransportTimeoutException copy = new TransportTimeoutException(e.kind(), e.getMessage());
      copy.initCause(e);
      return copy;
    }
    if (t instanceof IOException) {
      return (IOException) t;
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new IOException(t);
  }
}
