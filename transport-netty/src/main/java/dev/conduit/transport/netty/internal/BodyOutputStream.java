package dev.conduit.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The {@link OutputStream} a streamed request body writes to, on a caller or writer thread (never
 * the event loop). Bytes are gathered into chunks of {@value #CHUNK} bytes and written to the
 * channel; before each write the stream waits until the channel is writable, so a peer that stops
 * reading stalls the writer (and trips the {@code write} timeout) instead of filling memory.
 * {@link #flush()} sends what is gathered at once. A declared content length is enforced.
 */
final class BodyOutputStream extends OutputStream {
  static final int CHUNK = 32 * 1024;

  private final Exchange exchange;
  private final Channel channel;
  private final long contentLength;
  private final @Nullable Duration writeTimeout;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition writableChanged = lock.newCondition();
  private final byte[] buffer = new byte[CHUNK];
  private int count;
  private long written;

  BodyOutputStream(Exchange exchange, Channel channel, long contentLength, @Nullable Duration writeTimeout) {
    this.exchange = exchange;
    this.channel = channel;
    this.contentLength = contentLength;
    this.writeTimeout = writeTimeout;
  }

  /** Runs {@code body.writeTo(this)} and ends the body; a failure of {@code writeTo} ends the exchange. */
  void writeBody(RequestBody body) {
    try {
      body.writeTo(this);
      finish();
    } catch (IOException | RuntimeException e) {
      if (!exchange.isFinished()) {
        exchange.abort(e instanceof IOException ? (IOException) e : new IOException("the request body failed: " + e, e));
      }
    } catch (Error e) {
      exchange.abort(new IOException("the request body failed: " + e, e));
      throw e;
    }
  }

  /**
   * Blocks until the channel can take more bytes.
   *
   * @throws IOException if the exchange ended meanwhile, or the write timeout fired
   */
  private void awaitWritable() throws IOException {
    Duration write = writeTimeout;
    long deadline = write == null ? 0 : System.nanoTime() + write.toNanos();
    lock.lock();
    try {
      while (!exchange.isFinished() && !channel.isWritable()) {
        if (write == null) {
          writableChanged.await();
          continue;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          TransportTimeoutException e = Failures.timeout(Timeouts.Kind.WRITE, write, "sending the request body to " + exchange.target() + " (the server is not reading)");
          exchange.abort(e);
          throw e;
        }
        writableChanged.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      IOException ie = new InterruptedIOException("interrupted while sending the request body");
      exchange.abort(ie);
      throw ie;
    } finally {
      lock.unlock();
    }
    if (exchange.isFinished()) {
      throw new IOException("the exchange ended before the request body was sent", exchange.failure());
    }
  }

  /** Wakes the writer: the channel's writability changed, or the exchange ended. */
  void signal() {
    lock.lock();
    try {
      writableChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void write(int b) throws IOException {
    checkLength(1);
    buffer[count++] = (byte) b;
    if (count == CHUNK) {
      send();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    checkLength(len);
    while (len > 0) {
      int n = Math.min(len, CHUNK - count);
      System.arraycopy(b, off, buffer, count, n);
      count += n;
      off += n;
      len -= n;
      if (count == CHUNK) {
        send();
      }
    }
  }

  @Override
  public void flush() throws IOException {
    send();
  }

  /** Does nothing: the transport owns the stream and ends the body after {@code writeTo} returns. */
  @Override
  public void close() {}

  /** Sends what is gathered and the end of the body, checking the declared length. */
  private void finish() throws IOException {
    send();
    if (contentLength >= 0 && written != contentLength) {
      throw new IOException("the request body wrote " + written + " bytes but declared a content length of " + contentLength);
    }
    awaitWritable();
    exchange.lastWritten(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
  }

  private void checkLength(int more) throws IOException {
    if (contentLength >= 0 && written + count + more > contentLength) {
      throw new IOException("the request body wrote more than its declared content length of " + contentLength + " bytes");
    }
  }

  private void send() throws IOException {
    if (count == 0) {
      return;
    }
    awaitWritable();
    ByteBuf b = channel.alloc().buffer(count);
    b.writeBytes(buffer, 0, count);
    written += count;
    count = 0;
    channel.writeAndFlush(new DefaultHttpContent(b)).addListener(
        (ChannelFutureListener)
            f -> {
              if (!f.isSuccess()) {
                exchange.writeFailed(f.cause());
              }
            });
  }
}
