package dev.conduit.transport.jdk.internal;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpResponse;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** Conduit's response types over a {@link ResponseBody}. */
public final class Responses {
  private Responses() {}

  /** Returns a blocking response whose body stream reads {@code body}. */
  public static HttpResponse blocking(int status, Headers headers, ResponseBody body) {
    BlockingBodyStream stream = new BlockingBodyStream();
    body.subscribe(stream);
    return new Blocking(status, headers, stream);
  }

  /** Returns an asynchronous response publishing {@code body}. */
  public static AsyncHttpResponse async(int status, Headers headers, ResponseBody body) {
    return new Async(status, headers, body);
  }

  private static final class Blocking implements HttpResponse {
    private final int status;
    private final Headers headers;
    private final BlockingBodyStream body;

    Blocking(int status, Headers headers, BlockingBodyStream body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    @Override
    public int statusCode() {
      return status;
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

    @Override
    public String toString() {
      return "HttpResponse{status=" + status + "}";
    }
  }

  private static final class Async implements AsyncHttpResponse {
    private final int status;
    private final Headers headers;
    private final ResponseBody body;

    Async(int status, Headers headers, ResponseBody body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    @Override
    public int statusCode() {
      return status;
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

    @Override
    public String toString() {
      return "AsyncHttpResponse{status=" + status + "}";
    }
  }
}
