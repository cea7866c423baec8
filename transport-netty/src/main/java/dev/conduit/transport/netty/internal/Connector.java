package dev.conduit.transport.netty.internal;

import dev.conduit.http.Timeouts;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * Opens connections: resolves the host off the event loop, connects over TCP (trying each address
 * in turn), tunnels through the proxy with {@code CONNECT} for {@code https}, completes the TLS
 * handshake with SNI and hostname verification, and installs the HTTP/1.1 codec. The {@code
 * connect} timeout bounds all of it.
 */
final class Connector {
  /** The largest response head accepted, like the JDK client's default. */
  static final int MAX_HEADER_SIZE = 384 * 1024;

  private final EventLoopGroup group;
  private final Supplier<SslContext> sslContext;
  private final @Nullable ProxyConfig proxy;
  private final Executor resolver;

  Connector(EventLoopGroup group, Supplier<SslContext> sslContext, @Nullable ProxyConfig proxy, Executor resolver) {
    this.group = group;
    this.sslContext = sslContext;
    this.proxy = proxy;
    this.resolver = resolver;
  }

  /** Returns a ready connection to {@code key} owned by {@code pool}. */
  CompletableFuture<ConnectionHandler> connect(PoolKey key, Timeouts timeouts, ConnectionPool.HostPool pool) {
    CompletableFuture<ConnectionHandler> result = new CompletableFuture<>();
    AtomicReference<@Nullable Channel> channel = new AtomicReference<>();
    Duration connect = timeouts.connect();
    String host = proxy != null ? proxy.host : key.host;
    int port = proxy != null ? proxy.port : key.port;
    // One event loop per connection, chosen once: it runs the connect timer and the channel, so
    // the group's round robin spreads connections evenly over the loops.
    EventLoop loop = group.next();
    if (connect != null) {
      try {
        ScheduledFuture<?> timer =
            loop.schedule(
                    () -> {
                      if (result.completeExceptionally(
                          Failures.timeout(Timeouts.Kind.CONNECT, connect, "connecting to " + key + (proxy != null ? " through proxy " + proxy : "")))) {
                        Channel ch = channel.get();
                        if (ch != null) {
                          ch.close();
                        }
                      }
                    },
                    connect.toNanos(),
                    TimeUnit.NANOSECONDS);
        result.whenComplete((c, e) -> timer.cancel(false));
      } catch (RejectedExecutionException e) {
        result.completeExceptionally(new IOException("the transport was closed", e));
        return result;
      }
    }
    byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
    if (literal != null) {
      try {
        connectTo(loop, new InetAddress[] {InetAddress.getByAddress(host, literal)}, 0, port, key, connect, pool, result, channel);
      } catch (UnknownHostException e) {
        result.completeExceptionally(e);
      }
      return result;
    }
    try {
      resolver.execute(
          () -> {
            if (result.isDone()) {
              return;
            }
            try {
              InetAddress[] addresses = InetAddress.getAllByName(host);
              connectTo(loop, addresses, 0, port, key, connect, pool, result, channel);
            } catch (UnknownHostException e) {
              result.completeExceptionally(e);
            } catch (RuntimeException e) {
              result.completeExceptionally(new IOException("cannot resolve " + host, e));
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IOException("the transport was closed", e));
    }
    return result;
  }

  private void connectTo(
      EventLoop loop,
      InetAddress[] addresses,
      int index,
      int port,
      PoolKey key,
      @Nullable Duration connect,
      ConnectionPool.HostPool pool,
      CompletableFuture<ConnectionHandler> result,
      AtomicReference<@Nullable Channel> channel) {
    if (result.isDone()) {
      return;
    }
    Bootstrap b =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .resolver(NoopAddressResolverGroup.INSTANCE)
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(SetupGuard.NAME, new SetupGuard(result));
                  }
                });
    if (connect != null) {
      // A backstop only: the connect timer above fires first, with Conduit's message.
      long ms = Math.min(Integer.MAX_VALUE, connect.toMillis() + 1000);
      b.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) ms);
    }
    ChannelFuture f;
    try {
      f = b.connect(new InetSocketAddress(addresses[index], port));
    } catch (RuntimeException e) {
      result.completeExceptionally(new IOException("cannot open a connection to " + key, e));
      return;
    }
    channel.set(f.channel());
    f.addListener(
        x -> {
          if (!x.isSuccess()) {
            if (x.cause() instanceof ConnectException && index + 1 < addresses.length && !result.isDone()) {
              connectTo(loop, addresses, index + 1, port, key, connect, pool, result, channel);
            } else {
              result.completeExceptionally(Failures.toIOException(x.cause()));
            }
            return;
          }
          Channel ch = f.channel();
          if (result.isDone()) {
            ch.close();
            return;
          }
          if (proxy != null && key.tls) {
            Promise<Void> tunnel = ch.eventLoop().newPromise();
            ch.pipeline().addBefore(SetupGuard.NAME, ProxyTunnelHandler.NAME, new ProxyTunnelHandler(key.authority(), proxy.authorization, tunnel));
            tunnel.addListener(
                t -> {
                  if (t.isSuccess()) {
                    secure(ch, key, pool, result);
                  } else {
                    fail(ch, result, t.cause());
                  }
                });
          } else {
            secure(ch, key, pool, result);
          }
        });
  }

  private void secure(Channel ch, PoolKey key, ConnectionPool.HostPool pool, CompletableFuture<ConnectionHandler> result) {
    if (result.isDone()) {
      ch.close();
      return;
    }
    if (!key.tls) {
      ready(ch, pool, result);
      return;
    }
    SslHandler ssl;
    try {
      ssl = sslContext.get().newHandler(ch.alloc(), key.host, key.port);
      SSLEngine engine = ssl.engine();
      SSLParameters params = engine.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(params);
    } catch (RuntimeException e) {
      fail(ch, result, new IOException("cannot start TLS with " + key, e));
      return;
    }
    ch.pipeline().addBefore(SetupGuard.NAME, "ssl", ssl);
    ssl.handshakeFuture()
        .addListener(
            h -> {
              String protocol = ssl.applicationProtocol();
              if (h.isSuccess() && protocol != null && !protocol.equals("http/1.1")) {
                fail(ch, result, new IOException("TLS negotiated " + protocol + " with " + key
                    + ", but this transport speaks HTTP/1.1 only: leave other protocols out of the SslContext's ALPN"));
              } else if (h.isSuccess()) {
                ready(ch, pool, result);
              } else {
                fail(ch, result, h.cause());
              }
            });
    ch.read();
  }

  private static void ready(Channel ch, ConnectionPool.HostPool pool, CompletableFuture<ConnectionHandler> result) {
    HttpDecoderConfig config =
        new HttpDecoderConfig().setMaxHeaderSize(MAX_HEADER_SIZE).setMaxChunkSize(64 * 1024);
    ConnectionHandler handler = new ConnectionHandler(ch, pool);
    ch.pipeline().addBefore(SetupGuard.NAME, "http", new HttpClientCodec(config, false, false));
    ch.pipeline().addBefore(SetupGuard.NAME, ConnectionHandler.NAME, handler);
    ch.pipeline().remove(SetupGuard.NAME);
    if (!result.complete(handler)) {
      ch.close();
    }
  }

  private static void fail(Channel ch, CompletableFuture<ConnectionHandler> result, Throwable cause) {
    ch.close();
    result.completeExceptionally(Failures.toIOException(cause));
  }

  /**
   * The last handler while a connection is being set up: a failure there (a refused tunnel, a bad
   * certificate) fails the connect instead of reaching the pipeline's tail as an unhandled
   * exception. Replaced by the HTTP codec and the {@link ConnectionHandler} once ready.
   */
  private static final class SetupGuard extends ChannelInboundHandlerAdapter {
    static final String NAME = "conduit-setup";
    private final CompletableFuture<ConnectionHandler> result;

    SetupGuard(CompletableFuture<ConnectionHandler> result) {
      this.result = result;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      fail(ctx.channel(), result, cause);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg); // nothing may arrive before the request is sent
      fail(ctx.channel(), result, new IOException("unexpected bytes from the server before the request was sent"));
    }
  }
}
