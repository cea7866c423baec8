package dev.conduit.benchmarks.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal, fast HTTP/1.1 loopback server with canned answers, so that the clients, not the server,
 * are the bottleneck. Non-blocking NIO: a fixed number of selector threads (default 1), keep-alive,
 * pipelining-safe, Content-Length and chunked request bodies, answers written from pre-rendered
 * direct buffers without copying. Routes:
 *
 * <ul>
 *   <li>{@code POST /v1/chat/completions}: a chat completion (about 700 bytes of JSON);
 *   <li>{@code POST /v1/responses}: a Responses object, or with {@code "stream":true} the
 *       10,000-delta SSE stream, or for model {@value Payloads#HOLD_MODEL} a short stream held open
 *       after its first {@value Payloads#HELD_EVENTS_BEFORE_HOLD} events until {@code /bench/release};
 *   <li>{@code POST /bench/release}, {@code POST /bench/reset}: release held streams (and stop
 *       holding new ones), or start holding again.
 * </ul>
 *
 * <p>Run as its own process ({@link #main}) so that its CPU and allocations never count against a
 * client: prints {@code LISTENING <port>} and runs until its standard input closes.
 */
public final class LoopbackServer implements Closeable {
  private final Payloads payloads = new Payloads();
  private final ServerSocketChannel server;
  private final Loop[] loops;
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean released;
  private int next;

  /** Starts a server on 127.0.0.1:{@code port} (0 for any free port) with {@code threads} selector loops. */
  public LoopbackServer(int port, int threads) throws IOException {
    server = ServerSocketChannel.open();
    server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
    server.configureBlocking(false);
    loops = new Loop[threads];
    for (int i = 0; i < threads; i++) {
      loops[i] = new Loop(i);
    }
    loops[0].submit(() -> {
      try {
        server.register(loops[0].selector, SelectionKey.OP_ACCEPT);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    for (Loop l : loops) {
      Thread t = new Thread(l, "loopback-" + l.index);
      t.setDaemon(true);
      t.start();
    }
  }

  /** Returns the port the server listens on. */
  public int port() {
    return ((InetSocketAddress) server.socket().getLocalSocketAddress()).getPort();
  }

  /** Returns how many requests were answered. */
  public long requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Loop l : loops) {
      l.running = false;
      l.selector.wakeup();
    }
  }

  /**
   * Runs the server until standard input closes. Arguments: {@code [port] [threads]}, defaults 0 and
   * 1. Prints {@code LISTENING <port>} once it accepts connections.
   */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    try (LoopbackServer s = new LoopbackServer(port, threads)) {
      System.out.println("LISTENING " + s.port());
      System.out.flush();
      byte[] sink = new byte[256];
      while (System.in.read(sink) >= 0) {
        // wait for the parent to go away
      }
      System.err.println("loopback server: " + s.requests() + " requests answered");
    }
  }

  private void accept() throws IOException {
    SocketChannel ch;
    while ((ch = server.accept()) != null) {
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Loop l = loops[next++ % loops.length];
      SocketChannel c = ch;
      l.submit(() -> l.register(c));
    }
  }

  private void releaseAll(boolean release) {
    released = release;
    if (release) {
      for (Loop l : loops) {
        l.submit(l::releaseHeld);
      }
    }
  }

  /** One selector thread and the connections it owns. */
  private final class Loop implements Runnable {
    final int index;
    final Selector selector;
    final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    final List<Conn> held = new ArrayList<>();
    volatile boolean running = true;

    Loop(int index) throws IOException {
      this.index = index;
      this.selector = Selector.open();
    }

    void submit(Runnable task) {
      tasks.add(task);
      selector.wakeup();
    }

    void register(SocketChannel ch) {
      try {
        Conn c = new Conn(this, ch);
        c.key = ch.register(selector, SelectionKey.OP_READ, c);
      } catch (IOException e) {
        closeQuietly(ch);
      }
    }

    void releaseHeld() {
      List<Conn> todo = new ArrayList<>(held);
      held.clear();
      for (Conn c : todo) {
        c.held = false;
        c.send(payloads.heldRest.duplicate());
        c.process();
      }
    }

    @Override
    public void run() {
      while (running) {
        try {
          selector.select(this::ready);
          Runnable t;
          while ((t = tasks.poll()) != null) {
            t.run();
          }
        } catch (IOException | RuntimeException e) {
          if (running) {
            e.printStackTrace();
          }
        }
      }
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }

    private void ready(SelectionKey key) {
      try {
        if (key.isAcceptable()) {
          accept();
          return;
        }
        Conn c = (Conn) key.attachment();
        if (key.isWritable()) {
          c.flush();
        }
        if (key.isValid() && key.isReadable()) {
          c.read();
        }
      } catch (IOException | RuntimeException e) {
        if (e instanceof RuntimeException || !isDisconnect(e)) {
          System.err.println("loopback server: closing a connection after " + e);
          e.printStackTrace();
        }
        Object a = key.attachment();
        if (a instanceof Conn) {
          ((Conn) a).close();
        }
      }
    }
  }

  /** One keep-alive connection. */
  private final class Conn {
    final Loop loop;
    final SocketChannel ch;
    SelectionKey key;
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    boolean held;
    boolean closeAfterWrite;
    boolean sentContinue;
    boolean closed;

    Conn(Loop loop, SocketChannel ch) {
      this.loop = loop;
      this.ch = ch;
    }

    void read() throws IOException {
      while (true) {
        if (!in.hasRemaining()) {
          ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
          in.flip();
          bigger.put(in);
          in = bigger;
        }
        int n = ch.read(in);
        if (n < 0) {
          close();
          return;
        }
        if (n == 0) {
          break;
        }
        if (in.hasRemaining()) {
          break;
        }
      }
      process();
    }

    /** Answers every complete request in the buffer. */
    void process() {
      byte[] a = in.array();
      int end = in.position();
      int start = 0;
      while (!held && !closed && start < end) {
        int headEnd = indexOf(a, start, end, CRLFCRLF);
        if (headEnd < 0) {
          break;
        }
        int lineEnd = indexOf(a, start, headEnd + 2, CRLF);
        String line = new String(a, start, lineEnd - start, StandardCharsets.ISO_8859_1);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        boolean expect = false;
        int p = lineEnd + 2;
        while (p < headEnd + 2) {
          int e = indexOf(a, p, headEnd + 2, CRLF);
          String h = new String(a, p, e - p, StandardCharsets.ISO_8859_1);
          int colon = h.indexOf(':');
          if (colon > 0) {
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
              contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
              chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
              close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("expect")) {
              expect = value.equalsIgnoreCase("100-continue");
            }
          }
          p = e + 2;
        }
        int bodyStart = headEnd + 4;
        byte[] body;
        int next;
        if (chunked) {
          ByteBuffer decoded = ByteBuffer.allocate(end - bodyStart);
          int q = bodyStart;
          next = -1;
          while (true) {
            int e = indexOf(a, q, end, CRLF);
            if (e < 0) {
              break;
            }
            String size = new String(a, q, e - q, StandardCharsets.ISO_8859_1);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            if (n == 0) {
              int t = indexOf(a, e, end, CRLFCRLF);
              if (t >= 0) {
                next = t + 4;
              }
              break;
            }
            if (e + 2 + n + 2 > end) {
              break;
            }
            decoded.put(a, e + 2, n);
            q = e + 2 + n + 2;
          }
          if (next < 0) {
            maybeContinue(expect);
            break;
          }
          body = new byte[decoded.position()];
          decoded.flip().get(body);
        } else if (contentLength > 0) {
          if (end - bodyStart < contentLength) {
            maybeContinue(expect);
            break;
          }
          body = new byte[(int) contentLength];
          System.arraycopy(a, bodyStart, body, 0, body.length);
          next = bodyStart + (int) contentLength;
        } else {
          body = new byte[0];
          next = bodyStart;
        }
        sentContinue = false;
        start = next;
        requests.incrementAndGet();
        answer(line, body);
        if (close) {
          closeAfterWrite = true;
          break;
        }
      }
      if (start > 0) {
        System.arraycopy(a, start, a, 0, end - start);
        in.position(end - start);
      }
      flushQuietly();
    }

    private void maybeContinue(boolean expect) {
      if (expect && !sentContinue) {
        sentContinue = true;
        send(payloads.continue100.duplicate());
      }
    }

    private void answer(String requestLine, byte[] body) {
      int sp1 = requestLine.indexOf(' ');
      int sp2 = requestLine.indexOf(' ', sp1 + 1);
      String path = requestLine.substring(sp1 + 1, sp2 < 0 ? requestLine.length() : sp2);
      if (path.startsWith("/v1/chat/completions")) {
        send(payloads.chat.duplicate());
      } else if (path.startsWith("/v1/responses")) {
        if (!streaming(body)) {
          send(payloads.response.duplicate());
        } else if (contains(body, HOLD) && !released) {
          send(payloads.heldHead.duplicate());
          held = true;
          loop.held.add(this);
        } else if (contains(body, HOLD)) {
          send(payloads.heldHead.duplicate());
          send(payloads.heldRest.duplicate());
        } else {
          send(payloads.stream.duplicate());
        }
      } else if (path.startsWith("/bench/release")) {
        releaseAll(true);
        send(payloads.released.duplicate());
      } else if (path.startsWith("/bench/reset")) {
        releaseAll(false);
        send(payloads.released.duplicate());
      } else {
        send(payloads.notFound.duplicate());
      }
    }

    void send(ByteBuffer b) {
      out.add(b);
    }

    private void flushQuietly() {
      try {
        flush();
      } catch (IOException e) {
        close();
      }
    }

    void flush() throws IOException {
      if (closed) {
        return;
      }
      while (!out.isEmpty()) {
        ByteBuffer b = out.peek();
        ch.write(b);
        if (b.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.poll();
      }
      if (closeAfterWrite) {
        close();
        return;
      }
      if (key.isValid() && key.interestOps() != SelectionKey.OP_READ) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    void close() {
      if (!closed) {
        closed = true;
        held = false;
        loop.held.remove(this);
        out.clear();
        if (key != null) {
          key.cancel();
        }
        closeQuietly(ch);
      }
    }
  }

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};
  private static final byte[] HOLD = ("\"" + Payloads.HOLD_MODEL + "\"").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STREAM_TRUE = "\"stream\":true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STREAM_TRUE_SPACED = "\"stream\": true".getBytes(StandardCharsets.US_ASCII);

  private static boolean streaming(byte[] body) {
    return contains(body, STREAM_TRUE) || contains(body, STREAM_TRUE_SPACED);
  }

  private static boolean contains(byte[] a, byte[] pattern) {
    return indexOf(a, 0, a.length, pattern) >= 0;
  }

  private static int indexOf(byte[] a, int from, int to, byte[] pattern) {
    outer:
    for (int i = from; i <= to - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (a[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean isDisconnect(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("reset") || m.contains("Broken pipe") || m.contains("closed");
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
