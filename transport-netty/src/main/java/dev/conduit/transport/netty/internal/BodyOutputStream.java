package dev.conduit.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

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
  private final byte[] buffer = new byte[CHUNK];
  private int count;
  private long written;

  BodyOutputStream(Exchange exchange, Channel channel, long contentLength) {
    this.exchange = exchange;
    this.channel = channel;
    this.contentLength = contentLength;
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
  void finish() throws IOException {
    send();
    if (contentLength >= 0 && written != contentLength) {
      throw new IOException("the request body wrote " + written + " bytes but declared a content length of " + contentLength);
    }
    exchange.awaitWritable();
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
    exchange.awaitWritable();
    ByteBuf b = channel.alloc().buffer(count);
    b.writeBytes(buffer, 0, count);
    written += count;
    count = 0;
    channel.writeAndFlush(new DefaultHttpContent(b)).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
  }
}
