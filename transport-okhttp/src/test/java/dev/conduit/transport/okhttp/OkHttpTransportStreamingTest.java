package dev.conduit.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Large and trickling bodies, backpressure, cancellation, broken servers and leaks. */
class OkHttpTransportStreamingTest extends TestSupport {
  static final long LARGE = 16L * 1024 * 1024;

  /** Serves {@code size} pattern bytes at {@code /large}, counting what was sent. */
  static AtomicLong serveLarge(Servers.Http s, long size, boolean chunked) {
    AtomicLong sent = new AtomicLong();
    byte[] block = pattern(64 * 1024);
    s.route(
        "/large",
        ex -> {
          ex.sendResponseHeaders(200, chunked ? 0 : size);
          try (OutputStream out = ex.getResponseBody()) {
            long left = size;
            while (left > 0) {
              int n = (int) Math.min(left, block.length);
              out.write(block, 0, n);
              sent.addAndGet(n);
              left -= n;
            }
          }
        });
    return sent;
  }

  @Test
  void largeUploadIsStreamedNotBuffered() throws Exception {
    Servers.Http s = http();
    AtomicLong received = new AtomicLong();
    CompletableFuture<Long> serverCrc = new CompletableFuture<>();
    s.route(
        "/upload",
        ex -> {
          java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
          try (InputStream in = ex.getRequestBody()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) != -1; ) {
              crc.update(buf, 0, n);
              received.addAndGet(n);
            }
          }
          serverCrc.complete(crc.getValue());
          ex.sendResponseHeaders(200, -1);
        });
    AtomicLong receivedWhenDone = new AtomicLong(-1);
    byte[] block = pattern(64 * 1024);
    RequestBody body =
        new RequestBody() {
          @Override
          public String contentType() {
            return "application/octet-stream";
          }

          @Override
          public void writeTo(OutputStream out) throws IOException {
            for (long left = LARGE; left > 0; left -= block.length) {
              out.write(block, 0, (int) Math.min(left, block.length));
            }
            receivedWhenDone.set(received.get());
          }
        };
    try (HttpResponse r = transport().execute(request(s.uri("/upload")).method("POST", body).build())) {
      assertThat(r.statusCode()).isEqualTo(200);
    }
    assertThat(await(serverCrc)).isEqualTo(patternCrc(LARGE));
    assertThat(receivedWhenDone.get()).isGreaterThan(LARGE / 2);
  }

  @Test
  void largeDownloadIsStreamedNotBuffered() throws Exception {
    Servers.Http s = http();
    AtomicLong sent = serveLarge(s, LARGE, false);
    try (HttpResponse r = transport().execute(request(s.uri("/large")).build())) {
      InputStream in = r.body();
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      byte[] first = in.readNBytes(1024 * 1024);
      assertThat(sent.get()).isLessThan(LARGE / 2);
      crc.update(first);
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) != -1; ) {
        crc.update(buf, 0, n);
      }
      assertThat(crc.getValue()).isEqualTo(patternCrc(LARGE));
    }
  }

  @Test
  void largeDownloadAsyncOneBufferAtATime() throws Exception {
    Servers.Http s = http();
    serveLarge(s, LARGE, true);
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/large")).build()));
    Recorder sub = new Recorder(Recorder.Mode.ONE_AT_A_TIME);
    sub.keep = false;
    r.body().subscribe(sub);
    sub.done.get(20, TimeUnit.SECONDS);
    assertThat(sub.bytes).hasValue(LARGE);
    assertThat(sub.crc()).isEqualTo(patternCrc(LARGE));
    assertThat(sub.violations).isEmpty();
  }

  @Test
  void asyncBodyHonoursDemandExactly() throws Exception {
    Servers.Http s = http();
    serveLarge(s, 512 * 1024, true);
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/large")).build()));
    Recorder sub = new Recorder(Recorder.Mode.MANUAL);
    sub.keep = false;
    r.body().subscribe(sub);
    Thread.sleep(100);
    assertThat(sub.items).hasValue(0);
    long want = 0;
    while (!sub.done.isDone()) {
      long step = 1 + (want % 3);
      want += step;
      sub.request(step);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (sub.items.get() < want && !sub.done.isDone()) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.onSpinWait();
      }
      if (!sub.done.isDone()) {
        Thread.sleep(2); // nothing more may arrive until more is requested
        assertThat(sub.items.get()).isEqualTo(want);
      }
    }
    sub.done.get(1, TimeUnit.SECONDS);
    assertThat(sub.bytes).hasValue(512 * 1024);
    assertThat(sub.violations).isEmpty();
  }

  @Test
  void nonPositiveRequestSignalsIllegalArgument() throws Exception {
    Servers.Http s = http().record("/small", 200, utf8("0123456789"));
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/small")).build()));
    Recorder sub = new Recorder(Recorder.Mode.MANUAL);
    r.body().subscribe(sub);
    sub.request(0);
    assertThat(sub.awaitError()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
  }

  @Test
  void bodyAcceptsOneSubscriberAndNoneAfterDiscard() throws Exception {
    Servers.Http s = http().record("/small", 200, utf8("abc"));
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/small")).build()));
    Recorder first = new Recorder(Recorder.Mode.UNBOUNDED);
    r.body().subscribe(first);
    Recorder second = new Recorder(Recorder.Mode.UNBOUNDED);
    r.body().subscribe(second);
    assertThat(second.awaitError()).isInstanceOf(IllegalStateException.class);
    assertThat(utf8(first.awaitBody())).isEqualTo("abc");

    AsyncHttpResponse discarded = await(transport().executeAsync(request(s.uri("/small")).build()));
    discarded.discard();
    Recorder late = new Recorder(Recorder.Mode.UNBOUNDED);
    discarded.body().subscribe(late);
    assertThat(late.awaitError()).isInstanceOf(IllegalStateException.class).hasMessageContaining("discarded");
  }

  /** A server sending a huge body that reports whether the client closed the connection. */
  Servers.Raw endless(CompletableFuture<Boolean> clientClosed) {
    return raw(
        c -> {
          if (c.readHead() == null) {
            return;
          }
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n");
          c.write(new byte[64 * 1024]);
          clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(5)));
        });
  }

  @Test
  void closingMidBodyClosesTheConnectionPromptly() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    Servers.Raw s = endless(closed);
    HttpResponse r = transport().execute(request(s.uri("/endless")).build());
    assertThat(r.body().readNBytes(10)).hasSize(10);
    long start = System.nanoTime();
    r.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(90)); // OkHttp alone would drain for 100 ms
    r.close();
    assertThat(await(closed)).isTrue();
    assertThatThrownBy(() -> r.body().read()).isInstanceOf(IOException.class);
  }

  @Test
  void closingFromAnotherThreadUnblocksAReader() throws Exception {
    Servers.Raw s =
        raw(
            c -> {
              if (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc");
                c.awaitClientClose(Duration.ofSeconds(5));
              }
            });
    HttpResponse r = transport().execute(request(s.uri("/stall")).build());
    assertThat(r.body().readNBytes(3)).hasSize(3);
    CompletableFuture<Throwable> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                r.body().read();
                return null;
              } catch (IOException e) {
                return e;
              }
            });
    Thread.sleep(100);
    r.close();
    assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class).isNotInstanceOf(TransportTimeoutException.class);
    assertThat(s.awaitOpenAtMost(0, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void asyncCancelMidBodyStopsDeliveryAndClosesTheConnection() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    Servers.Raw s = endless(closed);
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/endless")).build()));
    Recorder sub = new Recorder(Recorder.Mode.ONE_AT_A_TIME);
    sub.cancelAfterFirst = true;
    r.body().subscribe(sub);
    assertThat(await(closed)).isTrue();
    assertThat(sub.items).hasValue(1);
    assertThat(sub.violations).isEmpty();
    assertThat(sub.done).isNotDone();
  }

  @Test
  void asyncDiscardClosesTheConnection() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    Servers.Raw s = endless(closed);
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/endless")).build()));
    r.discard();
    r.discard();
    assertThat(await(closed)).isTrue();
  }

  @Test
  void cancellingTheFutureBeforeHeadersAbortsTheExchange() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    CountDownLatch arrived = new CountDownLatch(1);
    Servers.Raw s =
        raw(
            c -> {
              if (c.readHead() != null) {
                arrived.countDown();
                closed.complete(c.awaitClientClose(Duration.ofSeconds(5)));
              }
            });
    CompletableFuture<AsyncHttpResponse> f = transport().executeAsync(request(s.uri("/never")).build());
    assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
    f.cancel(true);
    assertThat(await(closed)).isTrue();
    assertThat(f).isCancelled();
  }

  /** A server that sends {@code bytes} of a body, then resets or closes the connection. */
  Servers.Raw breaking(String framing, int bytes, boolean reset) {
    return raw(
        c -> {
          if (c.readHead() == null) {
            return;
          }
          c.write("HTTP/1.1 200 OK\r\n" + framing + "\r\n\r\n");
          if (framing.contains("chunked")) {
            c.write(Integer.toHexString(bytes) + "\r\n");
            c.write(new byte[bytes]);
            c.write("\r\n");
          } else {
            c.write(new byte[bytes]);
          }
          Thread.sleep(50);
          if (reset) {
            c.reset();
          }
        });
  }

  @Test
  void resetMidBodyIsAnIoExceptionNotATimeout() throws Exception {
    Servers.Raw s = breaking("Content-Length: 1000000", 1000, true);
    try (HttpResponse r = transport().execute(request(s.uri("/reset")).build())) {
      assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(IOException.class).isNotInstanceOf(TransportTimeoutException.class);
      // The failure sticks: a second read fails again rather than reporting a clean end.
      assertThatThrownBy(() -> r.body().read()).isInstanceOf(IOException.class);
    }
    Servers.Raw chunked = breaking("Transfer-Encoding: chunked", 1000, true);
    AsyncHttpResponse r = await(transport().executeAsync(request(chunked.uri("/reset")).build()));
    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
    r.body().subscribe(sub);
    assertThat(sub.awaitError()).isInstanceOf(IOException.class).isNotInstanceOf(TransportTimeoutException.class);
  }

  @Test
  void truncatedBodiesFail() throws Exception {
    Servers.Raw s = breaking("Content-Length: 5000", 100, false);
    try (HttpResponse r = transport().execute(request(s.uri("/short")).build())) {
      assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(IOException.class);
    }
    Servers.Raw chunked = breaking("Transfer-Encoding: chunked", 100, false);
    AsyncHttpResponse r = await(transport().executeAsync(request(chunked.uri("/short")).build()));
    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
    r.body().subscribe(sub);
    assertThat(sub.awaitError()).isInstanceOf(IOException.class);
  }

  @Test
  void staleKeepAliveConnectionIsReplacedForGet() throws Exception {
    Servers.Raw s =
        raw(
            c -> {
              if (c.readRequest() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
              }
              // then close while idle, as a server's keep-alive timeout does
            });
    Transport t = transport();
    for (int i = 0; i < 4; i++) {
      assertThat(utf8(readAll(t.execute(request(s.uri("/x")).build())))).isEqualTo("ok");
      assertThat(s.awaitOpenAtMost(0, Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void serverClosingAfterEachResponseIsHandled() throws Exception {
    Servers.Raw s =
        raw(
            c -> {
              if (c.readRequest() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
              }
            });
    Transport t = transport();
    for (int i = 0; i < 5; i++) {
      assertThat(utf8(readAll(t.execute(request(s.uri("/x")).method("POST", RequestBody.ofBytes(utf8("p"), null)).build()))))
          .isEqualTo("ok");
    }
    assertThat(s.accepted).hasValue(5);
  }

  /** Answers every request on a connection with a 256 KiB body. */
  Servers.Raw keepAlive() {
    byte[] body = new byte[256 * 1024];
    String head = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n";
    return raw(
        c -> {
          while (c.readHead() != null) {
            c.write(head);
            c.write(body);
          }
        });
  }

  @Test
  void closingEarlyAThousandTimesLeaksNothing() throws Exception {
    Servers.Raw s = keepAlive();
    OkHttpTransport t = transport();
    HttpRequest req = request(s.uri("/abandon")).build();
    for (int i = 0; i < 20; i++) {
      abandon(t, req);
    }
    int baseline = liveThreads();
    for (int i = 0; i < 1000; i++) {
      abandon(t, req);
    }
    assertThat(s.awaitOpenAtMost(2, Duration.ofSeconds(5))).as("open: %s", s.open.size()).isTrue();
    assertThat(liveThreads()).isLessThanOrEqualTo(baseline + 8);
    assertThat(t.toString()).contains("inFlight=0");
  }

  private static void abandon(Transport t, HttpRequest req) throws IOException {
    try (HttpResponse r = t.execute(req)) {
      assertThat(r.body().readNBytes(10)).hasSize(10);
    }
  }

  @Test
  void cancellingEarlyRepeatedlyLeaksNothingAsync() throws Exception {
    Servers.Raw s = keepAlive();
    OkHttpTransport t = transport();
    HttpRequest req = request(s.uri("/abandon")).build();
    for (int i = 0; i < 20; i++) {
      abandonAsync(t, req);
    }
    int baseline = liveThreads();
    for (int i = 0; i < 100; i++) {
      abandonAsync(t, req);
    }
    assertThat(s.awaitOpenAtMost(2, Duration.ofSeconds(5))).as("open: %s", s.open.size()).isTrue();
    assertThat(liveThreads()).isLessThanOrEqualTo(baseline + 8);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!t.toString().contains("inFlight=0") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(t.toString()).contains("inFlight=0");
  }

  private static void abandonAsync(Transport t, HttpRequest req) throws Exception {
    AsyncHttpResponse r = await(t.executeAsync(req));
    Recorder sub = new Recorder(Recorder.Mode.ONE_AT_A_TIME);
    sub.cancelAfterFirst = true;
    sub.keep = false;
    r.body().subscribe(sub);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sub.items.get() == 0) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(1);
    }
    assertThat(sub.violations).isEmpty();
  }

  @Test
  void closingTheTransportAbortsExchangesInFlight() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    Servers.Raw s = endless(closed);
    OkHttpTransport t = OkHttpTransport.create(options());
    AsyncHttpResponse r = await(t.executeAsync(request(s.uri("/endless")).build()));
    Recorder sub = new Recorder(Recorder.Mode.MANUAL);
    r.body().subscribe(sub);
    sub.request(1);
    t.close();
    t.close();
    assertThat(await(closed)).isTrue();
    sub.request(Long.MAX_VALUE);
    assertThat(sub.awaitError()).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void aSlowConsumerNeverTripsTheReadTimeout() throws Exception {
    Servers.Http s = http();
    serveLarge(s, 4 * 1024 * 1024, true);
    OkHttpTransport t = transport();
    HttpRequest req = request(s.uri("/large")).timeouts(timeouts().withRead(Duration.ofMillis(200))).build();
    AsyncHttpResponse r = await(t.executeAsync(req));
    Recorder sub = new Recorder(Recorder.Mode.MANUAL);
    sub.keep = false;
    r.body().subscribe(sub);
    sub.request(1);
    Thread.sleep(500); // no demand for well over the read timeout
    sub.request(Long.MAX_VALUE);
    sub.done.get(10, TimeUnit.SECONDS);
    assertThat(sub.bytes).hasValue(4 * 1024 * 1024);

    try (HttpResponse blocking = t.execute(req)) {
      blocking.body().readNBytes(100);
      Thread.sleep(500); // a reader pausing between reads
      assertThat(blocking.body().readAllBytes()).hasSize(4 * 1024 * 1024 - 100);
    }
  }

  @Test
  void bodyChunksAreFreshBuffers() throws Exception {
    Servers.Http s = http();
    serveLarge(s, 256 * 1024, true);
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/large")).build()));
    java.util.List<ByteBuffer> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    r.body()
        .subscribe(
            new java.util.concurrent.Flow.Subscriber<ByteBuffer>() {
              @Override
              public void onSubscribe(java.util.concurrent.Flow.Subscription sub) {
                sub.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                kept.add(item);
              }

              @Override
              public void onError(Throwable t) {
                done.completeExceptionally(t);
              }

              @Override
              public void onComplete() {
                done.complete(null);
              }
            });
    done.get(10, TimeUnit.SECONDS);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    for (ByteBuffer b : kept) {
      crc.update(b);
    }
    assertThat(crc.getValue()).isEqualTo(patternCrc(256 * 1024));
  }
}
