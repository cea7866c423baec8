package dev.conduit.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Opens a tunnel through an HTTP proxy: sends {@code CONNECT host:port}, reads the proxy's response
 * head, and on a 2xx removes itself so the TLS handshake runs through the tunnel. Anything else
 * fails the promise with the proxy's status line (never its credentials).
 */
final class ProxyTunnelHandler extends ChannelInboundHandlerAdapter {
  static final String NAME = "conduit-proxy-tunnel";
  private static final int MAX_HEAD = 64 * 1024;

  private final String authority;
  private final @Nullable String authorization;
  private final Promise<Void> tunnel;
  private @Nullable ByteBuf head;

  ProxyTunnelHandler(String authority, @Nullable String authorization, Promise<Void> tunnel) {
    this.authority = authority;
    this.authorization = authorization;
    this.tunnel = tunnel;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    head = ctx.alloc().heapBuffer(256);
    StringBuilder request =
        new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
    if (authorization != null) {
      request.append("Proxy-Authorization: ").append(authorization).append("\r\n");
    }
    request.append("\r\n");
    ctx.writeAndFlush(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1))
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess()) {
                    tunnel.tryFailure(f.cause());
                  }
                });
    ctx.read();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    ByteBuf h = head;
    head = null;
    if (h != null) {
      h.release();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      ByteBuf h = head;
      if (h == null || tunnel.isDone()) {
        return;
      }
      h.writeBytes(in);
      int end = endOfHead(h);
      if (end < 0) {
        if (h.readableBytes() > MAX_HEAD) {
          tunnel.tryFailure(new IOException("the proxy's response to CONNECT is longer than " + MAX_HEAD + " bytes"));
        }
        return;
      }
      String text = h.toString(0, end, StandardCharsets.ISO_8859_1);
      String statusLine = text.substring(0, Math.max(0, text.indexOf("\r\n")));
      int status = parseStatus(statusLine);
      if (status < 200 || status > 299) {
        tunnel.tryFailure(new IOException("the proxy refused CONNECT " + authority + ": " + statusLine));
      } else if (h.readableBytes() > end) {
        tunnel.tryFailure(new IOException("the proxy sent bytes after its response to CONNECT " + authority));
      } else {
        ctx.pipeline().remove(this);
        tunnel.trySuccess(null);
      }
    } finally {
      in.release();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (!tunnel.isDone()) {
      ctx.read();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    tunnel.tryFailure(new IOException("the proxy closed the connection during CONNECT " + authority));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    tunnel.tryFailure(cause);
  }

  /** Returns the index just past the blank line ending the head, or -1. */
  private static int endOfHead(ByteBuf b) {
    int n = b.writerIndex();
    for (int i = 3; i < n; i++) {
      if (b.getByte(i - 3) == '\r' && b.getByte(i - 2) == '\n' && b.getByte(i - 1) == '\r' && b.getByte(i) == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  private static int parseStatus(String statusLine) {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      return -1;
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
