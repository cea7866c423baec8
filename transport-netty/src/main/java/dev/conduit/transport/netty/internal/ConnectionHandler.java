package dev.conduit.transport.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * The last handler of every pooled connection's pipeline: routes what the HTTP codec decodes to the
 * connection's current {@link Exchange}, and watches an idle connection (any byte or a close from
 * the server while idle retires it). Confined to the channel's event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  static final String NAME = "conduit-connection";

  private final Channel channel;
  private final ConnectionPool.HostPool pool;
  private @Nullable Exchange exchange;
  /** True while the connection sits idle in its pool. Guarded by the pool's lock. */
  boolean idle;
  /** Bumped each time the connection goes idle, to tell one idle period from the next. */
  long idleGeneration;

  ConnectionHandler(Channel channel, ConnectionPool.HostPool pool) {
    this.channel = channel;
    this.pool = pool;
  }

  Channel channel() {
    return channel;
  }

  ConnectionPool.HostPool pool() {
    return pool;
  }

  void attach(Exchange e) {
    exchange = e;
  }

  void detach(Exchange e) {
    if (exchange == e) {
      exchange = null;
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Exchange e = exchange;
    if (e != null) {
      e.onMessage(msg);
    } else {
      // Bytes nobody asked for: the connection is out of step, so it cannot be reused.
      ReferenceCountUtil.release(msg);
      ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    Exchange e = exchange;
    if (e != null) {
      e.onReadComplete();
    } else if (isIdle()) {
      ctx.read(); // keep watching for the server closing an idle connection
    }
  }

  private boolean isIdle() {
    synchronized (pool) {
      return idle;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange e = exchange;
    if (e != null) {
      e.onInactive();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Exchange e = exchange;
    if (e != null) {
      e.onException(cause);
    }
    ctx.close();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Exchange e = exchange;
    if (e != null) {
      e.onWritabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }
}
