package dev.conduit.internal.azure;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.Headers;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/** A transport that records each request and answers 200 with one fixed JSON body, blocking or not. */
final class RecordingTransport implements Transport {
  final List<HttpRequest> requests = new CopyOnWriteArrayList<>();
  private final byte[] body;

  RecordingTransport(String json) {
    this.body = json.getBytes(StandardCharsets.UTF_8);
  }

  HttpRequest last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public HttpResponse execute(HttpRequest request) {
    requests.add(request);
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public Headers headers() {
        return Headers.of("content-type", "application/json");
      }

      @Override
      public InputStream body() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public CompletableFuture<AsyncHttpResponse> executeAsync(HttpRequest request) {
    requests.add(request);
    Flow.Publisher<ByteBuffer> publisher = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
      private boolean done;

      @Override
      public synchronized void request(long n) {
        if (!done && n > 0) {
          done = true;
          subscriber.onNext(ByteBuffer.wrap(body));
          subscriber.onComplete();
        }
      }

      @Override
      public synchronized void cancel() {
        done = true;
      }
    });
    return CompletableFuture.completedFuture(new AsyncHttpResponse() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public Headers headers() {
        return Headers.of("content-type", "application/json");
      }

      @Override
      public Flow.Publisher<ByteBuffer> body() {
        return publisher;
      }

      @Override
      public void discard() {}
    });
  }

  @Override
  public void close() {}
}
