package dev.conduit.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server on loopback whose every answer is scripted, including the ones a
 * well-behaved server never gives: stalls, resets, truncated bodies, HTML pages.
 */
final class ScriptedServer implements AutoCloseable {
  /** What the server does with one request. */
  interface Reply {
    /** Writes the answer; returns false to close the connection afterwards. */
    boolean write(Recorded request, Socket socket, OutputStream out) throws IOException, InterruptedException;
  }

  /** A request as the server received it. */
  static final class Recorded {
    final String method;
    final String path;
    final Map<String, String> headers;
    final byte[] body;
    ScriptedServer server;

    Recorded(String method, String path, Map<String, String> headers, byte[] body) {
      this.method = method;
      this.path = path;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "scripted-server");
    t.setDaemon(true);
    return t;
  });
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  final AtomicInteger connectionsClosedByClient = new AtomicInteger();
  final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger activeStreams = new AtomicInteger();
  private volatile boolean closed;

  ScriptedServer() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
  }

  ScriptedServer enqueue(Reply... replies) {
    for (Reply r : replies) {
      script.add(r);
    }
    return this;
  }

  Recorded takeRequest() throws InterruptedException {
    Recorded r = requests.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived within 10 s");
    }
    return r;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        Recorded req = read(in);
        if (req == null) {
          connectionsClosedByClient.incrementAndGet();
          return;
        }
        req.server = this;
        requests.add(req);
        Reply reply = script.poll();
        if (reply == null) {
          reply = json(500, "{\"error\":{\"message\":\"no scripted reply left\"}}");
        }
        if (!reply.write(req, s, out)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the script ended the connection
    }
  }

  private static Recorded read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    String h;
    while ((h = line(in)) != null && !h.isEmpty()) {
      int c = h.indexOf(':');
      headers.merge(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim(), (a, b) -> a + "," + b);
    }
    byte[] body = new byte[0];
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      while (true) {
        int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
        if (size == 0) {
          line(in);
          break;
        }
        b.write(in.readNBytes(size));
        line(in);
      }
      body = b.toByteArray();
    }
    return new Recorded(parts[0], parts[1], headers, body);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  // ---- replies ----------------------------------------------------------------------------------

  static Reply json(int status, String body, String... headers) {
    return respond(status, "application/json", body, headers);
  }

  static Reply respond(int status, String contentType, String body, String... headers) {
    return (req, socket, out) -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      out.write(head(status, headers, "Content-Type: " + contentType, "Content-Length: " + b.length));
      out.write(b);
      out.flush();
      return true;
    };
  }

  /** Waits before sending anything. */
  static Reply delayed(Duration delay, Reply then) {
    return (req, socket, out) -> {
      Thread.sleep(delay.toMillis());
      return then.write(req, socket, out);
    };
  }

  /** Sends headers and part of a body, then goes silent for {@code stall}. */
  static Reply stallMidBody(String firstPart, int declaredLength, Duration stall) {
    return (req, socket, out) -> {
      out.write(head(200, new String[0], "Content-Type: application/json", "Content-Length: " + declaredLength));
      out.write(firstPart.getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(stall.toMillis());
      return false;
    };
  }

  /** Sends headers and part of a body, then resets the connection. */
  static Reply resetMidBody(String firstPart, int declaredLength) {
    return (req, socket, out) -> {
      out.write(head(200, new String[0], "Content-Type: application/json", "Content-Length: " + declaredLength));
      out.write(firstPart.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.setSoLinger(true, 0);
      socket.close();
      return false;
    };
  }

  /** Resets the connection without answering. */
  static Reply reset() {
    return (req, socket, out) -> {
      socket.setSoLinger(true, 0);
      socket.close();
      return false;
    };
  }

  /**
   * Streams server-sent events as a chunked body, one chunk per event with {@code gap} between
   * them; then ends the body, or resets the connection when {@code resetAtEnd}.
   */
  static Reply sse(List<String> events, Duration gap, boolean resetAtEnd) {
    return (req, socket, out) -> {
      out.write(head(200, new String[0], "Content-Type: text/event-stream", "Transfer-Encoding: chunked"));
      out.flush();
      for (String e : events) {
        byte[] b = e.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (!gap.isZero()) {
          Thread.sleep(gap.toMillis());
        }
      }
      if (resetAtEnd) {
        socket.setSoLinger(true, 0);
        socket.close();
        return false;
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return true;
    };
  }

  /** Returns how many endless streams are still being written (a write fails once the client is gone). */
  int activeStreams() {
    return activeStreams.get();
  }

  /** Streams {@code event} every {@code gap} until the client disconnects (at most 10,000 times). */
  static Reply endlessSse(String event, Duration gap) {
    return (req, socket, out) -> {
      ScriptedServer self = req.server;
      self.activeStreams.incrementAndGet();
      try {
        out.write(head(200, new String[0], "Content-Type: text/event-stream", "Transfer-Encoding: chunked"));
        byte[] b = event.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10_000; i++) {
          out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(b);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(gap.toMillis());
        }
        return false;
      } finally {
        self.activeStreams.decrementAndGet();
      }
    };
  }

  static byte[] head(int status, String[] extra, String... headers) {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    for (int i = 0; i + 1 < extra.length; i += 2) {
      sb.append(extra[i]).append(": ").append(extra[i + 1]).append("\r\n");
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String reason(int status) {
    return status == 200 ? "OK" : status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status";
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    pool.shutdownNow();
  }

  /** Returns the events as SSE text lines: each string becomes one "data: ..." event. */
  static List<String> dataEvents(String... data) {
    List<String> out = new ArrayList<>();
    for (String d : data) {
      out.add("data: " + d + "\n\n");
    }
    return out;
  }
}
