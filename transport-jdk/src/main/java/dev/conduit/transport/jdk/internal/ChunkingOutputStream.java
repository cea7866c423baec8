package dev.conduit.transport.jdk.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stream a request body's {@code writeTo} writes into: it cuts the bytes into chunks of at most
 * 16 KiB (sized down to what is left of a known length), hands each full chunk, and the partial one
 * on {@code flush()}, to {@link #emit}, and fails a body that writes more or fewer bytes than its
 * declared content length.
 */
abstract class ChunkingOutputStream extends OutputStream {
  private static final int CHUNK = 16 * 1024;

  private final long expected;
  private long written;
  private @Nullable ByteBuffer current;
  private boolean finished;

  ChunkingOutputStream(long expected) {
    this.expected = expected;
  }

  abstract void emit(ByteBuffer chunk) throws IOException;

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (finished) {
      throw new IOException("the request body stream is finished");
    }
    if (expected >= 0 && written + len > expected) {
      throw new IOException(
          "request body wrote more than its contentLength " + expected + ": " + (written + len));
    }
    while (len > 0) {
      ByteBuffer c = current;
      if (c == null) {
        // Size a chunk to what is left of a known length, so small bodies stay small.
        int size = expected >= 0 ? (int) Math.min(CHUNK, expected - written) : CHUNK;
        c = current = ByteBuffer.allocate(size);
      }
      int n = Math.min(len, c.remaining());
      c.put(b, off, n);
      off += n;
      len -= n;
      written += n;
      if (!c.hasRemaining()) {
        current = null;
        c.flip();
        emit(c);
      }
    }
  }

  @Override
  public void flush() throws IOException {
    ByteBuffer c = current;
    if (c != null && c.position() > 0) {
      current = null;
      c.flip();
      emit(c);
    }
  }

  /** The transport owns the stream: a body calling close() is harmless. */
  @Override
  public void close() {}

  void finish() throws IOException {
    if (expected >= 0 && written != expected) {
      throw new IOException(
          "request body wrote " + written + " bytes but its contentLength is " + expected);
    }
    flush();
    finished = true;
  }
}
