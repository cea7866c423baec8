package dev.conduit.testing.internal;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} without sockets: hands each request straight to the fake and plays the
 * delivery back, honouring the request's {@code response} and {@code read} timeouts. Any host and port
 * reach the fake; only the path and query matter.
 */
public final class InMemoryTransport implements Transport {
  private final FakeCore core;

  public InMemoryTransport(FakeCore core) {
    this.core = core;
  }

  @Override
  public HttpResponse execute(HttpRequest request) throws IOException {
    checkOpen();
    Delivery d = core.handle(incoming(request));
    Duration responseTimeout = request.timeouts().response();
    if (!d.headDelay().isZero()) {
      boolean timesOut = responseTimeout != null && d.headDelay().compareTo(responseTimeout) > 0;
      if (!Waits.sleep(timesOut ? responseTimeout : d.headDelay(), core::isClosed)) {
        throw new IOException("the fake OpenAI server was closed");
      }
      if (timesOut) {
        throw responseTimeout(responseTimeout);
      }
    }
    if (d.resetBeforeHead()) {
      throw new SocketException("Connection reset");
    }
    StepInputStream body = new StepInputStream(d.steps(), request.timeouts().read(), core);
    Headers headers = headers(d);
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return d.status();
      }

      @Override
      public Headers headers() {
        return headers;
      }

      @Override
      public InputStream body() {
        return body;
      }

      @Override
      public void close() {
        body.close();
      }
    };
  }

  @Override
  public CompletableFuture<AsyncHttpResponse> executeAsync(HttpRequest request) {
    CompletableFuture<AsyncHttpResponse> future = new CompletableFuture<>();
    Runnable onClose = () -> future.completeExceptionally(new IOException("the fake OpenAI server was closed"));
    core.addCloseHook(onClose);
    future.whenComplete((r, e) -> core.removeCloseHook(onClose));
    try {
      checkOpen();
      core.workers().execute(() -> {
        try {
          Delivery d = core.handle(incoming(request));
          Duration responseTimeout = request.timeouts().response();
          Runnable answer = () -> {
            if (d.resetBeforeHead()) {
              future.completeExceptionally(new SocketException("Connection reset"));
            } else {
              future.complete(async(d, request.timeouts().read()));
            }
          };
          if (d.headDelay().isZero()) {
            answer.run();
          } else if (responseTimeout != null && d.headDelay().compareTo(responseTimeout) > 0) {
            core.timer().schedule(() -> future.completeExceptionally(responseTimeout(responseTimeout)),
                responseTimeout.toNanos(), TimeUnit.NANOSECONDS);
          } else {
            core.timer().schedule(answer, d.headDelay().toNanos(), TimeUnit.NANOSECONDS);
          }
        } catch (Throwable t) {
          future.completeExceptionally(t);
        }
      });
    } catch (IOException | RejectedExecutionException e) {
      future.completeExceptionally(e instanceof IOException ? e : new IOException("the fake OpenAI server was closed", e));
    }
    return future;
  }

  private AsyncHttpResponse async(Delivery d, @Nullable Duration readTimeout) {
    StepPublisher body = new StepPublisher(d.steps(), readTimeout, core);
    Headers headers = headers(d);
    return new AsyncHttpResponse() {
      @Override
      public int statusCode() {
        return d.status();
      }

      @Override
      public Headers headers() {
        return headers;
      }

      @Override
      public Flow.Publisher<ByteBuffer> body() {
        return body;
      }

      @Override
      public void discard() {
        body.discard();
      }
    };
  }

  /** The fake owns every thread; closing the transport releases nothing. */
  @Override
  public void close() {}

  private void checkOpen() throws IOException {
    if (core.isClosed()) {
      throw new IOException("the fake OpenAI server is closed");
    }
  }

  private static TransportTimeoutException responseTimeout(Duration timeout) {
    return new TransportTimeoutException(Timeouts.Kind.RESPONSE, "no response headers from the fake OpenAI server within "
        + timeout.toMillis() + " ms");
  }

  /** Returns the headers as a socket would carry them, framing included. */
  private static Headers headers(Delivery d) {
    Headers.Builder b = d.headers().newBuilder();
    if (d.chunked()) {
      b.set("transfer-encoding", "chunked");
    } else {
      b.set("content-length", Long.toString(d.contentLength()));
    }
    return b.build();
  }

  /** Returns the request as the fake sees it, with the headers a socket transport would add. */
  static IncomingRequest incoming(HttpRequest request) throws IOException {
    URI uri = request.uri();
    Headers.Builder headers = Headers.builder();
    if (uri.getAuthority() != null) {
      headers.add("host", uri.getAuthority());
    }
    headers.addAll(request.headers());
    byte[] body = new byte[0];
    RequestBody rb = request.body();
    if (rb != null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(rb.contentLength() > 0 ? (int) rb.contentLength() : 256);
      rb.writeTo(out);
      body = out.toByteArray();
      if (rb.contentType() != null && !request.headers().contains("content-type")) {
        headers.set("content-type", rb.contentType());
      }
      headers.set("content-length", Integer.toString(body.length));
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    return new IncomingRequest(request.method(), path, uri.getRawQuery(), headers.build(), body);
  }
}
