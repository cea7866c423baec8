package dev.conduit.transport.okhttp.internal;

import dev.conduit.http.RequestBody;
import java.io.IOException;
import java.io.OutputStream;
import okhttp3.MediaType;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Streams a Conduit {@link RequestBody} into OkHttp's sink: nothing is buffered beyond OkHttp's own
 * segment buffer, a length of -1 is sent chunked, and a body that is not repeatable is one-shot, so
 * OkHttp never resends it. Tells the {@link Exchange} when writing starts and ends, which is how a
 * socket timeout is attributed to {@code write} rather than {@code response}.
 */
final class StreamingRequestBody extends okhttp3.RequestBody {
  private final RequestBody body;
  private final @Nullable MediaType mediaType;
  private final Exchange exchange;

  StreamingRequestBody(RequestBody body, @Nullable MediaType mediaType, Exchange exchange) {
    this.body = body;
    this.mediaType = mediaType;
    this.exchange = exchange;
  }

  @Override
  public @Nullable MediaType contentType() {
    return mediaType;
  }

  @Override
  public long contentLength() {
    return body.contentLength();
  }

  @Override
  public boolean isOneShot() {
    return !body.isRepeatable();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    exchange.requestBodyStarted();
    OutputStream out = new SinkStream(sink);
    try {
      body.writeTo(out);
    } catch (RuntimeException e) {
      // OkHttp's async path rethrows unchecked exceptions on its dispatcher thread; keep it an I/O failure.
      throw new IOException("the request body failed to write: " + e, e);
    }
    sink.flush(); // so a peer that stops reading trips the write timeout here, not the response's
    exchange.requestBodyWritten();
  }

  /** The sink as a stream the body may write and flush but not close (OkHttp closes the sink). */
  private static final class SinkStream extends OutputStream {
    private static final int SLICE = 64 * 1024;
    private final BufferedSink sink;

    SinkStream(BufferedSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
      sink.writeByte(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      // In slices, so a huge array streams out instead of first being copied whole into the buffer.
      while (len > 0) {
        int n = Math.min(len, SLICE);
        sink.write(b, off, n);
        off += n;
        len -= n;
      }
    }

    @Override
    public void flush() throws IOException {
      sink.flush();
    }

    @Override
    public void close() {
      // The transport owns the sink.
    }
  }
}
