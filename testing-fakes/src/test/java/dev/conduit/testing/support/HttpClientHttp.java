package dev.conduit.testing.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link RawHttp} over a plain {@code java.net.http.HttpClient}, the way any non-Conduit client would
 * talk to the loopback server. The JDK client has no idle-read timeout, so reads are guarded here.
 */
public final class HttpClientHttp implements RawHttp {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ExecutorService READS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-read");
    t.setDaemon(true);
    return t;
  });

  private final String baseUrl;

  public HttpClientHttp(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
  }

  @Override
  public Exchange open(String method, String path, byte[] body, Duration readTimeout, String... headers)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<InputStream> r;
    try {
      r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
    InputStream guarded = new InputStream() {
      private final InputStream in = r.body();

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        if (readTimeout == null) {
          return in.read(buf, off, len);
        }
        Future<Integer> f = READS.submit(() -> in.read(buf, off, len));
        try {
          return f.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
          in.close();
          throw new SocketTimeoutException("read timed out after " + readTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
          throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
    return new Exchange() {
      @Override
      public int status() {
        return r.statusCode();
      }

      @Override
      public String header(String name) {
        return r.headers().firstValue(name).orElse(null);
      }

      @Override
      public Map<String, List<String>> headers() {
        return r.headers().map();
      }

      @Override
      public InputStream body() {
        return guarded;
      }

      @Override
      public void close() {
        try {
          guarded.close();
        } catch (IOException ignored) {
          // closing
        }
      }
    };
  }

  @Override
  public void close() {}
}
