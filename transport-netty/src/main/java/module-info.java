/**
 * Conduit's transport on Netty 4.2: pooled keep-alive HTTP/1.1 connections, TLS through a Netty
 * {@code SslContext}, HTTP proxies, and a non-blocking asynchronous path with real backpressure.
 * Selected under the name {@code "netty"}.
 */
module dev.conduit.transport.netty {
  requires transitive dev.conduit;
  requires transitive io.netty.transport;
  requires transitive io.netty.handler;
  requires io.netty.buffer;
  requires io.netty.codec;
  requires io.netty.codec.compression;
  requires io.netty.codec.http;
  requires io.netty.common;
  requires io.netty.resolver;

  exports dev.conduit.transport.netty;

  provides dev.conduit.http.TransportProvider with
      dev.conduit.transport.netty.NettyTransportProvider;
}
