package dev.conduit.testing.support;

import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@link RawHttp} over a Conduit transport (the fake's in-memory one, or the JDK transport on loopback). */
public final class TransportHttp implements RawHttp {
  private final Transport transport;
  private final String baseUrl;
  private final boolean ownsTransport;

  public TransportHttp(Transport transport, String baseUrl, boolean ownsTransport) {
    this.transport = transport;
    this.baseUrl = baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
    this.ownsTransport = ownsTransport;
  }

  @Override
  public Exchange open(String method, String path, byte[] body, Duration readTimeout, String... headers)
      throws IOException {
    String contentType = null;
    HttpRequest.Builder b = HttpRequest.builder().uri(URI.create(baseUrl + path));
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("content-type")) {
        contentType = headers[i + 1];
      } else {
        b.addHeader(headers[i], headers[i + 1]);
      }
    }
    boolean hasBody = !method.equals("GET") && !method.equals("DELETE") || body.length > 0;
    b.method(method, hasBody ? RequestBody.ofBytes(body, contentType) : null);
    Timeouts t = Timeouts.defaults().withResponse(Duration.ofSeconds(10));
    b.timeouts(readTimeout == null ? t : t.withRead(readTimeout));
    HttpResponse r = transport.execute(b.build());
    return new Exchange() {
      @Override
      public int status() {
        return r.statusCode();
      }

      @Override
      public String header(String name) {
        return r.headers().first(name);
      }

      @Override
      public Map<String, List<String>> headers() {
        return r.headers().toMap();
      }

      @Override
      public InputStream body() {
        return r.body();
      }

      @Override
      public void close() {
        r.close();
      }
    };
  }

  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }
}
