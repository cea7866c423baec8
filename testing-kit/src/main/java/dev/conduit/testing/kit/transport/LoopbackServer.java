package dev.conduit.testing.kit.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A well-behaved HTTP/1.1 server on 127.0.0.1 (the JDK's {@code com.sun.net.httpserver}), plain or
 * TLS, for contract tests. Handlers run on a cached pool of daemon threads, so exchanges proceed
 * concurrently. Every request reaching a {@link #record} route is captured as a {@link Recorded}.
 */
public final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final String scheme;
  private final LinkedBlockingQueue<Recorded> recorded = new LinkedBlockingQueue<>();

  private LoopbackServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "loopback-server-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a plain HTTP server on an ephemeral loopback port. */
  public static LoopbackServer start() {
    try {
      return new LoopbackServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64), "http");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an HTTPS server on an ephemeral loopback port, presenting {@code serverContext}'s key. */
  public static LoopbackServer startTls(SSLContext serverContext) {
    try {
      HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      s.setHttpsConfigurator(new HttpsConfigurator(serverContext));
      return new LoopbackServer(s, "https");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Routes requests whose path starts with {@code path} to {@code handler}; returns this. */
  public LoopbackServer route(String path, Handler handler) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            handler.handle(exchange);
          } catch (IOException | RuntimeException e) {
            // The client went away, or the test's handler failed: the exchange is closed either way.
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    return this;
  }

  /**
   * Routes {@code path} to a handler that records the request (reading its whole body) and answers
   * {@code status} with {@code body} and alternating header names and values.
   */
  public LoopbackServer record(String path, int status, byte[] body, String... headers) {
    return route(
        path,
        exchange -> {
          recorded.add(Recorded.of(exchange));
          for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
          }
          boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
          exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
          if (!noBody && body.length > 0) {
            exchange.getResponseBody().write(body);
          }
        });
  }

  /** Returns the next recorded request, waiting up to 5 s. */
  public Recorded takeRecorded() throws InterruptedException {
    Recorded r = recorded.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request was recorded within 5 s");
    }
    return r;
  }

  /** Returns the absolute URI of {@code pathAndQuery} on this server, e.g. {@code uri("/a?b=c")}. */
  public URI uri(String pathAndQuery) {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  /** Returns the port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops the server at once and its handler threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Handles one exchange; the exchange is closed afterwards. */
  @FunctionalInterface
  public interface Handler {
    /** Handles {@code exchange}. */
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /** A request as the server received it. */
  public static final class Recorded {
    /** The method, e.g. {@code POST}. */
    public final String method;
    /** The raw (still percent-encoded) path. */
    public final String rawPath;
    /** The raw query, or null. */
    public final String rawQuery;
    /** Header values by lower-cased name. */
    public final Map<String, List<String>> headers;
    /** The whole request body. */
    public final byte[] body;

    private Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
      this.method = method;
      this.rawPath = rawPath;
      this.rawQuery = rawQuery;
      this.headers = headers;
      this.body = body;
    }

    static Recorded of(HttpExchange exchange) throws IOException {
      Map<String, List<String>> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      URI uri = exchange.getRequestURI();
      return new Recorded(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), Map.copyOf(headers), body);
    }

    /** Returns the first value of header {@code name}, or null. */
    public String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Returns every value of header {@code name}, splitting comma-joined values. */
    public List<String> headerValues(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      if (v == null) {
        return List.of();
      }
      return v.stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::trim).toList();
    }
  }
}
