/**
 * Conduit's transport on OkHttp 5: connection pooling, HTTP/2 over TLS, and a user-supplied {@code
 * OkHttpClient} for interceptors, proxies, TLS and certificate pinning. Selected under the name
 * {@code "okhttp"}.
 */
module dev.conduit.transport.okhttp {
  requires transitive dev.conduit;
  requires transitive okhttp3;
  requires okio;

  exports dev.conduit.transport.okhttp;

  provides dev.conduit.http.TransportProvider with
      dev.conduit.transport.okhttp.OkHttpTransportProvider;
}
