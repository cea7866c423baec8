package dev.conduit.testing.kit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Timeouts: each kind fires on both paths as a {@link TransportTimeoutException} of that kind, whose
 * message names the kind and duration and no header value; and none fires when it should not.
 */
abstract class TimeoutContract extends StreamingContract {
  /** The timeout tests set on the kind they exercise. */
  static final Duration SHORT = Duration.ofMillis(250);

  static HttpRequest.Builder requestWith(URI uri, Timeouts.Kind kind, Duration timeout) {
    return request(uri).timeouts(timeouts().with(kind, timeout));
  }

  // ---- connect ----

  /**
   * Returns the address of a listening socket whose accept queue is full. Linux then drops further
   * SYNs, so a connect hangs until its timeout, deterministically and on loopback only. Where the OS
   * refuses instead, the test is skipped.
   */
  URI unresponsiveAddress() throws IOException {
    ServerSocket ss = track(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    for (int i = 0; i < 16; i++) {
      Socket filler = track(new Socket());
      try {
        filler.connect(ss.getLocalSocketAddress(), 200);
      } catch (SocketTimeoutException e) {
        return URI.create("http://127.0.0.1:" + ss.getLocalPort() + "/hang");
      } catch (IOException e) {
        break;
      }
    }
    Assumptions.abort("this OS does not leave a connect hanging when the accept queue is full");
    throw new AssertionError("unreachable");
  }

  /** Options whose client-wide connect timeout is {@link #SHORT}. */
  static TransportOptions shortConnect() {
    return TransportOptions.defaults().withTimeouts(timeouts().withConnect(SHORT));
  }

  /** A connect that hangs fails with a CONNECT timeout on the blocking path. */
  @Test
  public void connectTimeout() throws Exception {
    URI uri = unresponsiveAddress();
    Transport t = transport(shortConnect());
    long start = System.nanoTime();
    Throwable e = catchThrowable(() -> t.execute(requestWith(uri, Timeouts.Kind.CONNECT, SHORT).build()));
    assertTimedOut(e, Timeouts.Kind.CONNECT, SHORT);
    assertElapsedAbout(System.nanoTime() - start, SHORT);
  }

  /** A connect that hangs fails the future with a CONNECT timeout. */
  @Test
  public void connectTimeoutAsync() throws Exception {
    URI uri = unresponsiveAddress();
    Transport t = transport(shortConnect());
    Throwable e = awaitFailure(t.executeAsync(requestWith(uri, Timeouts.Kind.CONNECT, SHORT).build()));
    assertTimedOut(e, Timeouts.Kind.CONNECT, SHORT);
  }

  static URI refusingAddress() throws IOException {
    int port;
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = ss.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/refused");
  }

  /** A refused connection is an {@link IOException}, not a timeout. */
  @Test
  public void connectionRefusedIsAnIoException() throws Exception {
    URI uri = refusingAddress();
    Throwable e = catchThrowable(() -> transport().execute(request(uri).build()));
    assertThat(e).isInstanceOf(IOException.class).isNotInstanceOf(TransportTimeoutException.class);
    assertThat(String.valueOf(e.getMessage())).doesNotContain("sk-contract-secret");
  }

  /** A refused connection fails the future with an {@link IOException}, not a timeout. */
  @Test
  public void connectionRefusedIsAnIoExceptionAsync() throws Exception {
    URI uri = refusingAddress();
    Throwable e = awaitFailure(transport().executeAsync(request(uri).build()));
    assertThat(e).isInstanceOf(IOException.class).isNotInstanceOf(TransportTimeoutException.class);
  }

  // ---- response ----

  /** A server that reads the request and never answers. */
  ScriptedServer silentServer() {
    return track(
        ScriptedServer.start(
            c -> {
              if (c.readRequest() != null) {
                c.awaitClientClose(PROMPTLY);
              }
            }));
  }

  /** Headers that never come fail the blocking call with a RESPONSE timeout. */
  @Test
  public void responseTimeout() throws Exception {
    ScriptedServer s = silentServer();
    long start = System.nanoTime();
    Throwable e = catchThrowable(() -> transport().execute(requestWith(s.uri("/silent"), Timeouts.Kind.RESPONSE, SHORT).build()));
    assertTimedOut(e, Timeouts.Kind.RESPONSE, SHORT);
    assertElapsedAbout(System.nanoTime() - start, SHORT);
  }

  /** Headers that never come fail the future with a RESPONSE timeout. */
  @Test
  public void responseTimeoutAsync() throws Exception {
    ScriptedServer s = silentServer();
    Throwable e = awaitFailure(transport().executeAsync(requestWith(s.uri("/silent"), Timeouts.Kind.RESPONSE, SHORT).build()));
    assertTimedOut(e, Timeouts.Kind.RESPONSE, SHORT);
  }

  /**
   * The response timeout ends at the headers and the read timeout restarts with every chunk: a body
   * trickling for several times both timeouts, with shorter gaps, completes.
   */
  @Test
  public void trickleLongerThanResponseAndReadTimeoutsCompletes() throws Exception {
    ScriptedServer s =
        track(
            ScriptedServer.start(
                c -> {
                  if (c.readRequest() == null) {
                    return;
                  }
                  c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                  for (int i = 0; i < 10; i++) {
                    c.write("2\r\n" + i + ";\r\n");
                    Thread.sleep(60);
                  }
                  c.write("0\r\n\r\n");
                }));
    Timeouts tight = timeouts().withResponse(SHORT).withRead(SHORT);
    try (HttpResponse r = transport().execute(request(s.uri("/trickle")).timeouts(tight).build())) {
      assertThat(utf8(r.body().readAllBytes())).isEqualTo("0;1;2;3;4;5;6;7;8;9;");
    }
  }

  // ---- read ----

  /** A server that sends headers and 10 of 100 body bytes, then stalls. */
  ScriptedServer stallingServer() {
    return track(
        ScriptedServer.start(
            c -> {
              if (c.readRequest() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
                c.awaitClientClose(PROMPTLY);
              }
            }));
  }

  /** A body that stalls while the reader waits fails {@code read} with a READ timeout. */
  @Test
  public void readTimeout() throws Exception {
    ScriptedServer s = stallingServer();
    try (HttpResponse r = transport().execute(requestWith(s.uri("/stall"), Timeouts.Kind.READ, SHORT).build())) {
      assertThat(utf8(r.body().readNBytes(10))).isEqualTo("0123456789");
      long start = System.nanoTime();
      Throwable e = catchThrowable(() -> r.body().read());
      assertTimedOut(e, Timeouts.Kind.READ, SHORT);
      assertElapsedAbout(System.nanoTime() - start, SHORT);
    }
  }

  /** A body that stalls while demand is outstanding fails with {@code onError} and a READ timeout. */
  @Test
  public void readTimeoutAsync() throws Exception {
    ScriptedServer s = stallingServer();
    AsyncHttpResponse r = await(transport().executeAsync(requestWith(s.uri("/stall"), Timeouts.Kind.READ, SHORT).build()));
    RecordingSubscriber sub = new RecordingSubscriber(RecordingSubscriber.Mode.UNBOUNDED);
    r.body().subscribe(sub);
    assertTimedOut(sub.awaitError(PROMPTLY), Timeouts.Kind.READ, SHORT);
    assertThat(sub.byteCount()).isLessThanOrEqualTo(10);
  }

  /** A reader that pauses between reads for longer than the read timeout is not timed out. */
  @Test
  public void readTimeoutIgnoresAPausingReader() throws Exception {
    byte[] payload = new byte[512 * 1024];
    server.record("/all", 200, payload);
    Duration read = Duration.ofMillis(150);
    try (HttpResponse r = transport().execute(requestWith(server.uri("/all"), Timeouts.Kind.READ, read).build())) {
      assertThat(r.body().read()).isZero();
      Thread.sleep(450);
      assertThat(r.body().readAllBytes()).hasSize(payload.length - 1);
    }
  }

  /** A subscriber with no outstanding demand for longer than the read timeout is not timed out. */
  @Test
  public void readTimeoutIgnoresAsyncWithoutDemand() throws Exception {
    byte[] payload = new byte[512 * 1024];
    server.record("/all", 200, payload);
    Duration read = Duration.ofMillis(150);
    AsyncHttpResponse r = await(transport().executeAsync(requestWith(server.uri("/all"), Timeouts.Kind.READ, read).build()));
    RecordingSubscriber sub = new RecordingSubscriber(RecordingSubscriber.Mode.MANUAL, false);
    r.body().subscribe(sub);
    sub.request(1);
    long deadline = System.nanoTime() + PROMPTLY.toNanos();
    while (sub.items() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(sub.items()).isEqualTo(1);
    Thread.sleep(450);
    assertThat(sub.done()).isNotDone();
    sub.request(Long.MAX_VALUE);
    sub.done().get(PROMPTLY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    assertThat(sub.byteCount()).isEqualTo(payload.length);
  }

  // ---- write ----

  /** A server that accepts the request head and never reads the body, with a small receive buffer. */
  ScriptedServer deafServer() {
    return track(
        ScriptedServer.start(
            c -> {
              if (c.readRequestHead() != null) {
                Thread.sleep(PROMPTLY.toMillis());
              }
            },
            4096));
  }

  /** An upload the server stops reading fails the blocking call with a WRITE timeout. */
  @Test
  public void writeTimeout() throws Exception {
    ScriptedServer s = deafServer();
    HttpRequest req =
        requestWith(s.uri("/deaf"), Timeouts.Kind.WRITE, SHORT).method("POST", Payload.body(1L << 32, 3, false)).build();
    long start = System.nanoTime();
    Throwable e = catchThrowable(() -> transport().execute(req));
    assertTimedOut(e, Timeouts.Kind.WRITE, SHORT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
  }

  /** An upload the server stops reading fails the future with a WRITE timeout. */
  @Test
  public void writeTimeoutAsync() throws Exception {
    ScriptedServer s = deafServer();
    HttpRequest req =
        requestWith(s.uri("/deaf"), Timeouts.Kind.WRITE, SHORT).method("POST", Payload.body(1L << 32, 4, true)).build();
    Throwable e = awaitFailure(transport().executeAsync(req));
    assertTimedOut(e, Timeouts.Kind.WRITE, SHORT);
  }

  // ---- pool ----

  /** A transport allowing one connection, and a server whose responses never end. */
  Transport singleConnection() {
    return transport(TransportOptions.defaults().withTimeouts(timeouts()).withMaxConnections(1));
  }

  ScriptedServer holdingServer() {
    return track(
        ScriptedServer.start(
            c -> {
              if (c.readRequestHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\nheld");
                c.awaitClientClose(PROMPTLY);
              }
            }));
  }

  /** With every connection busy, a blocking call fails with a POOL timeout; closing one frees it. */
  @Test
  public void poolTimeout() throws Exception {
    ScriptedServer s = holdingServer();
    Transport t = singleConnection();
    HttpResponse held = t.execute(request(s.uri("/a")).build());
    long start = System.nanoTime();
    Throwable e = catchThrowable(() -> t.execute(requestWith(s.uri("/b"), Timeouts.Kind.POOL, SHORT).build()));
    assertTimedOut(e, Timeouts.Kind.POOL, SHORT);
    assertElapsedAbout(System.nanoTime() - start, SHORT);
    held.close();
    try (HttpResponse next = t.execute(request(s.uri("/c")).build())) {
      assertThat(utf8(next.body().readNBytes(4))).isEqualTo("held");
    }
  }

  /**
   * With every connection busy, {@code executeAsync} returns at once and its future fails with a
   * POOL timeout; discarding the busy body frees the connection.
   */
  @Test
  public void poolTimeoutAsync() throws Exception {
    ScriptedServer s = holdingServer();
    Transport t = singleConnection();
    AsyncHttpResponse held = await(t.executeAsync(request(s.uri("/a")).build()));
    Duration pool = Duration.ofMillis(500);
    long start = System.nanoTime();
    CompletableFuture<AsyncHttpResponse> waiting = t.executeAsync(requestWith(s.uri("/b"), Timeouts.Kind.POOL, pool).build());
    long returnedAfter = System.nanoTime() - start;
    boolean doneOnReturn = waiting.isDone();
    assertThat(Duration.ofNanos(returnedAfter)).isLessThan(pool);
    assertThat(doneOnReturn).isFalse();
    assertTimedOut(awaitFailure(waiting), Timeouts.Kind.POOL, pool);
    assertElapsedAbout(System.nanoTime() - start, pool);
    held.discard();
    AsyncHttpResponse next = await(t.executeAsync(request(s.uri("/c")).build()));
    assertThat(next.statusCode()).isEqualTo(200);
    next.discard();
  }

  /** A queued call proceeds as soon as the busy connection is released. */
  @Test
  public void poolWaiterProceedsWhenAConnectionIsReleased() throws Exception {
    ScriptedServer s = holdingServer();
    Transport t = singleConnection();
    HttpResponse held = t.execute(request(s.uri("/a")).build());
    CompletableFuture<AsyncHttpResponse> waiting = t.executeAsync(request(s.uri("/b")).build());
    Thread.sleep(100);
    assertThat(waiting).isNotDone();
    held.close();
    AsyncHttpResponse next = await(waiting);
    assertThat(next.statusCode()).isEqualTo(200);
    next.discard();
  }

  /** The blocking and asynchronous paths draw on one pool. */
  @Test
  public void poolIsSharedBetweenBlockingAndAsync() throws Exception {
    ScriptedServer s = holdingServer();
    Transport t = singleConnection();
    AsyncHttpResponse held = await(t.executeAsync(request(s.uri("/a")).build()));
    Throwable e = catchThrowable(() -> t.execute(requestWith(s.uri("/b"), Timeouts.Kind.POOL, SHORT).build()));
    assertTimedOut(e, Timeouts.Kind.POOL, SHORT);
    held.discard();
    try (HttpResponse next = t.execute(request(s.uri("/c")).build())) {
      assertThat(next.statusCode()).isEqualTo(200);
    }
  }
}
