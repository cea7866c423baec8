package dev.conduit.transport.netty;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A well-behaved HTTP/1.1 server on 127.0.0.1 ({@code com.sun.net.httpserver}), plain or TLS. It
 * remembers the client port of every exchange, which tells how many connections the client used.
 */
final class Loopback implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final String scheme;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final AtomicInteger exchanges = new AtomicInteger();

  private Loopback(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "loopback-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
  }

  static Loopback http() {
    try {
      return new Loopback(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128), "http");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Loopback https(SSLContext serverContext) {
    try {
      HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      s.setHttpsConfigurator(new HttpsConfigurator(serverContext));
      return new Loopback(s, "https");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Routes requests under {@code path} to {@code handler}; the exchange is closed afterwards. */
  Loopback route(String path, Handler handler) {
    server.createContext(
        path,
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          exchanges.incrementAndGet();
          try (exchange) {
            handler.handle(exchange);
          } catch (IOException | RuntimeException e) {
            // the client went away, or the test provoked it
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    return this;
  }

  /** Routes {@code path} to a fixed response. */
  Loopback respond(String path, int status, byte[] body, String... headers) {
    return route(
        path,
        ex -> {
          ex.getRequestBody().readAllBytes();
          for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
          }
          boolean empty = body.length == 0 || status == 204 || status == 304 || ex.getRequestMethod().equals("HEAD");
          ex.sendResponseHeaders(status, empty ? -1 : body.length);
          if (!empty) {
            ex.getResponseBody().write(body);
          }
        });
  }

  URI uri(String pathAndQuery) {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  URI uri(String host, String pathAndQuery) {
    return URI.create(scheme + "://" + host + ":" + server.getAddress().getPort() + pathAndQuery);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Returns how many distinct client connections (ports) the server has seen. */
  int connectionsSeen() {
    return clientPorts.size();
  }

  int exchanges() {
    return exchanges.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }
}
