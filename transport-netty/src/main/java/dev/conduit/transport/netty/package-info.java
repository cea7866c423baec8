/**
 * A Conduit {@link dev.conduit.http.Transport} built on Netty 4.2. The entry points are {@link
 * dev.conduit.transport.netty.NettyTransport} and, for discovery through {@link
 * java.util.ServiceLoader}, {@link dev.conduit.transport.netty.NettyTransportProvider}.
 */
@NullMarked
package dev.conduit.transport.netty;

import org.jspecify.annotations.NullMarked;
