package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every timeout kind, on both paths, as a {@link TransportTimeoutException} of that kind. */
class NettyTimeoutTest extends TestBase {
  static final Duration SHORT = Duration.ofMillis(300);

  static HttpRequest.Builder requestWith(URI uri, Timeouts.Kind kind) {
    return request(uri).timeouts(timeouts().with(kind, SHORT));
  }

  static void assertTimeout(Throwable t, Timeouts.Kind kind) {
    assertThat(t).isInstanceOf(TransportTimeoutException.class);
    assertThat(((TransportTimeoutException) t).kind()).isEqualTo(kind);
    assertThat(t.getMessage()).startsWith(kind.label() + " timed out after 300 ms");
  }

  static void assertElapsed(long startNanos) {
    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isBetween(SHORT.minusMillis(30), SHORT.plusSeconds(3));
  }

  /** Accepts TCP connections and never says a word, so a TLS handshake hangs. */
  RawServer mute(CompletableFuture<Boolean> clientClosed) {
    return track(RawServer.start(c -> clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)))));
  }

  @Test
  void connectTimeoutCoversTheTlsHandshake() throws Exception {
    RawServer s = mute(new CompletableFuture<>());
    NettyTransport t = transport();
    long start = System.nanoTime();
    Throwable e = catchThrowable(() -> t.execute(requestWith(s.httpsUri("/"), Timeouts.Kind.CONNECT).build()));
    assertTimeout(e, Timeouts.Kind.CONNECT);
    assertElapsed(start);
    assertClosedSoon(t);
    assertThat(s.awaitOpenAtMost(0, Duration.ofSeconds(10))).as("the half-open connection is closed").isTrue();
  }

  @Test
  void connectTimeoutAsync() throws Exception {
    RawServer s = mute(new CompletableFuture<>());
    Throwable e = awaitFailure(transport().executeAsync(requestWith(s.httpsUri("/"), Timeouts.Kind.CONNECT).build()));
    assertTimeout(e, Timeouts.Kind.CONNECT);
  }

  /** Reads the request and never answers. */
  RawServer silent(CompletableFuture<Boolean> clientClosed) {
    return track(
        RawServer.start(
            c -> {
              if (c.readRequest() != null) {
                clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
              }
            }));
  }

  @Test
  void responseTimeout() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    RawServer s = silent(closed);
    long start = System.nanoTime();
    Throwable e = catchThrowable(() -> transport().execute(requestWith(s.uri("/"), Timeouts.Kind.RESPONSE).build()));
    assertTimeout(e, Timeouts.Kind.RESPONSE);
    assertElapsed(start);
    assertThat(await(closed)).isTrue();
  }

  @Test
  void responseTimeoutAsync() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    RawServer s = silent(closed);
    Throwable e = awaitFailure(transport().executeAsync(requestWith(s.uri("/"), Timeouts.Kind.RESPONSE).build()));
    assertTimeout(e, Timeouts.Kind.RESPONSE);
    assertThat(await(closed)).isTrue();
  }

  /** Sends the head and 10 of 100 body bytes, then stalls. */
  RawServer stalling(CompletableFuture<Boolean> clientClosed) {
    return track(
        RawServer.start(
            c -> {
              if (c.readRequest() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
                clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
              }
            }));
  }

  @Test
  void readTimeout() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    RawServer s = stalling(closed);
    try (HttpResponse r = transport().execute(requestWith(s.uri("/"), Timeouts.Kind.READ).build())) {
      assertThat(utf8(r.body().readNBytes(10))).isEqualTo("0123456789");
      Thread.sleep(SHORT.toMillis() * 2); // a pause while nobody reads does not count
      long start = System.nanoTime();
      Throwable e = catchThrowable(() -> r.body().read());
      assertTimeout(e, Timeouts.Kind.READ);
      assertElapsed(start);
    }
    assertThat(await(closed)).isTrue();
  }

  @Test
  void readTimeoutAsync() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    RawServer s = stalling(closed);
    AsyncHttpResponse r = await(transport().executeAsync(requestWith(s.uri("/"), Timeouts.Kind.READ).build()));
    Collector c = new Collector(0);
    r.body().subscribe(c);
    Thread.sleep(SHORT.toMillis() * 2); // no demand, no timeout
    assertThat(c.done).isNotDone();
    c.request(Long.MAX_VALUE);
    assertTimeout(awaitFailure(c.done), Timeouts.Kind.READ);
    assertThat(c.byteCount()).isEqualTo(10);
    assertThat(await(closed)).isTrue();
  }

  /** Reads the request head and never the body, with a tiny receive buffer. */
  RawServer deaf() {
    return track(
        RawServer.start(
            c -> {
              if (c.readHead() != null) {
                Thread.sleep(10_000); // reading nothing more, not even to notice a close
              }
            },
            4096));
  }

  /** An endless body; with {@code knownLength} it claims 4 GiB. */
  static RequestBody endless(boolean knownLength) {
    return new RequestBody() {
      @Override
      public String contentType() {
        return null;
      }

      @Override
      public long contentLength() {
        return knownLength ? 1L << 32 : -1;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        byte[] chunk = new byte[16 * 1024];
        for (long i = 0; i < (1L << 32) / chunk.length; i++) {
          out.write(chunk);
        }
      }
    };
  }

  @Test
  void writeTimeout() throws Exception {
    RawServer s = deaf();
    long start = System.nanoTime();
    NettyTransport t = transport();
    Throwable e = catchThrowable(() -> t.execute(requestWith(s.uri("/"), Timeouts.Kind.WRITE).method("POST", endless(false)).build()));
    assertTimeout(e, Timeouts.Kind.WRITE);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertClosedSoon(t);
  }

  @Test
  void writeTimeoutAsync() throws Exception {
    RawServer s = deaf();
    NettyTransport t = transport();
    Throwable e = awaitFailure(t.executeAsync(requestWith(s.uri("/"), Timeouts.Kind.WRITE).method("PUT", endless(true)).build()));
    assertTimeout(e, Timeouts.Kind.WRITE);
    assertClosedSoon(t);
  }

  @Test
  void poolTimeoutOnBothPaths() throws Exception {
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readHead() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nheld");
                    c.awaitClientClose(Duration.ofSeconds(10));
                  }
                }));
    NettyTransport t = transport(options().withMaxConnections(1));
    AsyncHttpResponse held = await(t.executeAsync(request(s.uri("/")).build()));
    long start = System.nanoTime();
    assertTimeout(catchThrowable(() -> t.execute(requestWith(s.uri("/"), Timeouts.Kind.POOL).build())), Timeouts.Kind.POOL);
    assertElapsed(start);
    assertTimeout(awaitFailure(t.executeAsync(requestWith(s.uri("/"), Timeouts.Kind.POOL).build())), Timeouts.Kind.POOL);
    held.discard();
  }

  @Test
  void generousTimeoutsDoNotFireOnATrickle() throws Exception {
    RawServer s =
        track(
            RawServer.start(
                c -> {
                  if (c.readRequest() == null) {
                    return;
                  }
                  c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                  for (int i = 0; i < 8; i++) {
                    c.write("2\r\n" + i + ";\r\n");
                    Thread.sleep(100);
                  }
                  c.write("0\r\n\r\n");
                }));
    Timeouts tight = timeouts().withResponse(SHORT).withRead(SHORT);
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/")).timeouts(tight).build()));
    assertThat(utf8(collect(r))).isEqualTo("0;1;2;3;4;5;6;7;");
  }
}
