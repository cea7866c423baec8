package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The per-host pool: keep-alive reuse, the limit and its queue, stale connections, no leaks. */
class NettyPoolTest extends TestBase {
  static TransportOptions maxConnections(int n) {
    return options().withMaxConnections(n);
  }

  /** A server answering every request on a connection with {@code body}. */
  RawServer keepAliveServer(byte[] body) {
    String head = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n";
    return track(
        RawServer.start(
            c -> {
              while (c.readRequest() != null) {
                c.write(head);
                c.write(body);
              }
            }));
  }

  @Test
  void tenSequentialRequestsUseOneConnection() throws Exception {
    Loopback server = track(Loopback.http());
    server.respond("/k", 200, utf8("kept"));
    NettyTransport t = transport();
    for (int i = 0; i < 10; i++) {
      assertThat(utf8(readAll(t.execute(request(server.uri("/k")).build())))).isEqualTo("kept");
    }
    for (int i = 0; i < 10; i++) {
      assertThat(utf8(collect(await(t.executeAsync(request(server.uri("/k")).build()))))).isEqualTo("kept");
    }
    assertThat(server.exchanges()).isEqualTo(20);
    assertThat(server.connectionsSeen()).isEqualTo(1);
    assertThat(t.openConnections()).isEqualTo(1);
    assertThat(t.idleConnections()).isEqualTo(1);
  }

  /**
   * The connection is back in the pool before the consumer sees the end of the body, so a request
   * made right after {@code onComplete} (or {@code read} returning -1) never opens a second one.
   */
  @Test
  void connectionIsIdleBeforeTheConsumerSeesTheEnd() throws Exception {
    RawServer s = keepAliveServer(utf8("0123456789"));
    NettyTransport t = transport();
    for (int i = 0; i < 100; i++) {
      assertThat(utf8(collect(await(t.executeAsync(request(s.uri("/a")).build()))))).isEqualTo("0123456789");
      assertThat(utf8(readAll(t.execute(request(s.uri("/b")).build())))).isEqualTo("0123456789");
    }
    assertThat(s.accepted()).isEqualTo(1);
  }

  /** A server whose responses never end, so a connection stays busy until the client gives up. */
  RawServer holdingServer() {
    return track(
        RawServer.start(
            c -> {
              if (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\nheld");
                c.awaitClientClose(Duration.ofSeconds(15));
              }
            }));
  }

  @Test
  void poolTimeoutWithOneConnection() throws Exception {
    RawServer s = holdingServer();
    NettyTransport t = transport(maxConnections(1));
    Duration shortPool = Duration.ofMillis(300);
    HttpRequest waiting = request(s.uri("/b")).timeouts(timeouts().withPool(shortPool)).build();

    HttpResponse held = t.execute(request(s.uri("/a")).build());
    long start = System.nanoTime();
    Throwable e = catchThrowable(() -> t.execute(waiting));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(shortPool.minusMillis(50), shortPool.plusSeconds(3));
    assertThat(e).isInstanceOf(TransportTimeoutException.class).hasMessageContaining("pool").hasMessageContaining("300 ms");
    assertThat(((TransportTimeoutException) e).kind()).isEqualTo(Timeouts.Kind.POOL);

    CompletableFuture<AsyncHttpResponse> f = t.executeAsync(waiting);
    Throwable async = awaitFailure(f);
    assertThat(async).isInstanceOf(TransportTimeoutException.class);
    assertThat(((TransportTimeoutException) async).kind()).isEqualTo(Timeouts.Kind.POOL);

    held.close();
    try (HttpResponse next = t.execute(request(s.uri("/c")).build())) {
      assertThat(utf8(next.body().readNBytes(4))).isEqualTo("held");
    }
    assertThat(s.accepted()).isEqualTo(2);
  }

