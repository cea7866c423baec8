package dev.conduit.transport.netty.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a pooled connection is good for: one scheme, host and port. */
final class PoolKey {
  final boolean tls;
  /** The host as connected to and verified against: no brackets around an IPv6 literal. */
  final String host;
  final int port;

  PoolKey(boolean tls, String host, int port) {
    this.tls = tls;
    this.host = host;
    this.port = port;
  }

  /** Returns {@code host:port} as written in a Host header or a CONNECT request. */
  String authority() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof PoolKey)) {
      return false;
    }
    PoolKey k = (PoolKey) o;
    return tls == k.tls && port == k.port && host.equals(k.host);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tls, host, port);
  }

  @Override
  public String toString() {
    return (tls ? "https://" : "http://") + authority();
  }
}
