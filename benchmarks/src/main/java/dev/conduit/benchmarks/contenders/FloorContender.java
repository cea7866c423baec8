package dev.conduit.benchmarks.contenders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * The floor: raw {@code java.net.http} with the request bodies pre-rendered and nothing decoded. The
 * chat call returns the body bytes; the stream counts {@code data:} lines.
 */
public final class FloorContender implements Contender {
  private final HttpClient http;
  private final HttpRequest chat;
  private final HttpRequest stream;
  private final HttpRequest held;

  public FloorContender(String baseUrl, String unused, int maxConnections) {
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    chat = post(baseUrl + "/chat/completions",
        "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}");
    stream = post(baseUrl + "/responses", "{\"model\":\"" + MODEL + "\",\"input\":\"Tell me a story.\",\"stream\":true}");
    held = post(baseUrl + "/responses", "{\"model\":\"bench-hold\",\"input\":\"Tell me a story.\",\"stream\":true}");
  }

  private static HttpRequest post(String uri, String json) {
    return HttpRequest.newBuilder(URI.create(uri))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer sk-bench")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  @Override
  public Object chat() throws Exception {
    HttpResponse<byte[]> r = http.send(chat, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    return r.body();
  }

  @Override
  public long stream() throws Exception {
    HttpResponse<Stream<String>> r = http.send(stream, HttpResponse.BodyHandlers.ofLines());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    try (Stream<String> lines = r.body()) {
      return lines.filter(l -> l.startsWith("data:")).count();
    }
  }

  @Override
  public void startAsyncStream(AsyncSink sink) {
    http.sendAsync(held, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(String line) {
        if (line.startsWith("data:")) {
          sink.event();
        }
      }

      @Override
      public void onError(Throwable t) {
        sink.error(t);
      }

      @Override
      public void onComplete() {
        sink.complete();
      }
    })).whenComplete((r, t) -> {
      if (t != null) {
        sink.error(t);
      }
    });
  }

  @Override
  public void close() {
    // HttpClient has no close() on Java 17
  }
}
