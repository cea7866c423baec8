package dev.conduit.transport.netty;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportTimeoutException;
import dev.conduit.transport.netty.internal.Engine;
import dev.conduit.transport.netty.internal.NettyVersions;
import dev.conduit.transport.netty.internal.ProxyConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} on Netty 4.2: HTTP/1.1 over pooled keep-alive connections, TLS through a Netty
 * {@link SslContext}, HTTP proxies, and a natively non-blocking asynchronous path.
 *
 * <pre>{@code
 * Transport transport = NettyTransport.create(TransportOptions.defaults());
 *
 * // Your own event loops and trust store, through a proxy:
 * Transport tuned = NettyTransport.builder()
 *     .options(TransportOptions.defaults().withMaxConnections(16))
 *     .eventLoopGroup(myGroup)                         // not closed by the transport
 *     .sslContext(SslContextBuilder.forClient().trustManager(myCaFile).build())
 *     .proxy("proxy.internal", 3128)
 *     .proxyCredentials("user", "secret")
 *     .build();
 * }</pre>
 *
 * <h2>What it supports</h2>
 *
 * <ul>
 *   <li><b>Connections.</b> Keep-alive connections are pooled per scheme, host and port, at most
 *       {@link TransportOptions#maxConnections()} open to each host. A request that finds none
 *       free waits in a queue, holding no thread, for at most its {@code pool} timeout. A response
 *       read to its end returns its connection to the pool; one closed, cancelled or timed out
 *       before its end closes it. A request that fails on a reused connection the server had
 *       already closed, before any response byte arrived, is sent again on a new connection if its
 *       body can be replayed. Idle connections are closed after 5 minutes.
 *   <li><b>TLS.</b> By default a client context from Netty's JDK provider and the JVM's trust
 *       store; hand in any client {@link SslContext} for other trust or key material. SNI is sent
 *       and the server's host name is always verified ({@code HTTPS} endpoint identification is
 *       set on every engine, also of a user's context).
 *   <li><b>Proxies.</b> {@code https} requests are tunnelled with {@code CONNECT}; {@code http}
 *       requests are sent to the proxy in absolute form. Basic credentials are sent as {@code
 *       Proxy-Authorization}.
 *   <li><b>Bodies.</b> A request body of known length is sent with {@code Content-Length}, one of
 *       unknown length ({@code -1}) chunked. The transport asks for {@code gzip} unless the
 *       request sets its own {@code Accept-Encoding}, and then decompresses transparently (removing
 *       {@code Content-Encoding} and {@code Content-Length} from the response headers); with the
 *       caller's own {@code Accept-Encoding} the bytes arrive as sent. Headers the transport
 *       derives itself ({@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code
 *       Connection}, {@code Upgrade} and other hop-by-hop fields) are dropped from requests.
 *   <li><b>Native asynchrony.</b> {@link #executeAsync} holds no thread per exchange: the channel
 *       reads (auto-read is off) only while the body subscriber has unmet demand, so a slow
 *       subscriber slows the socket, and the publisher never signals more {@code onNext} than
 *       requested. Thousands of concurrent streams run on the two event loop threads.
 *   <li><b>The blocking path</b> is built on the same machinery; its body is an {@link
 *       java.io.InputStream} that requests data only while a reader waits in {@code read}.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * User code never runs on an event loop thread. Futures of {@link #executeAsync} complete, and body
 * subscribers are signalled, on the callback executor: a pool of at most {@code 2 × cores} (2 to 8)
 * daemon threads named {@code conduit-netty-callback-*}, or the executor given to {@link
 * Builder#callbackExecutor}. Signals to one subscriber never overlap. A request body's blocking
 * {@link dev.conduit.http.RequestBody#writeTo writeTo} runs on the caller's thread for {@link
 * #execute}; for {@link #executeAsync}, a body of unknown length or over 64 KiB is written on a
 * {@code conduit-netty-body-writer-*} thread for as long as it is being sent, and a smaller one is
 * written to memory on the calling thread. Host names are resolved on at most two {@code
 * conduit-netty-resolver-*} threads. The transport's own event loops are {@code min(2, cores)}
 * daemon threads named {@code conduit-netty-*}. Idle pool threads end after 30 s.
 *
 * <h2>Timeouts</h2>
 *
 * Each timeout of a request's {@link Timeouts} (unset ones taken from the options) surfaces as a
 * {@link TransportTimeoutException} of that kind, thrown by {@code execute} or by the body stream's
 * {@code read}, or delivered through the future or the body's {@code onError}; its message names
 * the kind and the duration in milliseconds.
 *
 * <ul>
 *   <li>{@code connect}: DNS, TCP, the proxy tunnel and the TLS handshake together;
 *   <li>{@code pool}: waiting for a connection when the host is at its limit;
 *   <li>{@code write}: the request waiting longer than this to be sent because the server stopped
 *       reading;
 *   <li>{@code response}: from the request being sent to the response headers arriving;
 *   <li>{@code read}: the subscriber (or a blocked {@code read}) waiting longer than this for body
 *       bytes; a consumer that is merely slow never trips it;
 *   <li>{@code call} is left to Conduit's core.
 * </ul>
 *
 * All timers run on the event loops; no thread waits for them.
 *
 * <h2>Resources</h2>
 *
 * Close every {@link HttpResponse}, and subscribe to or {@link AsyncHttpResponse#discard() discard}
 * every asynchronous body. {@link #close()} aborts what is in flight, closes every connection and
 * stops the threads the transport owns; an event loop group or executor handed in is left running.
 * Instances are thread-safe; share one.
 *
 * <p>On creation the transport checks that every Netty artifact on the class path is of one 4.2.x
 * version and throws a {@link ConfigurationException} naming them otherwise.
 */
public final class NettyTransport implements Transport {
  private final Engine engine;
  private final String description;

  private NettyTransport(Engine engine, String description) {
    this.engine = engine;
    this.description = description;
  }

  /**
   * Returns a transport with its own event loops, the default TLS context, no proxy, and the
   * timeouts and connection limit of {@code options}.
   *
   * @param options the default timeouts and the per-host connection limit
   * @return a new transport; close it when done
   * @throws ConfigurationException if the Netty artifacts on the class path are not all of one
   *     4.2.x version
   */
  public static NettyTransport create(TransportOptions options) {
    return builder().options(options).build();
  }

  /**
   * Returns a builder for a transport with a user's event loops, TLS context or proxy.
   *
   * @return a new builder with the defaults of {@link #create}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends {@code request} and blocks until the response headers arrive; the calling thread writes a
   * streamed request body. Interrupting the thread aborts the exchange with an {@link
   * InterruptedIOException}.
   *
   * @throws TransportTimeoutException if the connect, pool, write or response timeout fired
   * @throws IOException if the connection failed or the request body could not be written
   * @throws IllegalArgumentException if the URI is not absolute {@code http} or {@code https}, the
   *     method is {@code CONNECT}, or a header value holds control characters
   * @throws IllegalStateException if this transport is closed, or the caller is one of its event
   *     loop threads (which must never block)
   */
  @Override
  public HttpResponse execute(HttpRequest request) throws IOException {
    Objects.requireNonNull(request, "request == null");
    return engine.execute(request);
  }

  /**
   * Sends {@code request} without blocking. The future completes on the callback executor at the
   * response headers, or exceptionally with the exceptions {@link #execute} throws. Cancelling it
   * before then aborts the exchange (or leaves the queue for a connection).
   */
  @Override
  public CompletableFuture<AsyncHttpResponse> executeAsync(HttpRequest request) {
    Objects.requireNonNull(request, "request == null");
    return engine.executeAsync(request);
  }

  /**
   * Aborts the exchanges in flight, closes every connection, and stops the threads this transport
   * owns, waiting a few seconds at most for its event loops to end. Idempotent.
   */
  @Override
  public void close() {
    engine.close();
  }

  /** Returns the number of open connections, idle or busy, for this package's tests. */
  int openConnections() {
    return engine.pool().openConnections();
  }

  /** Returns the number of idle pooled connections, for this package's tests. */
  int idleConnections() {
    return engine.pool().idleConnections();
  }

  @Override
  public String toString() {
    return "NettyTransport{" + description + ", open=" + engine.pool().openConnections()
        + ", idle=" + engine.pool().idleConnections() + ", inFlight=" + engine.inFlight() + "}";
  }

  /** Configures a {@link NettyTransport}. Not thread-safe. */
  public static final class Builder {
    private TransportOptions options = TransportOptions.defaults();
    private int maxConnections = -1;
    private @Nullable EventLoopGroup eventLoopGroup;
    private @Nullable SslContext sslContext;
    private @Nullable String proxyHost;
    private int proxyPort;
    private @Nullable String proxyUser;
    private @Nullable String proxyPassword;
    private @Nullable Executor callbackExecutor;

    private Builder() {}

    /**
     * Sets the default timeouts and the per-host connection limit; default {@link
     * TransportOptions#defaults()}.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(TransportOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Overrides the options' limit of open connections per host.
     *
     * @param maxConnections the most connections open to one host at a time
     * @return this builder
     * @throws IllegalArgumentException if {@code maxConnections < 1}
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections < 1: " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Runs connections on {@code group}, which must be able to run NIO channels (a {@code
     * MultiThreadIoEventLoopGroup} with {@code NioIoHandler}, or an {@code NioEventLoopGroup}). The
     * transport never shuts it down.
     *
     * @param group the event loops to run connections on
     * @return this builder
     */
    public Builder eventLoopGroup(EventLoopGroup group) {
      this.eventLoopGroup = Objects.requireNonNull(group, "group == null");
      return this;
    }

    /**
     * Uses {@code sslContext} for {@code https}. Host name verification is enabled on every engine
     * it creates, whatever the context says.
     *
     * @param sslContext a client context, e.g. from {@code SslContextBuilder.forClient()}
     * @return this builder
     * @throws IllegalArgumentException if {@code sslContext} is a server context
     */
    public Builder sslContext(SslContext sslContext) {
      Objects.requireNonNull(sslContext, "sslContext == null");
      if (!sslContext.isClient()) {
        throw new IllegalArgumentException("sslContext is a server context; build one with SslContextBuilder.forClient()");
      }
      this.sslContext = sslContext;
      return this;
    }

    /**
     * Sends every request through the HTTP proxy at {@code host:port}.
     *
     * @param host the proxy's host name or address
     * @param port the proxy's port
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is not in 1..65535
     */
    public Builder proxy(String host, int port) {
      Objects.requireNonNull(host, "host == null");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.proxyHost = host;
      this.proxyPort = port;
      return this;
    }

    /**
     * Authenticates to the proxy with Basic credentials (sent, never printed).
     *
     * @param username the user name
     * @param password the password
     * @return this builder
     */
    public Builder proxyCredentials(String username, String password) {
      this.proxyUser = Objects.requireNonNull(username, "username == null");
      this.proxyPassword = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /**
     * Completes futures and signals body subscribers on {@code executor} instead of the transport's
     * own callback pool. It must not run tasks on the calling thread (that would be an event loop);
     * the transport never shuts it down.
     *
     * @param executor runs future completions and body signals
     * @return this builder
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Returns a new transport.
     *
     * @return a new transport; close it when done
     * @throws ConfigurationException if the Netty artifacts on the class path are not all of one
     *     4.2.x version
     * @throws IllegalStateException if proxy credentials were set without a proxy
     */
    public NettyTransport build() {
      ClassLoader loader = NettyTransport.class.getClassLoader();
      NettyVersions.check(loader != null ? loader : ClassLoader.getSystemClassLoader());
      if (proxyUser != null && proxyHost == null) {
        throw new IllegalStateException("proxyCredentials were set but no proxy");
      }
      TransportOptions o = maxConnections > 0 ? options.withMaxConnections(maxConnections) : options;
      ProxyConfig proxy = proxyHost == null ? null : new ProxyConfig(proxyHost, proxyPort, proxyUser, proxyPassword);
      Engine engine = new Engine(eventLoopGroup, sslContext, proxy, callbackExecutor, o);
      String description =
          "maxConnections=" + o.maxConnections() + (proxy != null ? ", proxy=" + proxy : "")
              + (eventLoopGroup != null ? ", userEventLoopGroup" : "");
      return new NettyTransport(engine, description);
    }
  }
}
