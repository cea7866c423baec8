package dev.conduit.testing.kit.transport;

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
 * A raw-socket server on 127.0.0.1 that runs a {@link Script} per accepted connection, for servers
 * that misbehave on purpose: never answer, stall mid-body, reset the connection, never read the
 * request body. It counts accepted and still-open connections, so tests can check that a client
 * closed what it abandoned.
 */
public final class ScriptedServer implements AutoCloseable {
  private final ServerSocket serverSocket;
  private final Script script;
  private final ExecutorService executor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  private ScriptedServer(ServerSocket serverSocket, Script script) {
    this.serverSocket = serverSocket;
    this.script = script;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "scripted-server-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.execute(this::acceptLoop);
  }

  /** Starts a server running {@code script} for each connection. */
  public static ScriptedServer start(Script script) {
    return start(script, -1);
  }

  /**
   * Starts a server running {@code script} for each connection, with accepted sockets' receive
   * buffer set to {@code receiveBufferSize} bytes (or the system default if negative), which makes a
   * server that stops reading stall its client sooner.
   */
  public static ScriptedServer start(Script script, int receiveBufferSize) {
    try {
      ServerSocket ss = new ServerSocket();
      if (receiveBufferSize > 0) {
        ss.setReceiveBufferSize(receiveBufferSize);
      }
      ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
      return new ScriptedServer(ss, script);
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
        executor.execute(
            () -> {
              try (Socket socket = s) {
                script.run(new Connection(socket));
              } catch (IOException | RuntimeException e) {
                // The client went away or reset: that is what many scripts provoke.
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                open.remove(s);
              }
            });
      } catch (RuntimeException e) {
        open.remove(s);
        closeQuietly(s);
      }
    }
  }

  /** Returns {@code http://127.0.0.1:port} plus {@code pathAndQuery}. */
  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + pathAndQuery);
  }

  /** Returns the number of connections accepted so far. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** Returns the number of accepted connections whose script has not finished. */
  public int openConnections() {
    return open.size();
  }

  /** Waits until at most {@code max} connections are open; returns false on timeout. */
  public boolean awaitOpenConnectionsAtMost(int max, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open.size() > max) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Closes the listening socket and every open connection. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(serverSocket);
    for (Socket s : open) {
      closeQuietly(s);
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // best effort
    }
  }

  /** What the server does with one connection; the socket is closed when it returns. */
  @FunctionalInterface
  public interface Script {
    /** Plays the script on {@code connection}. */
    void run(Connection connection) throws IOException, InterruptedException;
  }

  /** One accepted connection, with helpers for speaking (or mangling) HTTP/1.1. */
  public static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /** Returns the socket. */
    public Socket socket() {
      return socket;
    }

    /** Returns the socket's input. */
    public InputStream in() {
      return in;
    }

    /**
     * Reads one request head (request line and headers, up to the blank line) and returns it, or
     * null if the client closed the connection first.
     */
    public String readRequestHead() throws IOException {
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

    /** Reads one request head and its {@code Content-Length} body, if any; returns the head. */
    public String readRequest() throws IOException {
      String head = readRequestHead();
      if (head == null) {
        return null;
      }
      long length = contentLength(head);
      if (length > 0) {
        in.readNBytes((int) length);
      }
      return head;
    }

    /**
     * Reads one chunk of a chunked request body and returns its data; the last (empty) chunk
     * returns an empty array after consuming the trailer.
     */
    public byte[] readChunk() throws IOException {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailer fields
        }
        return new byte[0];
      }
      byte[] data = in.readNBytes(size);
      if (data.length < size) {
        throw new java.io.EOFException("chunk cut short");
      }
      readLine();
      return data;
    }

    private String readLine() throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int b; (b = in.read()) != '\n'; ) {
        if (b == -1) {
          throw new java.io.EOFException("connection closed mid-line");
        }
        if (b != '\r') {
          sb.append((char) b);
        }
      }
      return sb.toString();
    }

    /** Returns the {@code Content-Length} of a request head, or -1. */
    public static long contentLength(String head) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
          return Long.parseLong(line.substring(colon + 1).trim());
        }
      }
      return -1;
    }

    /** Writes {@code ascii} and flushes. */
    public void write(String ascii) throws IOException {
      write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code bytes} and flushes. */
    public void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** Aborts the connection with a TCP reset (linger 0) instead of an orderly close. */
    public void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }

    /**
     * Waits up to {@code timeout} for the client to close or reset the connection, discarding
     * anything it sends meanwhile; returns true if it did.
     */
    public boolean awaitClientClose(Duration timeout) throws IOException {
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
          return true; // reset by the client
        }
      }
    }
  }
}
