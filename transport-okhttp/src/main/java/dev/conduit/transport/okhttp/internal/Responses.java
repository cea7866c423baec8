package dev.conduit.transport.okhttp.internal;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpResponse;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import okhttp3.Response;

/** Conduit's response types over an OkHttp {@link Response}. */
public final class Responses {
  private Responses() {}

  /** Returns a blocking response whose body stream reads {@code response}'s body. */
  public static HttpResponse blocking(Response response, Exchange exchange) {
    return new Blocking(response.code(), Conversions.toHeaders(response.headers()), new BodyStream(response, exchange));
  }

  /** Returns an asynchronous response whose body is read on {@code readers} when there is demand. */
  public static AsyncHttpResponse async(Response response, Exchange exchange, Executor readers) {
    return new Async(
        response.code(), Conversions.toHeaders(response.headers()), new BodyPublisher(response, exchange, readers));
  }

  private static final class Blocking implements HttpResponse {
    private final int status;
    private final Headers headers;
    private final BodyStream body;

    Blocking(int status, Headers headers, BodyStream body) {
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
}
