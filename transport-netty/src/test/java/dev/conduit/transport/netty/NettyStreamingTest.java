package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Response bodies as streams: demand, cancellation, resets and truncation. */
class NettyStreamingTest extends TestBase {
  /** Sends {@code framing}, then {@code bytes} body bytes, then resets (or closes) the connection. */
  RawServer breaking(String framing, int bytes, boolean reset) {
    return track(
        RawServer.start(
            c -> {
              if (c.readRequest() == null) {
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
            }));
  }

  @Test
  void resetMidBodyFailsTheBlockingRead() throws Exception {
    RawServer s = breaking("Content-Length: 1000000", 5000, true);
    try (HttpResponse r = transport().execute(request(s.uri("/")).build())) {
      Throwable e = catchThrowable(() -> r.body().readAllBytes());
      assertThat(e).isInstanceOf(IOException.class).isNotInstanceOf(TransportTimeoutException.class);
    }
  }

  @Test
  void resetMidBodyFailsTheAsyncBody() throws Exception {
    RawServer s = breaking("Transfer-Encoding: chunked", 5000, true);
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/")).build()));
    Collector c = new Collector(1);
    r.body().subscribe(c);
    assertThat(awaitFailure(c.done)).isInstanceOf(IOException.class).isNotInstanceOf(TransportTimeoutException.class);
    assertThat(c.violations).isEmpty();
  }

  @Test
  void truncatedBodiesAreErrorsNotEnds() throws Exception {
    RawServer fixed = breaking("Content-Length: 9000", 100, false);
    try (HttpResponse r = transport().execute(request(fixed.uri("/")).build())) {
      assertThat(catchThrowable(() -> r.body().readAllBytes())).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
    RawServer chunked = breaking("Transfer-Encoding: chunked", 100, false);
    Collector c = new Collector(Long.MAX_VALUE);
    await(transport().executeAsync(request(chunked.uri("/")).build())).body().subscribe(c);
    assertThat(awaitFailure(c.done)).isInstanceOf(IOException.class);
  }

  /** A server sending 300 flushed pieces of 1 KiB, each filled with its index. */
  Loopback pieces() {
    Loopback server = track(Loopback.http());
    server.route(
        "/pieces",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            byte[] piece = new byte[1024];
            for (int i = 0; i < 300; i++) {
              Arrays.fill(piece, (byte) i);
              out.write(piece);
              out.flush();
            }
          }
        });
    return server;
  }

