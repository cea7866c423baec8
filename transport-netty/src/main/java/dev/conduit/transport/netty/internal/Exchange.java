package dev.conduit.transport.netty.internal;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a {@link Call} on one pooled connection: writes the request, reads the response
 * head and then the body as fast as its subscriber asks, and finally returns the connection to the
 * pool (fully read, keep-alive) or closes it (anything else).
 *
 * <p>All state is confined to the channel's event loop, except what the request body writer
 * touches: {@link #finished}, {@link #failure} and its {@link BodyOutputStream}. Nothing here runs
 * user code: the body writer runs on a caller or writer thread, subscribers on the delivery
 * executor.
 */
final class Exchange implements BodyPublisher.Source {
  private static final String DECOMPRESSOR = "conduit-decompressor";

  private enum State {
    NEW,
    WAITING_HEAD,
    BODY,
    DONE
  }

  private final Call call;
  private final ConnectionHandler connection;
  private final Channel channel;
  private final EventLoop loop;
  private final boolean reused;
  private final Timeouts timeouts;
  private final AtomicBoolean demandQueued = new AtomicBoolean();
  private final @Nullable BodyOutputStream bodyOut;

  // Event-loop state.
  private State state = State.NEW;
  private boolean responseSeen;
  private boolean skippingInformational;
  private boolean requestSent;
  private boolean readPending;
  private boolean keepAlive;
  private long starvedSince;
  private @Nullable ScheduledFuture<?> responseTimer;
  private @Nullable ScheduledFuture<?> readTimer;
  private @Nullable ScheduledFuture<?> writeTimer;
  private byte @Nullable [] pending;
  private int pendingLength;
  private int status;
  private Headers headers = Headers.empty();
  private @Nullable BodyPublisher body;

  // Shared with the body writer thread.
  private volatile boolean finished;
  private volatile @Nullable IOException failure;

  Exchange(Call call, ConnectionHandler connection, boolean reused) {
    this.call = call;
    this.connection = connection;
    this.channel = connection.channel();
    this.loop = channel.eventLoop();
    this.reused = reused;
    this.timeouts = call.timeouts;
    RequestBody streamed = call.streamed;
    this.bodyOut = streamed == null ? null : new BodyOutputStream(this, channel, streamed.contentLength(), timeouts.write());
  }

  EventLoop loop() {
    return loop;
  }

  // ---------------------------------------------------------------- request

  /** Writes the request head and any in-memory body; runs on the event loop. */
  void start() {
    if (state != State.NEW) {
      return; // aborted before it started
    }
    if (call.isDone() || !channel.isActive()) {
      state = State.DONE;
      finished = true;
      if (call.isDone()) {
        connection.pool().release(connection);
      } else {
        channel.close();
        call.exchangeFailed(this, new IOException("the connection to " + call.head.key + " closed before it was used"), reused);
      }
      return;
    }
    connection.attach(this);
    call.engine.register(this);
    ChannelPipeline p = channel.pipeline();
    boolean decompress = call.head.transparentGzip;
    if (decompress && p.get(DECOMPRESSOR) == null) {
      p.addBefore(ConnectionHandler.NAME, DECOMPRESSOR, new HttpContentDecompressor(0));
    } else if (!decompress && p.get(DECOMPRESSOR) != null) {
      p.remove(DECOMPRESSOR);
    }
    state = State.WAITING_HEAD;
    RequestBody streamed = call.streamed;
    if (streamed != null) {
      channel.writeAndFlush(call.head.message).addListener(f -> {
        if (!f.isSuccess()) {
          writeFailed(f.cause());
        }
      });
      call.bodyWriterReady(this);
    } else {
      channel.write(call.head.message);
      byte[] bytes = call.buffered;
      LastHttpContent last =
          bytes == null || bytes.length == 0
              ? LastHttpContent.EMPTY_LAST_CONTENT
              : new DefaultLastHttpContent(Unpooled.wrappedBuffer(bytes));
      ChannelFuture f = channel.writeAndFlush(last);
      lastWritten(f);
    }
    readPending = true;
    channel.read();
  }

  /** Arms the write watchdog on the final write of the request and records its completion. */
  void lastWritten(ChannelFuture f) {
    f.addListener(
        x -> {
          if (x.isSuccess()) {
            requestSent();
          } else {
            writeFailed(x.cause());
          }
        });
    if (loop.inEventLoop()) {
      armWriteTimer(f);
    } else {
      execute(() -> armWriteTimer(f));
    }
  }

  private void armWriteTimer(ChannelFuture f) {
    Duration write = timeouts.write();
    if (write == null || f.isDone() || state == State.DONE) {
      return;
    }
    writeTimer =
        loop.schedule(
            () -> {
              if (!f.isDone()) {
                fail(Failures.timeout(Timeouts.Kind.WRITE, write, "sending the request to " + call.head.key), false);
              }
            },
            write.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  private void requestSent() {
    requestSent = true;
    cancel(writeTimer);
    writeTimer = null;
    Duration response = timeouts.response();
    if (state == State.WAITING_HEAD && response != null) {
      responseTimer =
          loop.schedule(
              () -> {
                if (state == State.WAITING_HEAD) {
                  fail(Failures.timeout(Timeouts.Kind.RESPONSE, response, "waiting for the response headers from " + call.head.key), false);
                }
              },
              response.toNanos(),
              TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Writes the streamed request body on the current thread (the caller's, or a writer thread);
   * ends the exchange with the body's failure if {@code writeTo} throws.
   */
  void writeStreamedBody() {
    RequestBody streamed = call.streamed;
    BodyOutputStream out = bodyOut;
    if (streamed != null && out != null && !finished) {
      out.writeBody(streamed);
    }
  }

  boolean isFinished() {
    return finished;
  }

  /** Returns where the request goes, e.g. {@code https://api.openai.com:443}, for messages. */
  String target() {
    return call.head.key.toString();
  }

  @Nullable IOException failure() {
    return failure;
  }

  private void signalWriter() {
    BodyOutputStream out = bodyOut;
    if (out != null) {
      out.signal();
    }
  }

  // ---------------------------------------------------------------- response (event loop)

  void onMessage(Object msg) {
    try {
      if (state == State.DONE) {
        return;
      }
      responseSeen = true;
      if (msg instanceof io.netty.handler.codec.http.HttpResponse) {
        io.netty.handler.codec.http.HttpResponse r = (io.netty.handler.codec.http.HttpResponse) msg;
        if (r.decoderResult().isFailure()) {
          fail(new IOException("malformed response from " + call.head.key + ": " + r.decoderResult().cause().getMessage(), r.decoderResult().cause()), false);
          return;
        }
        int code = r.status().code();
        if (code >= 100 && code < 200 && code != 101) {
          skippingInformational = true; // its empty LastHttpContent follows
        } else {
          onHead(r);
        }
      }
      if (msg instanceof HttpContent) {
        HttpContent c = (HttpContent) msg;
        if (c.decoderResult().isFailure()) {
          fail(new IOException("malformed response body from " + call.head.key + ": " + c.decoderResult().cause().getMessage(), c.decoderResult().cause()), false);
          return;
        }
        if (skippingInformational) {
          if (c instanceof LastHttpContent) {
            skippingInformational = false;
          }
          return;
        }
        if (state != State.BODY) {
          return;
        }
        accumulate(c.content());
        if (c instanceof LastHttpContent) {
          flushPending();
          onBodyEnd();
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHead(io.netty.handler.codec.http.HttpResponse r) {
    cancel(responseTimer);
    responseTimer = null;
    status = r.status().code();
    Headers.Builder b = Headers.builder();
    for (Iterator<Map.Entry<String, String>> it = r.headers().iteratorAsString(); it.hasNext(); ) {
      Map.Entry<String, String> e = it.next();
      b.add(e.getKey(), e.getValue());
    }
    headers = b.build();
    keepAlive = HttpUtil.isKeepAlive(r);
    body = new BodyPublisher(call.blocking ? Runnable::run : call.engine.callbacks(), this);
    state = State.BODY;
    call.headersReceived(this);
  }

  private void accumulate(ByteBuf content) {
    int n = content.readableBytes();
    if (n == 0) {
      return;
    }
    byte[] p = pending;
    if (p == null) {
      p = pending = new byte[n];
    } else if (p.length - pendingLength < n) {
      p = pending = java.util.Arrays.copyOf(p, Math.max(p.length * 2, pendingLength + n));
    }
    content.readBytes(p, pendingLength, n);
    pendingLength += n;
  }

  /** Publishes what this read produced as one buffer; returns true if there was any. */
  private boolean flushPending() {
    byte[] p = pending;
    if (p == null || pendingLength == 0) {
      return false;
    }
    ByteBuffer b = ByteBuffer.wrap(p, 0, pendingLength).slice();
    pending = null;
    pendingLength = 0;
    BodyPublisher publisher = body;
    if (publisher != null) {
      publisher.offer(b);
    }
    return true;
  }

  void onReadComplete() {
    readPending = false;
    if (state == State.WAITING_HEAD) {
      readPending = true;
      channel.read();
    } else if (state == State.BODY) {
      if (flushPending()) {
        starvedSince = 0;
      }
      readIfNeeded();
    }
  }

  private void onBodyEnd() {
    // Release the connection before the consumer can see the end, so that a request it makes next
    // finds the connection idle in the pool.
    finish(keepAlive && requestSent);
    BodyPublisher publisher = body;
    if (publisher != null) {
      publisher.complete();
    }
  }

  void onInactive() {
    if (state == State.DONE) {
      return;
    }
    String when = state == State.BODY ? "before the response body ended" : "before the response headers arrived";
    fail(new IOException("the server " + call.head.key + " closed the connection " + when), reused && !responseSeen);
  }

  void onException(Throwable cause) {
    fail(Failures.toIOException(cause), reused && !responseSeen && !(cause instanceof TransportTimeoutException));
  }

  /** A write of the request failed (on the event loop); the connection is broken. */
  void writeFailed(Throwable cause) {
    fail(Failures.toIOException(cause), reused && !responseSeen);
  }

  void onWritabilityChanged() {
    signalWriter();
  }

  // ---------------------------------------------------------------- demand and the read watchdog

  @Override
  public void demand() {
    if (!finished && demandQueued.compareAndSet(false, true)) {
      execute(
          () -> {
            demandQueued.set(false);
            readIfNeeded();
          });
    }
  }

  @Override
  public void cancel() {
    if (!finished) {
      abort(new IOException("the response body was cancelled"));
    }
  }

  private void readIfNeeded() {
    BodyPublisher publisher = body;
    if (state != State.BODY || publisher == null) {
      return;
    }
    if (publisher.wantsMore()) {
      if (!readPending) {
        readPending = true;
        channel.read();
      }
      if (starvedSince == 0) {
        starvedSince = System.nanoTime();
        armReadTimer();
      }
    } else {
      starvedSince = 0;
    }
  }

  private void armReadTimer() {
    Duration read = timeouts.read();
    if (read == null || readTimer != null) {
      return;
    }
    readTimer = loop.schedule(this::checkRead, read.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void checkRead() {
    readTimer = null;
    Duration read = timeouts.read();
    BodyPublisher publisher = body;
    if (state != State.BODY || read == null || publisher == null || starvedSince == 0) {
      return;
    }
    if (!publisher.wantsMore()) {
      starvedSince = 0;
      return;
    }
    long idle = System.nanoTime() - starvedSince;
    if (idle >= read.toNanos()) {
      fail(Failures.timeout(Timeouts.Kind.READ, read, "waiting for response body bytes from " + call.head.key), false);
    } else {
      readTimer = loop.schedule(this::checkRead, read.toNanos() - idle, TimeUnit.NANOSECONDS);
    }
  }

  // ---------------------------------------------------------------- ending

  /** Fails this exchange from any thread; closes the connection unless the exchange is complete. */
  void abort(IOException cause) {
    execute(() -> fail(cause, false));
  }

  private void execute(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
      return;
    }
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      task.run(); // the event loop is gone (transport closed); nothing else touches this state now
    }
  }

  private void finish(boolean reusable) {
    state = State.DONE;
    finished = true;
    cancelTimers();
    connection.detach(this);
    call.engine.unregister(this);
    signalWriter();
    if (reusable && channel.isActive()) {
      connection.pool().release(connection);
    } else {
      channel.close();
    }
  }

  private void fail(IOException cause, boolean retryable) {
    if (state == State.DONE) {
      return;
    }
    boolean headDelivered = state == State.BODY;
    failure = cause;
    state = State.DONE;
    finished = true;
    cancelTimers();
    connection.detach(this);
    call.engine.unregister(this);
    pending = null;
    signalWriter();
    channel.close();
    BodyPublisher publisher = body;
    if (headDelivered && publisher != null) {
      publisher.fail(cause);
    } else {
      call.exchangeFailed(this, cause, retryable);
    }
  }

  private void cancelTimers() {
    cancel(responseTimer);
    cancel(readTimer);
    cancel(writeTimer);
    responseTimer = readTimer = writeTimer = null;
  }

  private static void cancel(@Nullable ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  // ---------------------------------------------------------------- views for the caller

  /** Returns the asynchronous view of the response; call once the head arrived. */
  AsyncHttpResponse asyncResponse() {
    return new Responses.Async(status, headers, requireBody());
  }

  /** Returns the blocking view of the response; call once the head arrived. */
  HttpResponse blockingResponse() {
    BlockingBodyStream stream = new BlockingBodyStream();
    requireBody().subscribe(stream);
    return new Responses.Blocking(status, headers, stream);
  }

  private BodyPublisher requireBody() {
    BodyPublisher b = body;
    if (b == null) {
      throw new IllegalStateException("no response head yet");
    }
    return b;
  }

  @Override
  public String toString() {
    return "Exchange{" + call.head.key + ", reused=" + reused + "}";
  }
}
