package dev.conduit.transport.jdk;

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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded, non-blocking HTTP/1.1 server that holds thousands of streaming responses open
 * at once: it answers each request with chunked event-stream headers, waits until {@code streams}
 * requests are in, then writes one small SSE event to every connection per tick, for {@code events}
 * ticks, and ends each body. One thread serves all sockets, so the server itself adds one thread.
 */
final class DripServer implements AutoCloseable {
  private final Selector selector;
  private final ServerSocketChannel channel;
  private final Thread thread;
  private final int streams;
  private final int events;
  private final long tickNanos;
  private final List<Conn> ready = new ArrayList<>();
  private final CountDownLatch allArrived = new CountDownLatch(1);
  private volatile boolean closed;

  DripServer(int streams, int events, long tickMillis) {
    this.streams = streams;
    this.events = events;
    this.tickNanos = TimeUnit.MILLISECONDS.toNanos(tickMillis);
    try {
      selector = Selector.open();
      channel = ServerSocketChannel.open();
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::loop, "drip-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** The body every stream {@code id} receives, before chunked framing. */
  static String expectedBody(int id, int events) {
    StringBuilder sb = new StringBuilder();
    for (int seq = 0; seq < events; seq++) {
      sb.append(event(id, seq));
    }
    return sb.toString();
  }

  private static String event(int id, int seq) {
    return "data: {\"stream\":" + id + ",\"seq\":" + seq + "}\n\n";
  }

  URI uri(int id) {
    return URI.create("http://127.0.0.1:" + channel.socket().getLocalPort() + "/stream/" + id);
  }

  boolean awaitAllArrived(long timeout, TimeUnit unit) throws InterruptedException {
    return allArrived.await(timeout, unit);
  }

  private void loop() {
    int sent = 0;
    long nextTick = 0;
    try {
      while (!closed) {
        long timeout = 50;
        if (nextTick != 0) {
          timeout = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime()));
        }
        selector.select(timeout);
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept();
          } else {
            Conn c = (Conn) key.attachment();
            if (key.isReadable()) {
              c.read();
            }
            if (key.isValid() && key.isWritable()) {
              c.flush();
            }
          }
        }
        selector.selectedKeys().clear();
        if (nextTick == 0 && ready.size() >= streams) {
          allArrived.countDown();
          nextTick = System.nanoTime();
        }
        if (nextTick != 0 && System.nanoTime() >= nextTick && sent <= events) {
          for (Conn c : ready) {
            if (c.dead) {
              continue;
            }
            if (sent < events) {
              c.send(chunk(event(c.id, sent)));
            } else {
              c.send("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
          }
          sent++;
          nextTick += tickNanos;
        }
      }
    } catch (IOException e) {
      if (!closed) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static byte[] chunk(String data) {
    byte[] d = data.getBytes(StandardCharsets.UTF_8);
    String framed = Integer.toHexString(d.length) + "\r\n" + data + "\r\n";
    return framed.getBytes(StandardCharsets.UTF_8);
  }

  private void accept() throws IOException {
    SocketChannel sc;
    while ((sc = channel.accept()) != null) {
      sc.configureBlocking(false);
      Conn c = new Conn(sc);
      c.key = sc.register(selector, SelectionKey.OP_READ, c);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    selector.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey k : selector.keys()) {
      k.channel().close();
    }
    selector.close();
  }

  private final class Conn {
    final SocketChannel sc;
    final ByteBuffer in = ByteBuffer.allocate(2048);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    SelectionKey key;
    int id = -1;
    boolean dead;

    Conn(SocketChannel sc) {
      this.sc = sc;
    }

    void read() throws IOException {
      int n;
      try {
        n = sc.read(in);
      } catch (IOException e) {
        n = -1;
      }
      if (n == -1) {
        key.cancel();
        sc.close();
        dead = true;
        return;
      }
      String text = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
      int end = text.indexOf("\r\n\r\n");
      if (end >= 0 && id < 0) {
        String path = text.substring(text.indexOf(' ') + 1, text.indexOf(" HTTP/"));
        id = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        in.clear();
        ready.add(this);
        send(
            ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
    }

    void send(byte[] bytes) throws IOException {
      out.add(ByteBuffer.wrap(bytes));
      flush();
    }

    void flush() throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer b = out.peek();
        try {
          sc.write(b);
        } catch (IOException e) {
          key.cancel();
          sc.close();
          dead = true;
          return;
        }
        if (b.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.poll();
      }
      if (key.isValid()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }
  }
}
