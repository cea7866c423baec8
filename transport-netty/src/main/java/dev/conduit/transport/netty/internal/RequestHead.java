package dev.conduit.transport.netty.internal;

import dev.conduit.http.HttpRequest;
import dev.conduit.http.RequestBody;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Netty form of a request's start line and headers, built once on the caller's thread (so a bad
 * URI or header fails the call there) and written on every attempt.
 */
final class RequestHead {
  /**
   * Headers the transport derives itself from the URI, the body and its connection management; a
   * caller's values are dropped so they cannot corrupt the framing.
   */
  static final Set<String> MANAGED =
      Set.of(
          "host", "content-length", "transfer-encoding", "connection", "upgrade", "keep-alive",
          "proxy-connection", "te", "trailer");

  /** Methods that carry a body by convention; sent with {@code Content-Length: 0} when they have none. */
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  final PoolKey key;
  final io.netty.handler.codec.http.HttpRequest message;
  /** True if the transport asked for gzip itself, and so decompresses the response transparently. */
  final boolean transparentGzip;

  private RequestHead(PoolKey key, io.netty.handler.codec.http.HttpRequest message, boolean transparentGzip) {
    this.key = key;
    this.message = message;
    this.transparentGzip = transparentGzip;
  }

  /**
   * Returns the head of {@code request}.
   *
   * @throws IllegalArgumentException for a URI that is not absolute {@code http} or {@code https}
   *     with a host, a {@code CONNECT} request, or a header value holding control characters
   */
  static RequestHead of(HttpRequest request, @Nullable ProxyConfig proxy) {
    URI uri = request.uri();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls;
    if (scheme.equals("https")) {
      tls = true;
    } else if (scheme.equals("http")) {
      tls = false;
    } else {
      throw new IllegalArgumentException("unsupported URI scheme: " + uri.getScheme() + " (expected http or https)");
    }
    String rawHost = uri.getHost();
    if (rawHost == null || rawHost.isEmpty()) {
      throw new IllegalArgumentException("URI has no host: " + uri);
    }
    String host = rawHost.startsWith("[") && rawHost.endsWith("]") ? rawHost.substring(1, rawHost.length() - 1) : rawHost;
    host = host.toLowerCase(Locale.ROOT);
    int defaultPort = tls ? 443 : 80;
    int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
    PoolKey key = new PoolKey(tls, host, port);
    if (request.method().equals("CONNECT")) {
      throw new IllegalArgumentException("method CONNECT is not supported");
    }

    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    String hostHeader = port == defaultPort ? (host.indexOf(':') >= 0 ? "[" + host + "]" : host) : key.authority();
    if (proxy != null && !tls) {
      target = "http://" + hostHeader + target;
    }

    DefaultHttpRequest message = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()), target);
    HttpHeaders h = message.headers();
    h.set(HttpHeaderNames.HOST, hostHeader);
    for (Map.Entry<String, List<String>> e : request.headers().toMap().entrySet()) {
      String name = e.getKey();
      if (MANAGED.contains(name)) {
        continue;
      }
      for (String value : e.getValue()) {
        checkValue(name, value);
        h.add(name, value);
      }
    }
    RequestBody body = request.body();
    if (body != null) {
      String contentType = body.contentType();
      if (contentType != null && !h.contains(HttpHeaderNames.CONTENT_TYPE)) {
        checkValue("content-type", contentType);
        h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
      }
      long length = body.contentLength();
      if (length >= 0) {
        h.set(HttpHeaderNames.CONTENT_LENGTH, length);
      } else {
        h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    } else if (BODY_METHODS.contains(request.method())) {
      h.set(HttpHeaderNames.CONTENT_LENGTH, 0);
    }
    boolean transparentGzip = !h.contains(HttpHeaderNames.ACCEPT_ENCODING);
    if (transparentGzip) {
      h.set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP);
    }
    if (proxy != null && !tls && proxy.authorization != null && !h.contains(HttpHeaderNames.PROXY_AUTHORIZATION)) {
      h.set(HttpHeaderNames.PROXY_AUTHORIZATION, proxy.authorization);
    }
    return new RequestHead(key, message, transparentGzip);
  }

  /** Rejects control characters, which would let a value inject header lines; never prints the value. */
  private static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException("unexpected char 0x" + Integer.toHexString(c) + " at " + i + " in the value of header " + name);
      }
    }
  }
}
