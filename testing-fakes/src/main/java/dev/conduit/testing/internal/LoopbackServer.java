package dev.conduit.testing.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * A small HTTP/1.1 server on 127.0.0.1: one acceptor thread, connections served from the fake's
 * bounded pool, keep-alive, chunked streams. It controls the socket directly so faults can stall,
 * drip and reset (RST) exactly where they should.
 */
public final class LoopbackServer implements AutoCloseable {
  private final FakeCore core;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Binds to {@code port} on the loopback address (0 for a free port) and starts accepting. */
  public LoopbackServer(FakeCore core, int port) throws IOException {
    this.core = core;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    Thread acceptor = new Thread(this::accept, "fake-openai-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  boolean isClosed() {
    return closed || core.isClosed();
  }

  void forget(Socket socket) {
    open.remove(socket);
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      open.add(socket);
      try {
        socket.setTcpNoDelay(true);
        core.workers().execute(new HttpConnection(socket, core, this));
      } catch (IOException | RejectedExecutionException e) {
        forget(socket);
        closeQuietly(socket);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // nothing to do
    }
  }
}
