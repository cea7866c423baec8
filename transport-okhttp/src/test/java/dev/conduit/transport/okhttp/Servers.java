package dev.conduit.transport.okhttp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Loopback servers for the tests: a well-behaved one and a raw-socket one that misbehaves on cue. */
final class Servers {
  private Servers() {}

  static ExecutorService daemonPool(String name) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** A request as the well-behaved server received it. */
  record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
  }

  /** The JDK's HTTP server on 127.0.0.1, recording every request it reads whole. */
  static final class Http implements AutoCloseable {
    final HttpServer server;
    final ExecutorService executor = daemonPool("http-server");
    final LinkedBlockingQueue<Recorded> recorded = new LinkedBlockingQueue<>();

    Http() {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(executor);
      server.start();
    }

    interface Handler {
      void handle(HttpExchange exchange) throws Exception;
    }

    Http route(String path, Handler handler) {
      server.createContext(
          path,
          ex -> {
            try (ex) {
              handler.handle(ex);
            } catch (Exception ignored) {
              // the client went away
            }
          });
      return this;
    }

    /** Records the request and answers {@code status} with {@code body} and header pairs. */
    Http record(String path, int status, byte[] body, String... headers) {
      return route(
          path,
          ex -> {
            recorded.add(read(ex));
            for (int i = 0; i + 1 < headers.length; i += 2) {
              ex.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            boolean noBody = status == 204 || ex.getRequestMethod().equals("HEAD") || body.length == 0;
            ex.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
              ex.getResponseBody().write(body);
            }
          });
    }

    static Recorded read(HttpExchange ex) throws IOException {
      Map<String, List<String>> headers = new TreeMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      URI u = ex.getRequestURI();
      return new Recorded(ex.getRequestMethod(), u.getRawPath(), u.getRawQuery(), Map.copyOf(headers), body);
    }

    Recorded take() throws InterruptedException {
      Recorded r = recorded.poll(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request recorded within 5 s");
      }
      return r;
    }

    URI uri(String pathAndQuery) {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** A raw-socket server on 127.0.0.1 running a script per connection, counting open connections. */
  static final class Raw implements AutoCloseable {
    interface Script {
      void run(Conn c) throws Exception;
    }

    final ServerSocket socket;
    final ExecutorService executor = daemonPool("raw-server");
    final Set<Socket> open = ConcurrentHashMap.newKeySet();
    final AtomicInteger accepted = new AtomicInteger();

    Raw(Script script) {
      this(script, -1);
    }

    Raw(Script script, int receiveBuffer) {
      try {
        socket = new ServerSocket();
        if (receiveBuffer > 0) {
          socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      executor.execute(
          () -> {
            while (!socket.isClosed()) {
              Socket s;
              try {
                s = socket.accept();
              } catch (IOException e) {
                return;
              }
              accepted.incrementAndGet();
              open.add(s);
              executor.execute(
                  () -> {
                    try (s) {
                      script.run(new Conn(s));
                    } catch (Exception ignored) {
                      // provoked
                    } finally {
                      open.remove(s);
                    }
                  });
            }
          });
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    boolean awaitOpenAtMost(int max, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (open.size() > max) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(5);
      }
      return true;
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
      for (Socket s : open) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing
        }
      }
      executor.shutdownNow();
    }
  }

  /** One accepted raw connection. */
  static final class Conn {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    Conn(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /** Reads a request head; null if the client closed first. */
    String readHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int last4 = 0;
      while (last4 != 0x0D0A0D0A) {
        int b = in.read();
        if (b == -1) {
          return null;
        }
        head.write(b);
        last4 = (last4 << 8) | b;
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads a request head and its Content-Length body; null if the client closed first. */
    String readRequest() throws IOException {
      String head = readHead();
      if (head != null) {
        for (String line : head.split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            in.readNBytes(Integer.parseInt(line.substring(15).trim()));
          }
        }
      }
      return head;
    }

    void write(String ascii) throws IOException {
      write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }

    /** Waits for the client to close, reading nothing, so its writes stall; true if it closed. */
    boolean awaitClientCloseWithoutReading(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (socket.isClosed()) {
          return true;
        }
        Thread.sleep(20);
      }
      return false;
    }

    /** Waits for the client to close or reset; true if it did within {@code timeout}. */
    boolean awaitClientClose(Duration timeout) throws IOException {
      long deadline = System.nanoTime() + timeout.toNanos();
      byte[] sink = new byte[8192];
      for (;;) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        socket.setSoTimeout((int) Math.max(1, left));
        try {
          if (in.read(sink) == -1) {
            return true;
          }
        } catch (SocketTimeoutException e) {
          return false;
        } catch (SocketException e) {
          return true;
        }
      }
    }
  }
}
