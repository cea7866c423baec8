package dev.conduit.transport.netty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy for tests: {@code CONNECT host:port} opens a tunnel to the target (or answers
 * {@code refuseWith} instead); any other request is answered by the proxy itself with a 200 whose
 * body is the request line it received. It records every request head.
 */
final class TinyProxy implements AutoCloseable {
  final List<String> heads = new CopyOnWriteArrayList<>();
  private final RawServer server;

  TinyProxy(String refuseWith) {
    this.server =
        RawServer.start(
            c -> {
              String head = c.readHead();
              if (head == null) {
                return;
              }
              heads.add(head);
              String requestLine = head.substring(0, head.indexOf("\r\n"));
              if (!requestLine.startsWith("CONNECT ")) {
                byte[] body = requestLine.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                c.write("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
                c.write(body);
                return;
              }
              if (refuseWith != null) {
                c.write("HTTP/1.1 " + refuseWith + "\r\nContent-Length: 0\r\n\r\n");
                return;
              }
              String authority = requestLine.split(" ")[1];
              int colon = authority.lastIndexOf(':');
              try (Socket target = new Socket()) {
                target.connect(new InetSocketAddress(InetAddress.getByName(authority.substring(0, colon)), Integer.parseInt(authority.substring(colon + 1))));
                c.write("HTTP/1.1 200 Connection established\r\n\r\n");
                Thread up = new Thread(() -> pipe(c.in, output(target)), "tiny-proxy-up");
                up.setDaemon(true);
                up.start();
                pipe(target.getInputStream(), c.out);
                up.join(1000);
              }
            });
  }

  private static OutputStream output(Socket s) {
    try {
      return s.getOutputStream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void pipe(InputStream in, OutputStream out) {
    byte[] buf = new byte[16 * 1024];
    try {
      for (int n; (n = in.read(buf)) != -1; ) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException ignored) {
      // one side went away
    } finally {
      try {
        out.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  int port() {
    return server.port();
  }

  int connections() {
    return server.accepted();
  }

  @Override
  public void close() {
    server.close();
  }
}
