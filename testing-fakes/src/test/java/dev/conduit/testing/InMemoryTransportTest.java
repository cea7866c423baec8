package dev.conduit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import dev.conduit.testing.support.SseEvents;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory transport's own contract: the async body's demand, incremental streams, timeouts. */
class InMemoryTransportTest {
  private static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true,\"input\":\"one two three four five six\"}";

  private final FakeOpenAI fake = FakeOpenAI.inMemory();

  @AfterEach
  void close() {
    fake.close();
  }

  private static HttpRequest post(String path, String json, Timeouts timeouts) {
    return HttpRequest.builder().uri(URI.create("http://anything.example:1234" + path))
        .method("POST", RequestBody.ofBytes(json.getBytes(StandardCharsets.UTF_8), "application/json"))
        .timeouts(timeouts).build();
  }

  private static HttpRequest get(String path, Timeouts timeouts) {
    return HttpRequest.builder().uri(URI.create("http://anything.example" + path)).timeouts(timeouts).build();
  }

  /** A subscriber that records signals and requests only what the test asks for. */
  static final class Probe implements Flow.Subscriber<ByteBuffer> {
    final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
    }

    @Override
    public void onNext(ByteBuffer item) {
      byte[] b = new byte[item.remaining()];
      item.get(b);
      signals.add(new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void onError(Throwable t) {
      signals.add(t);
    }

    @Override
    public void onComplete() {
      signals.add("<complete>");
    }

    Object next() throws InterruptedException {
      Object o = signals.poll(5, TimeUnit.SECONDS);
      assertThat(o).as("a signal within 5 s").isNotNull();
      return o;
    }
  }

  @Test
  void blockingStreamDeliversOneEventPerRead() throws Exception {
    try (HttpResponse r = fake.transport().execute(post("/v1/responses", STREAM, Timeouts.defaults()))) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().first("transfer-encoding")).isEqualTo("chunked");
      byte[] buf = new byte[64 * 1024];
      int n = r.body().read(buf);
      List<SseEvents.Event> first = SseEvents.parse(java.util.Arrays.copyOf(buf, n));
      assertThat(first).hasSize(1);
      assertThat(first.get(0).name()).isEqualTo("response.created");
      int reads = 1;
      while (r.body().read(buf) > 0) {
        reads++;
      }
      assertThat(reads).isEqualTo(14);
    }
  }

  @Test
  void asyncBodyHonoursDemandAndCompletes() throws Exception {
    AsyncHttpResponse r = fake.transport().executeAsync(post("/v1/responses", STREAM, Timeouts.defaults())).get();
    assertThat(r.statusCode()).isEqualTo(200);
    Probe probe = new Probe();
    r.body().subscribe(probe);
    assertThat(probe.signals.poll(100, TimeUnit.MILLISECONDS)).as("nothing before a request").isNull();
    probe.subscription.request(2);
    assertThat((String) probe.next()).startsWith("event: response.created\n");
    assertThat((String) probe.next()).startsWith("event: response.in_progress\n");
    assertThat(probe.signals.poll(100, TimeUnit.MILLISECONDS)).as("no more than requested").isNull();
    probe.subscription.request(Long.MAX_VALUE);
    for (int i = 2; i < 14; i++) {
      assertThat(probe.next()).isInstanceOf(String.class);
    }
    assertThat(probe.next()).isEqualTo("<complete>");
    Probe second = new Probe();
    r.body().subscribe(second);
    assertThat(second.next()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void asyncCancelStopsDelivery() throws Exception {
    fake.injectFault(Fault.slowDrip(8, Duration.ofMillis(20)));
    AsyncHttpResponse r = fake.transport().executeAsync(get("/v1/models", Timeouts.defaults())).get();
    Probe probe = new Probe();
    r.body().subscribe(probe);
    probe.subscription.request(Long.MAX_VALUE);
    assertThat(probe.next()).isInstanceOf(String.class);
    probe.subscription.cancel();
    Thread.sleep(100);
    int after = probe.signals.size();
    Thread.sleep(150);
    assertThat(probe.signals.size()).isEqualTo(after).isLessThanOrEqualTo(2);
  }

  @Test
  void asyncReadTimeoutResetAndDelay() throws Exception {
    fake.injectFault(Fault.stallMidBody());
    AsyncHttpResponse stalled = fake.transport().executeAsync(get("/v1/models",
        Timeouts.defaults().withRead(Duration.ofMillis(150)))).get();
    Probe probe = new Probe();
    stalled.body().subscribe(probe);
    probe.subscription.request(10);
    assertThat(probe.next()).isInstanceOf(String.class);
    Object failure = probe.next();
    assertThat(failure).isInstanceOf(TransportTimeoutException.class);
    assertThat(((TransportTimeoutException) failure).kind()).isEqualTo(Timeouts.Kind.READ);

    fake.injectFault(Fault.resetMidBody());
    Probe reset = new Probe();
    fake.transport().executeAsync(get("/v1/models", Timeouts.defaults())).get().body().subscribe(reset);
    reset.subscription.request(10);
    assertThat(reset.next()).isInstanceOf(String.class);
    assertThat(reset.next()).isInstanceOf(IOException.class);

    fake.injectFault(Fault.delay(Duration.ofMillis(300)));
    long start = System.nanoTime();
    CompletableFuture<AsyncHttpResponse> delayed = fake.transport().executeAsync(get("/v1/models", Timeouts.defaults()));
    assertThat(delayed).isNotDone();
    assertThat(delayed.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(280));

    fake.injectFault(Fault.delay(Duration.ofSeconds(5)));
    CompletableFuture<AsyncHttpResponse> late = fake.transport().executeAsync(get("/v1/models",
        Timeouts.defaults().withResponse(Duration.ofMillis(100))));
    assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(TransportTimeoutException.class);

    fake.injectFault(Fault.resetBeforeHeaders());
    assertThatThrownBy(() -> fake.transport().executeAsync(get("/v1/models", Timeouts.defaults())).get(5, TimeUnit.SECONDS))
        .cause().isInstanceOf(IOException.class);
  }

  @Test
  void blockingTimeouts() throws Exception {
    fake.injectFault(Fault.delay(Duration.ofSeconds(5)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> fake.transport().execute(get("/v1/models", Timeouts.defaults().withResponse(
        Duration.ofMillis(100))))).isInstanceOfSatisfying(TransportTimeoutException.class,
            e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.RESPONSE));
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));

    fake.injectFault(Fault.slowDrip(32, Duration.ofMillis(300)));
    try (HttpResponse r = fake.transport().execute(get("/v1/models", Timeouts.defaults().withRead(Duration.ofMillis(100))))) {
      byte[] buf = new byte[1024];
      assertThat(r.body().read(buf)).isEqualTo(32);
      assertThatThrownBy(() -> r.body().read(buf)).isInstanceOfSatisfying(TransportTimeoutException.class,
          e -> assertThat(e.kind()).isEqualTo(Timeouts.Kind.READ));
    }
  }

  @Test
  void closingTheResponseOrTheFakeEndsAStall() throws Exception {
    fake.injectFault(Fault.stallMidBody(), 2);
    HttpResponse r = fake.transport().execute(get("/v1/models", Timeouts.none()));
    byte[] buf = new byte[4096];
    assertThat(r.body().read(buf)).isPositive();
    CompletableFuture<Object> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return r.body().read(buf);
      } catch (IOException e) {
        return e;
      }
    });
    Thread.sleep(100);
    assertThat(reader).isNotDone();
    r.close();
    assertThat(reader.get(2, TimeUnit.SECONDS)).isInstanceOf(IOException.class);

    HttpResponse other = fake.transport().execute(get("/v1/models", Timeouts.none()));
    assertThat(other.body().read(buf)).isPositive();
    CompletableFuture<Object> blocked = CompletableFuture.supplyAsync(() -> {
      try {
        return other.body().read(buf);
      } catch (IOException e) {
        return e;
      }
    });
    Thread.sleep(100);
    fake.close();
    assertThat(blocked.get(2, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> fake.transport().execute(get("/v1/models", Timeouts.none()))).isInstanceOf(IOException.class);
  }

  @Test
  void closingTheFakeFailsPendingAsyncExchanges() throws Exception {
    fake.injectFault(Fault.stallMidBody());
    AsyncHttpResponse stalled = fake.transport().executeAsync(get("/v1/models", Timeouts.none())).get(5, TimeUnit.SECONDS);
    Probe probe = new Probe();
    stalled.body().subscribe(probe);
    probe.subscription.request(10);
    assertThat(probe.next()).isInstanceOf(String.class);
    fake.injectFault(Fault.delay(Duration.ofMinutes(1)));
    CompletableFuture<AsyncHttpResponse> waiting = fake.transport().executeAsync(get("/v1/models", Timeouts.none()));
    Thread.sleep(100);
    assertThat(probe.signals).isEmpty();
    assertThat(waiting).isNotDone();
    fake.close();
    assertThat(probe.next()).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS)).cause().isInstanceOf(IOException.class);
    assertThatThrownBy(() -> fake.transport().executeAsync(get("/v1/models", Timeouts.none())).get(2, TimeUnit.SECONDS))
        .cause().isInstanceOf(IOException.class);
  }

  @Test
  void anyHostReachesTheFakeAndBodiesAreRecorded() throws Exception {
    try (HttpResponse r = fake.transport().execute(HttpRequest.builder()
        .uri(URI.create("https://api.openai.com/v1/embeddings"))
        .method("POST", RequestBody.ofInputStream(new java.io.ByteArrayInputStream(
            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}".getBytes(StandardCharsets.UTF_8)), -1,
            "application/json"))
        .build())) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().first("content-length")).isNotNull();
    }
    RecordedRequest rec = fake.lastRequest();
    assertThat(rec.header("host")).isEqualTo("api.openai.com");
    assertThat(rec.header("content-type")).isEqualTo("application/json");
    assertThat(rec.bodyJson()).containsEntry("input", "x");
    assertThat(fake.baseUrl()).isEqualTo("http://fake-openai.invalid/v1");
    assertThat(fake.mode()).isEqualTo(FakeOpenAI.Mode.IN_MEMORY);
  }
}
