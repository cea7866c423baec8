package dev.conduit.testing.support;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The smallest HTTP client surface the behaviour tests need, implemented over a Conduit
 * {@link dev.conduit.http.Transport} and over {@code java.net.http.HttpClient}, so the same test runs
 * in memory and against the loopback server.
 */
public interface RawHttp extends AutoCloseable {
  /** An answer whose headers arrived; the body is read as it comes. */
  interface Exchange extends AutoCloseable {
    int status();

    /** Returns the first value of a header (any case), or null. */
    String header(String name);

    Map<String, List<String>> headers();

    /** Returns the body; a read idle longer than the read timeout throws an IOException. */
    InputStream body();

    @Override
    void close();
  }

  /**
   * Sends a request and returns once the headers arrive.
   *
   * @param headers alternating names and values
   * @param readTimeout the longest idle gap while reading the body, or null for none
   */
  Exchange open(String method, String path, byte[] body, Duration readTimeout, String... headers) throws IOException;

  /** Sends a request and reads the whole body. */
  default Response send(String method, String path, byte[] body, String... headers) throws IOException {
    try (Exchange e = open(method, path, body, Duration.ofSeconds(10), headers)) {
      return new Response(e.status(), e.headers(), e.body().readAllBytes());
    }
  }

  @Override
  void close();

  /** A whole answer. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
