package dev.conduit.testing.internal;

import dev.conduit.http.Headers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One HTTP/1.1 connection of the {@link LoopbackServer}: reads requests, plays deliveries, keeps alive. */
final class HttpConnection implements Runnable {
  private static final int IDLE_TIMEOUT_MS = 60_000;
  private static final int MAX_LINE = 16 * 1024;
  private static final int MAX_HEADERS = 200;
  private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection", "date");

  private final Socket socket;
  private final FakeCore core;
  private final LoopbackServer server;
  private final InputStream in;
  private final OutputStream out;

  HttpConnection(Socket socket, FakeCore core, LoopbackServer server) throws IOException {
    this.socket = socket;
    this.core = core;
    this.server = server;
    this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
  }

  @Override
  public void run() {
    try {
      socket.setSoTimeout(IDLE_TIMEOUT_MS);
      while (!server.isClosed()) {
        IncomingRequest request;
        boolean keepAlive;
        try {
          String line = readLine();
          while (line != null && line.isEmpty()) {
            line = readLine();
          }
          if (line == null) {
            return;
          }
          String[] parts = line.split(" ");
          if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            badRequest("malformed request line");
            return;
          }
          Headers headers = readHeaders();
          String connection = String.valueOf(headers.first("connection")).toLowerCase(Locale.ROOT);
          keepAlive = parts[2].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
          if ("100-continue".equalsIgnoreCase(headers.first("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
          }
          byte[] body = readBody(headers);
          request = request(parts[0], parts[1], headers, body);
        } catch (IllegalArgumentException e) {
          badRequest(e.getMessage());
          return;
        }
        if (!play(core.handle(request), keepAlive, request.method().equals("HEAD")) || !keepAlive) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away or the request was cut short: nothing to answer
    } finally {
      server.forget(socket);
      LoopbackServer.closeQuietly(socket);
    }
  }

  private static IncomingRequest request(String method, String target, Headers headers, byte[] body) {
    String rawPath = target;
    String rawQuery = null;
    if (!target.startsWith("/")) {
      try {
        URI uri = new URI(target);
        rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        rawQuery = uri.getRawQuery();
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("malformed request target");
      }
    } else {
      int q = target.indexOf('?');
      if (q >= 0) {
        rawPath = target.substring(0, q);
        rawQuery = target.substring(q + 1);
      }
    }
    return new IncomingRequest(method.toUpperCase(Locale.ROOT), percentDecode(rawPath), rawQuery, headers, body);
  }

  private Headers readHeaders() throws IOException {
    Headers.Builder b = Headers.builder();
    for (int i = 0; ; i++) {
      String line = readLine();
      if (line == null) {
        throw new IOException("connection closed inside the request headers");
      }
      if (line.isEmpty()) {
        return b.build();
      }
      if (i >= MAX_HEADERS) {
        throw new IllegalArgumentException("too many header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("malformed header field");
      }
      b.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
  }

  private byte[] readBody(Headers headers) throws IOException {
    String te = headers.first("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine();
        if (sizeLine == null) {
          throw new IOException("connection closed inside a chunked body");
        }
        int semi = sizeLine.indexOf(';');
        int size;
        try {
          size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("malformed chunk size");
        }
        if (size == 0) {
          String trailer;
          do {
            trailer = readLine();
          } while (trailer != null && !trailer.isEmpty());
          return body.toByteArray();
        }
        body.write(readExactly(size));
        readLine(); // the CRLF after the chunk
      }
    }
    String cl = headers.first("content-length");
    if (cl == null) {
      return new byte[0];
    }
    long n;
    try {
      n = Long.parseLong(cl.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed content-length");
    }
    if (n < 0 || n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("unacceptable content-length");
    }
    return readExactly((int) n);
  }

  private byte[] readExactly(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new IOException("connection closed inside the request body");
    }
    return b;
  }

  private @Nullable String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new IOException("connection closed inside a line");
      }
      if (c == '\n') {
        byte[] b = line.toByteArray();
        int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, len, StandardCharsets.UTF_8);
      }
      if (line.size() >= MAX_LINE) {
        throw new IllegalArgumentException("line too long");
      }
      line.write(c);
    }
  }

  /** Plays one delivery; returns false if the connection must not be reused. */
  private boolean play(Delivery d, boolean keepAlive, boolean head) throws IOException {
    if (!d.headDelay().isZero() && !idle(d.headDelay())) {
      return false;
    }
    if (d.resetBeforeHead()) {
      reset();
      return false;
    }
    StringBuilder status = new StringBuilder(256);
    status.append("HTTP/1.1 ").append(d.status()).append(' ').append(Http.reason(d.status())).append("\r\n");
    status.append("date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
    for (String name : d.headers().names()) {
      if (!FRAMING.contains(name)) {
        for (String v : d.headers().all(name)) {
          status.append(name).append(": ").append(v).append("\r\n");
        }
      }
    }
    status.append(d.chunked() ? "transfer-encoding: chunked" : "content-length: " + d.contentLength()).append("\r\n");
    status.append("connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
    out.write(status.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    if (head) {
      return true; // a HEAD answer has headers only
    }
    for (BodyStep step : d.steps()) {
      if (step instanceof BodyStep.Bytes) {
        byte[] bytes = ((BodyStep.Bytes) step).bytes();
        if (d.chunked()) {
          out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(bytes);
          out.write('\r');
          out.write('\n');
        } else {
          out.write(bytes);
        }
        out.flush();
      } else if (step instanceof BodyStep.Pause) {
        if (!idle(((BodyStep.Pause) step).duration())) {
          return false;
        }
      } else if (step instanceof BodyStep.Stall) {
        Duration stall = ((BodyStep.Stall) step).duration();
        if (!idle(stall) || stall == null) {
          return false;
        }
      } else {
        reset();
        return false;
      }
    }
    if (d.chunked()) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    return true;
  }

  /**
   * Waits {@code d} (forever when null) while watching the socket; returns false as soon as the client
   * closes the connection or the server shuts down.
   */
  private boolean idle(@Nullable Duration d) throws IOException {
    long deadline = d == null ? Long.MAX_VALUE : System.nanoTime() + d.toNanos();
    try {
      while (!server.isClosed()) {
        long left = deadline == Long.MAX_VALUE ? 25 : (deadline - System.nanoTime()) / 1_000_000L;
        if (deadline != Long.MAX_VALUE && System.nanoTime() >= deadline) {
          return true;
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(25, left)));
        in.mark(1);
        try {
          if (in.read() < 0) {
            return false;
          }
          in.reset();
          Thread.sleep(Math.max(1, Math.min(25, left)));
        } catch (SocketTimeoutException e) {
          // a slice passed without the client leaving
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    } finally {
      if (!socket.isClosed()) {
        socket.setSoTimeout(IDLE_TIMEOUT_MS);
      }
    }
  }

  private void reset() {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // close anyway
    }
    LoopbackServer.closeQuietly(socket);
  }

  private void badRequest(@Nullable String why) throws IOException {
    byte[] body = ("{\"error\":{\"message\":\"Bad request: " + (why == null ? "malformed" : why.replace("\"", "'"))
        + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}").getBytes(StandardCharsets.UTF_8);
    out.write(("HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: " + body.length
        + "\r\nconnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          b.write(hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      int cp = s.codePointAt(i);
      byte[] raw = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      b.write(raw, 0, raw.length);
      i += Character.charCount(cp);
    }
    return b.toString(StandardCharsets.UTF_8);
  }
}
