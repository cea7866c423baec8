package dev.conduit.transport.netty.internal;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpResponse;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** The two views of a response whose head has arrived. */
final class Responses {
  private Responses() {}

  /** A response whose body is a demand-driven publisher. */
  static final class Async implements AsyncHttpResponse {
    private final int status;
    private final Headers headers;
    private final BodyPublisher body;

    Async(int status, Headers headers, BodyPublisher body) {
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

  /** A response whose body is a blocking stream. */
  static final class Blocking implements HttpResponse {
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
}
