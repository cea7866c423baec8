package dev.conduit.transport.netty;

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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket server on 127.0.0.1 that plays a {@link Script} on every accepted connection, for
 * servers that misbehave on purpose. It counts accepted and still-open connections.
 */
final class RawServer implements AutoCloseable {
  private final ServerSocket serverSocket;
  private final Script script;
  private final ExecutorService executor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  private RawServer(ServerSocket serverSocket, Script script) {
    this.serverSocket = serverSocket;
    this.script = script;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "raw-server-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.execute(this::acceptLoop);
  }

  static RawServer start(Script script) {
    return start(script, -1);
  }

  /** Starts a server whose accepted sockets have a receive buffer of {@code receiveBuffer} bytes. */
  static RawServer start(Script script, int receiveBuffer) {
    try {
      ServerSocket ss = new ServerSocket();
      if (receiveBuffer > 0) {
        ss.setReceiveBufferSize(receiveBuffer);
      }
      ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
      return new RawServer(ss, script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = serverSocket.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      open.add(s);
      try {
        s.setTcpNoDelay(true); // scripts write in pieces; don't let Nagle meet delayed ACKs
      } catch (IOException ignored) {
        // the client already went away
      }
      executor.execute(
          () -> {
            try (Socket socket = s) {
              script.run(new Conn(socket));
            } catch (IOException | RuntimeException e) {
              // provoked by most scripts
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              open.remove(s);
            }
          });
    }
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + pathAndQuery);
  }

  URI httpsUri(String pathAndQuery) {
    return URI.create("https://127.0.0.1:" + serverSocket.getLocalPort() + pathAndQuery);
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  int accepted() {
    return accepted.get();
  }

  int openConnections() {
    return open.size();
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
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // best effort
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
    executor.shutdownNow();
  }

  @FunctionalInterface
  interface Script {
    void run(Conn c) throws IOException, InterruptedException;
  }

  /** One accepted connection. */
  static final class Conn {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    Conn(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /** Reads a request head, or returns null if the client closed first. */
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

    /** Reads a request head and its Content-Length body; returns the head or null. */
    String readRequest() throws IOException {
      String head = readHead();
      if (head == null) {
        return null;
      }
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
          in.readNBytes(Integer.parseInt(line.substring(colon + 1).trim()));
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

    /** Waits for the client to close; returns true if it did within {@code timeout}. */
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
