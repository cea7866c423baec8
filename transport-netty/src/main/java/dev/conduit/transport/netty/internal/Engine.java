package dev.conduit.transport.netty.internal;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.TransportOptions;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Everything one Netty transport owns: the event loop group (unless the user handed one in), the
 * connection pool, and the few small thread pools that keep blocking work and user code off the
 * event loop.
 *
 * <ul>
 *   <li>{@code conduit-netty-*}: the event loops, {@code min(2, cores)} daemon threads;
 *   <li>{@code conduit-netty-callback-*}: completes futures and delivers body signals to
 *       subscribers, at most {@link #callbackThreads()} threads (or the user's executor);
 *   <li>{@code conduit-netty-resolver-*}: host name lookups, at most 2 threads;
 *   <li>{@code conduit-netty-body-writer-*}: one per asynchronous request whose body is streamed
 *       (unknown or large length), while it is written.
 * </ul>
 *
 * Every pool starts its threads on demand and lets idle ones end after 30 s.
 */
public final class Engine {
  final TransportOptions options;
  final @Nullable ProxyConfig proxy;
  final ConnectionPool pool;
  private final EventLoopGroup group;
  private final boolean ownsGroup;
  private final Executor callbacks;
  private final @Nullable ExecutorService ownedCallbacks;
  private final ThreadPoolExecutor resolver;
  private final Object writersLock = new Object();
  private @Nullable ExecutorService writers; // guarded by writersLock
  private final Set<Exchange> active = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * Creates the engine. Null arguments select the defaults: an own NIO event loop group, a JDK
   * client {@link SslContext} with the JVM's trust store (built on first TLS use), no proxy, and an
   * own callback pool.
   */
  public Engine(
      @Nullable EventLoopGroup userGroup,
      @Nullable SslContext sslContext,
      @Nullable ProxyConfig proxy,
      @Nullable Executor userCallbacks,
      TransportOptions options) {
    this.options = options;
    this.proxy = proxy;
    if (userGroup != null) {
      EventLoop loop = userGroup.next();
      if (loop instanceof IoEventLoop && !((IoEventLoop) loop).isCompatible(NioIoHandle.class)) {
        throw new IllegalArgumentException("the event loop group cannot run NIO channels (use NioIoHandler): " + userGroup);
      }
      this.group = userGroup;
      this.ownsGroup = false;
    } else {
      int loops = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
      this.group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("conduit-netty", true), NioIoHandler.newFactory());
      this.ownsGroup = true;
    }
    if (userCallbacks != null) {
      this.callbacks = userCallbacks;
      this.ownedCallbacks = null;
    } else {
      int n = callbackThreads();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("conduit-netty-callback-"));
      pool.allowCoreThreadTimeOut(true);
      this.callbacks = pool;
      this.ownedCallbacks = pool;
    }
    this.resolver = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("conduit-netty-resolver-"));
    resolver.allowCoreThreadTimeOut(true);
    Supplier<SslContext> ssl = sslContext != null ? () -> sslContext : new DefaultSsl();
    this.pool = new ConnectionPool(new Connector(group, ssl, proxy, resolver), group, options.maxConnections());
  }

  /** Returns the size of the default callback pool: twice the cores, between 2 and 8. */
  public static int callbackThreads() {
    return Math.max(2, Math.min(8, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /** Returns the event loop group connections run on. */
  public EventLoopGroup group() {
    return group;
  }

  /** Returns the pool, for diagnostics. */
  public ConnectionPool pool() {
    return pool;
  }

  /** Returns the number of exchanges in flight. */
  public int inFlight() {
    return active.size();
  }

  Executor callbacks() {
    return callbacks;
  }

  /** Sends {@code request}; blocks until the head arrives. The caller writes a streamed body. */
  public HttpResponse execute(HttpRequest request) throws IOException {
    checkOpen();
    for (EventExecutor loop : group) {
      if (loop.inEventLoop()) {
        throw new IllegalStateException("execute() would block the event loop it was called on; use executeAsync() there");
      }
    }
    Call call = new Call(this, request, true);
    call.start();
    call.writeBodyOnCallerThread();
    try {
      return call.result.get().blockingResponse();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel();
      throw new InterruptedIOException("interrupted while waiting for the response");
    } catch (ExecutionException e) {
      throw Failures.forCaller(e.getCause());
    }
  }

  /** Sends {@code request} without blocking; the future completes on the callback executor. */
  public CompletableFuture<AsyncHttpResponse> executeAsync(HttpRequest request) {
    CompletableFuture<AsyncHttpResponse> user = new CompletableFuture<>();
    if (closed) {
      user.completeExceptionally(new IllegalStateException("the transport is closed"));
      return user;
    }
    Call call;
    try {
      call = new Call(this, request, false);
    } catch (IOException | RuntimeException e) {
      user.completeExceptionally(e);
      return user;
    }
    call.result.whenComplete(
        (exchange, error) -> {
          Runnable deliver =
              () -> {
                if (error != null) {
                  user.completeExceptionally(Failures.unwrap(error));
                } else {
                  AsyncHttpResponse r = exchange.asyncResponse();
                  if (!user.complete(r)) {
                    r.discard();
                  }
                }
              };
          try {
            callbacks.execute(deliver);
          } catch (RejectedExecutionException e) {
            deliver.run();
          }
        });
    user.whenComplete(
        (r, e) -> {
          if (user.isCancelled()) {
            call.cancel();
          }
        });
    call.start();
    return user;
  }

  ExecutorService writers() {
    synchronized (writersLock) {
      if (closed) {
        throw new RejectedExecutionException("the transport was closed");
      }
      ExecutorService w = writers;
      if (w == null) {
        w = writers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("conduit-netty-body-writer-"));
      }
      return w;
    }
  }

  void register(Exchange e) {
    active.add(e);
    if (closed) {
      e.abort(new IOException("the transport was closed"));
    }
  }

  void unregister(Exchange e) {
    active.remove(e);
  }

  /**
   * Aborts the exchanges in flight, closes every connection and stops the threads this engine
   * owns, waiting up to a few seconds for its event loops to end. A user's group and executor are
   * left running. Idempotent.
   */
  public void close() {
    ExecutorService w;
    synchronized (writersLock) {
      if (closed) {
        return;
      }
      closed = true;
      w = writers;
    }
    pool.close();
    IOException cause = new IOException("the transport was closed");
    for (Exchange e : active) {
      e.abort(cause);
    }
    if (w != null) {
      w.shutdownNow();
    }
    resolver.shutdownNow();
    boolean onLoop = false;
    for (EventExecutor e : group) {
      onLoop |= e.inEventLoop();
    }
    if (ownsGroup) {
      io.netty.util.concurrent.Future<?> f = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
      if (!onLoop) {
        f.awaitUninterruptibly(5, TimeUnit.SECONDS);
      }
    } else if (!onLoop) {
      // Let the aborts queued on the user's loops run while the callback pool can still deliver
      // their signals, so no subscriber is signalled on an event loop.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      for (EventExecutor e : group) {
        try {
          e.submit(() -> {}).awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException ignored) {
          // that loop is shutting down; its tasks ran or never will
        }
      }
    }
    if (ownedCallbacks != null) {
      ownedCallbacks.shutdown();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the transport is closed");
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The default client TLS context, built on first use (it costs tens of milliseconds). */
  private static final class DefaultSsl implements Supplier<SslContext> {
    private volatile @Nullable SslContext context;

    @Override
    public SslContext get() {
      SslContext c = context;
      if (c == null) {
        synchronized (this) {
          c = context;
          if (c == null) {
            try {
              c = context = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).endpointIdentificationAlgorithm("HTTPS").build();
            } catch (SSLException e) {
              throw new IllegalStateException("cannot build the default TLS context", e);
            }
          }
        }
      }
      return c;
    }
  }
}
