package dev.conduit.transport.netty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-thread, selector-based HTTP/1.1 server that streams an SSE-like chunked body to thousands of
 * clients at once. It holds every stream's first event until {@code expected} requests have
 * arrived, which proves they are all in flight together, then sends one event per stream every
 * {@code intervalMillis}, then {@code data: [DONE]} and the last chunk. Request {@code /stream?i=N}
 * gets events that name {@code N}, so each body is distinct.
 */
final class DripServer implements AutoCloseable {
  private final ServerSocketChannel server;
  private final Selector selector;
  private final Thread thread;
  private final int expected;
  private final int events;
  private final long intervalNanos;
  private final List<Conn> streams = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean closed;

  DripServer(int expected, int events, long intervalMillis) {
    this.expected = expected;
    this.events = events;
    this.intervalNanos = intervalMillis * 1_000_000;
    try {
      selector = Selector.open();
      server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::loop, "drip-server");
    thread.setDaemon(true);
    thread.start();
  }

  static String expectedBody(int index, int events) {
    StringBuilder b = new StringBuilder();
    for (int e = 0; e < events; e++) {
      b.append("data: {\"i\":").append(index).append(",\"e\":").append(e).append("}\n\n");
    }
    return b.append("data: [DONE]\n\n").toString();
  }

  URI uri(int index) {
    return URI.create("http://127.0.0.1:" + server.socket().getLocalPort() + "/stream?i=" + index);
  }

  int requestsReceived() {
    return requests.get();
  }

  private void loop() {
    long nextTick = 0;
    try {
      while (!closed) {
        long now = System.nanoTime();
        boolean dripping = requests.get() >= expected;
        if (dripping && now >= nextTick) {
          tick();
          nextTick = now + intervalNanos;
        }
        long waitMs = dripping ? Math.max(1, (nextTick - System.nanoTime()) / 1_000_000) : 10;
        selector.select(waitMs);
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey k = it.next();
          it.remove();
          try {
            if (!k.isValid()) {
              continue;
            }
            if (k.isAcceptable()) {
              SocketChannel ch;
              while ((ch = server.accept()) != null) {
                ch.configureBlocking(false);
                ch.socket().setTcpNoDelay(true);
                Conn c = new Conn(ch);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
              }
            } else {
              Conn c = (Conn) k.attachment();
              if (k.isReadable()) {
                c.read();
              }
              if (k.isValid() && k.isWritable()) {
                c.flush();
              }
            }
          } catch (IOException e) {
            k.cancel();
            try {
              k.channel().close();
            } catch (IOException ignored) {
              // gone
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void tick() throws IOException {
    for (Conn c : streams) {
      if (c.sent > events) {
        continue;
      }
      String payload = c.sent < events ? "data: {\"i\":" + c.index + ",\"e\":" + c.sent + "}\n\n" : "data: [DONE]\n\n";
      byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
      String chunk = Integer.toHexString(bytes.length) + "\r\n" + payload + "\r\n" + (c.sent == events ? "0\r\n\r\n" : "");
      c.sent++;
      try {
        c.send(chunk);
      } catch (IOException e) {
        c.key.cancel();
        c.channel.close();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      thread.join(2000);
      for (SelectionKey k : selector.keys()) {
        k.channel().close();
      }
      selector.close();
      server.close();
    } catch (IOException | InterruptedException ignored) {
      // best effort
    }
  }

  private final class Conn {
    final SocketChannel channel;
    final ByteBuffer in = ByteBuffer.allocate(4096);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    SelectionKey key;
    int index = -1;
    int sent;

    Conn(SocketChannel channel) {
      this.channel = channel;
    }

    void read() throws IOException {
      int n = channel.read(in);
      if (n == -1) {
        key.cancel();
        channel.close();
        return;
      }
      String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0 || index >= 0) {
        if (index >= 0) {
          in.clear(); // a later request on a finished stream is not answered
        }
        return;
      }
      int q = text.indexOf("?i=");
      index = Integer.parseInt(text.substring(q + 3, text.indexOf(' ', q)));
      in.clear();
      streams.add(this);
      send("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
      requests.incrementAndGet();
    }

    void send(String ascii) throws IOException {
      out.add(ByteBuffer.wrap(ascii.getBytes(StandardCharsets.ISO_8859_1)));
      flush();
    }

    void flush() throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer b = out.peek();
        channel.write(b);
        if (b.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    }
  }
}