  @Test
  void queuedRequestsAreServedAsConnectionsFree() throws Exception {
    Loopback server = track(Loopback.http());
    server.route(
        "/slow",
        ex -> {
          Thread.sleep(20);
          byte[] b = utf8(ex.getRequestURI().getQuery());
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
        });
    NettyTransport t = transport(maxConnections(2));
    List<CompletableFuture<byte[]>> bodies = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      bodies.add(t.executeAsync(request(server.uri("/slow?i=" + i)).build()).thenCompose(r -> {
        Collector c = new Collector(Long.MAX_VALUE);
        r.body().subscribe(c);
        return c.done;
      }));
    }
    for (int i = 0; i < 30; i++) {
      assertThat(utf8(await(bodies.get(i)))).isEqualTo("i=" + i);
    }
    assertThat(server.connectionsSeen()).isLessThanOrEqualTo(2);
  }

  /**
   * The keep-alive race: the server closes a kept-alive connection just as the next request is
   * sent. The transport sends it again on a new connection, since the server never answered.
   */
  @Test
  void staleReusedConnectionIsRetriedOnANewOne() throws Exception {
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readRequest() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                  }
                  c.readHead(); // the second request: closed without an answer
                }));
    NettyTransport t = transport();
    for (int i = 0; i < 3; i++) {
      assertThat(utf8(readAll(t.execute(request(s.uri("/x")).method("POST", RequestBody.ofBytes(utf8("again"), null)).build())))).isEqualTo("ok");
    }
    assertThat(s.accepted()).isEqualTo(3);
    AsyncHttpResponse r = await(t.executeAsync(request(s.uri("/x")).build()));
    assertThat(utf8(collect(r))).isEqualTo("ok");
  }

  @Test
  void oneShotBodyIsNotRetried() throws Exception {
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readRequest() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                  }
                  c.readHead();
                }));
    NettyTransport t = transport();
    readAll(t.execute(request(s.uri("/x")).build()));
    byte[] payload = new byte[200_000];
    RequestBody oneShot = RequestBody.ofInputStream(new ByteArrayInputStream(payload), payload.length, null);
    Throwable e = catchThrowable(() -> readAll(t.execute(request(s.uri("/x")).method("POST", oneShot).build())));
    assertThat(e).isInstanceOf(IOException.class);
    assertThat(s.accepted()).isEqualTo(1);
  }

  @Test
  void idleConnectionClosedByTheServerIsNoticedAndReplaced() throws Exception {
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readRequest() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                  }
                  Thread.sleep(50); // then close, as a keep-alive timeout does
                }));
    NettyTransport t = transport();
    assertThat(utf8(readAll(t.execute(request(s.uri("/x")).build())))).isEqualTo("ok");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (t.openConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(t.openConnections()).isZero();
    assertThat(utf8(readAll(t.execute(request(s.uri("/x")).build())))).isEqualTo("ok");
    assertThat(s.accepted()).isEqualTo(2);
  }

  @Test
  void connectionCloseFromTheServerIsHonoured() throws Exception {
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readRequest() != null) {
                    c.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil close");
                  }
                }));
    NettyTransport t = transport();
    for (int i = 0; i < 3; i++) {
      assertThat(utf8(readAll(t.execute(request(s.uri("/x")).build())))).isEqualTo("until close");
    }
    assertThat(s.accepted()).isEqualTo(3);
  }

  /**
   * Abandoning a response mid-body, then using the slot again, a thousand times with one allowed
   * connection: a leaked slot would fail the next call with a pool timeout. Connections on both
   * sides and live threads stay flat.
   */
  @Test
  void closeMidBodyThenAThousandReusesLeaksNothing() throws Exception {
    RawServer s = keepAliveServer(new byte[256 * 1024]);
    NettyTransport t = transport(maxConnections(1));
    HttpRequest req = request(s.uri("/abandon")).timeouts(timeouts().withPool(Duration.ofSeconds(2))).build();
    for (int i = 0; i < 20; i++) {
      abandon(t, req, i);
    }
    int baseline = liveThreads();
    for (int i = 0; i < 1000; i++) {
      abandon(t, req, i);
    }
    assertThat(s.awaitOpenAtMost(1, Duration.ofSeconds(10))).as("server connections open: %s", s.openConnections()).isTrue();
    assertThat(t.openConnections()).isLessThanOrEqualTo(1);
    assertThat(liveThreads()).isLessThanOrEqualTo(baseline + 4);
    // Fully read responses then reuse one connection.
    int accepted = s.accepted();
    byte[] all = readAll(t.execute(req));
    assertThat(all).hasSize(256 * 1024);
    readAll(t.execute(req));
    assertThat(s.accepted() - accepted).isLessThanOrEqualTo(1);
  }

  private static void abandon(NettyTransport t, HttpRequest req, int i) throws Exception {
    if (i % 2 == 0) {
      try (HttpResponse r = t.execute(req)) {
        assertThat(r.body().readNBytes(10)).hasSize(10);
      }
    } else {
      AsyncHttpResponse r = await(t.executeAsync(req));
      CompletableFuture<ByteBuffer> first = new CompletableFuture<>();
      Collector c = new Collector(1) {
        @Override
        public void onNext(ByteBuffer item) {
          subscription.cancel();
          first.complete(item);
        }
      };
      r.body().subscribe(c);
      assertThat(await(first).remaining()).isPositive();
    }
  }

  @Test
  void closingTheTransportAbortsWhatIsInFlight() throws Exception {
    RawServer s = holdingServer();
    NettyTransport t = NettyTransport.create(options());
    HttpResponse blocking = t.execute(request(s.uri("/a")).build());
    AsyncHttpResponse async = await(t.executeAsync(request(s.uri("/b")).build()));
    Collector c = new Collector(Long.MAX_VALUE);
    async.body().subscribe(c);
    assertThat(utf8(blocking.body().readNBytes(4))).isEqualTo("held");
    t.close();
    assertThat(catchThrowable(() -> blocking.body().readAllBytes())).isInstanceOf(IOException.class);
    assertThat(awaitFailure(c.done)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    assertThat(s.awaitOpenAtMost(0, Duration.ofSeconds(5))).isTrue();
  }
}
