package dev.conduit.transport.netty.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy: {@code https} targets are tunnelled through it with {@code CONNECT}, {@code http}
 * requests are sent to it in absolute form. The credentials, if any, are sent as {@code
 * Proxy-Authorization: Basic} and are never printed.
 */
public final class ProxyConfig {
  final String host;
  final int port;
  final @Nullable String authorization;

  /** Returns a proxy at {@code host:port}, with Basic credentials if {@code username} is not null. */
  public ProxyConfig(String host, int port, @Nullable String username, @Nullable String password) {
    this.host = Objects.requireNonNull(host, "host == null");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
    if (username != null) {
      String pair = username + ":" + (password == null ? "" : password);
      this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    } else {
      this.authorization = null;
    }
  }

  /** Returns the host and port only; credentials are never printed. */
  @Override
  public String toString() {
    return host + ":" + port + (authorization != null ? " (with credentials)" : "");
  }
}