  @Test
  void demandIsHonouredExactly() throws Exception {
    Loopback server = pieces();
    AsyncHttpResponse r = await(transport().executeAsync(request(server.uri("/pieces")).build()));
    Collector c = new Collector(0);
    r.body().subscribe(c);
    Thread.sleep(100);
    assertThat(c.items.get()).as("nothing without demand").isZero();
    long want = 0;
    while (!c.done.isDone()) {
      long step = 1 + (want % 4);
      want += step;
      c.request(step);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (c.items.get() < want && !c.done.isDone()) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        java.util.concurrent.locks.LockSupport.parkNanos(50_000);
      }
      assertThat(c.items.get()).isLessThanOrEqualTo(c.requested.get());
    }
    byte[] body = await(c.done);
    assertThat(body).hasSize(300 * 1024);
    for (int i = 0; i < 300; i++) {
      assertThat(body[i * 1024]).isEqualTo((byte) i);
    }
    assertThat(c.violations).isEmpty();
  }

  /** A slow subscriber slows the socket: the server cannot run far ahead of what was requested. */
  @Test
  void aSlowSubscriberAppliesBackpressureToTheServer() throws Exception {
    AtomicLong sent = new AtomicLong();
    Loopback server = track(Loopback.http());
    long total = 64L * 1024 * 1024;
    server.route(
        "/big",
        ex -> {
          ex.sendResponseHeaders(200, total);
          try (OutputStream out = ex.getResponseBody()) {
            byte[] chunk = new byte[64 * 1024];
            for (long n = 0; n < total; n += chunk.length) {
              out.write(chunk);
              sent.addAndGet(chunk.length);
            }
          }
        });
    AsyncHttpResponse r = await(transport().executeAsync(request(server.uri("/big")).build()));
    Collector c = new Collector(0);
    r.body().subscribe(c);
    c.request(3);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (c.items.get() < 3 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(50_000);
    }
    Thread.sleep(300);
    assertThat(c.items.get()).isEqualTo(3);
    // Only socket buffers hold more: far less than the body.
    assertThat(sent.get()).isLessThan(16L * 1024 * 1024);
    c.subscription.cancel();
  }

  @Test
  void cancellingMidBodyClosesTheConnection() throws Exception {
    CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readHead() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n");
                    c.write(new byte[64 * 1024]);
                    clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
                  }
                }));
    NettyTransport t = transport();
    AsyncHttpResponse r = await(t.executeAsync(request(s.uri("/")).build()));
    Collector c = new Collector(1) {
      @Override
      public void onNext(ByteBuffer item) {
        super.onNext(item);
        subscription.cancel();
      }
    };
    r.body().subscribe(c);
    assertThat(await(clientClosed)).isTrue();
    assertThat(c.items.get()).isEqualTo(1);
    assertThat(c.done).isNotDone();
    assertClosedSoon(t);
  }

  @Test
  void discardingAnUnreadBodyClosesTheConnection() throws Exception {
    CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readHead() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\nxyz");
                    clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
                  }
                }));
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/")).build()));
    r.discard();
    r.discard();
    assertThat(await(clientClosed)).isTrue();
  }

  @Test
  void cancellingTheFutureBeforeTheHeadersAbortsTheExchange() throws Exception {
    CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    CountDownLatch arrived = new CountDownLatch(1);
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readHead() != null) {
                    arrived.countDown();
                    clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
                  }
                }));
    CompletableFuture<AsyncHttpResponse> f = transport().executeAsync(request(s.uri("/")).build());
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
    f.cancel(true);
    assertThat(await(clientClosed)).isTrue();
    assertThat(f).isCancelled();
  }

  @Test
  void secondSubscriberIsRejectedAndNonPositiveRequestIsAnError() throws Exception {
    Loopback server = track(Loopback.http());
    server.respond("/x", 200, utf8("abc"));
    NettyTransport t = transport();
    AsyncHttpResponse r = await(t.executeAsync(request(server.uri("/x")).build()));
    Collector first = new Collector(Long.MAX_VALUE);
    r.body().subscribe(first);
    Collector second = new Collector(Long.MAX_VALUE);
    r.body().subscribe(second);
    assertThat(awaitFailure(second.done)).isInstanceOf(IllegalStateException.class);
    assertThat(utf8(await(first.done))).isEqualTo("abc");

    AsyncHttpResponse r2 = await(t.executeAsync(request(server.uri("/x")).build()));
    Collector bad = new Collector(0);
    r2.body().subscribe(bad);
    bad.subscription.request(0);
    assertThat(awaitFailure(bad.done)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The blocking body reads as bytes arrive, and a reader that closes early releases the exchange. */
  @Test
  void blockingBodyStreamsAnEventStream() throws Exception {
    Loopback server = track(Loopback.http());
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      expected.append("data: {\"i\":").append(i).append("}\n\n");
    }
    server.route(
        "/sse",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (byte b : utf8(expected.toString())) {
              out.write(b);
              out.flush();
            }
          }
        });
    try (HttpResponse r = transport().execute(request(server.uri("/sse")).build())) {
      assertThat(utf8(r.body().readAllBytes())).isEqualTo(expected.toString());
    }
    AsyncHttpResponse a = await(transport().executeAsync(request(server.uri("/sse")).build()));
    Collector c = new Collector(1);
    a.body().subscribe(c);
    assertThat(utf8(await(c.done))).isEqualTo(expected.toString());
    assertThat(c.violations).isEmpty();
  }

  /** A subscriber that throws from onNext is treated as cancelled: the connection closes. */
  @Test
  void throwingSubscriberCancels() throws Exception {
    CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readHead() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\nboom");
                    clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
                  }
                }));
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/")).build()));
    r.body().subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription sub) {
            sub.request(1);
          }

          @Override
          public void onNext(ByteBuffer item) {
            throw new IllegalStateException("subscriber bug");
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onComplete() {}
        });
    assertThat(await(clientClosed)).isTrue();
  }
}
