package dev.conduit.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Every timeout kind surfaces as a {@link TransportTimeoutException} of that kind, sync and async. */
class OkHttpTransportTimeoutTest extends TestSupport {
  static final Duration SHORT = Duration.ofMillis(400);

  /** A listening socket whose accept queue is full, so further connection attempts hang. */
  URI unconnectable() throws IOException {
    ServerSocket ss = new ServerSocket();
    ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    track(ss);
    List<Socket> fillers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Socket s = new Socket();
      try {
        s.connect(ss.getLocalSocketAddress(), 200);
        fillers.add(track(s));
      } catch (IOException full) {
        s.close();
        return URI.create("http://127.0.0.1:" + ss.getLocalPort() + "/hang");
      }
    }
    throw new IllegalStateException("the accept queue never filled");
  }

  static HttpRequest.Builder with(URI uri, Timeouts.Kind kind, Duration d) {
    return request(uri).timeouts(timeouts().with(kind, d));
  }

  @Test
  void connect() throws Exception {
    URI uri = unconnectable();
    OkHttpTransport t = transport();
    long start = System.nanoTime();
    Throwable sync = catchThrowable(() -> t.execute(with(uri, Timeouts.Kind.CONNECT, SHORT).build()));
    assertTimedOut(sync, Timeouts.Kind.CONNECT, SHORT);
    assertElapsedAbout(start, SHORT);
    start = System.nanoTime();
    assertTimedOut(awaitFailure(t.executeAsync(with(uri, Timeouts.Kind.CONNECT, SHORT).build())), Timeouts.Kind.CONNECT, SHORT);
    assertElapsedAbout(start, SHORT);
  }

  @Test
  void connectCoversTheTlsHandshake() throws Exception {
    Servers.Raw silent = raw(c -> c.awaitClientClose(Duration.ofSeconds(5))); // accepts, never says hello
    URI uri = URI.create("https://127.0.0.1:" + silent.socket.getLocalPort() + "/tls");
    OkHttpTransport t = transport();
    long start = System.nanoTime();
    Throwable sync = catchThrowable(() -> t.execute(with(uri, Timeouts.Kind.CONNECT, SHORT).build()));
    assertTimedOut(sync, Timeouts.Kind.CONNECT, SHORT);
    assertElapsedAbout(start, SHORT);
    assertTimedOut(awaitFailure(t.executeAsync(with(uri, Timeouts.Kind.CONNECT, SHORT).build())), Timeouts.Kind.CONNECT, SHORT);
    assertThat(silent.awaitOpenAtMost(0, Duration.ofSeconds(5))).isTrue();
  }

  /** Reads the request, then never answers. */
  Servers.Raw silentAfterRequest() {
    return raw(
        c -> {
          if (c.readRequest() != null) {
            c.awaitClientClose(Duration.ofSeconds(5));
          }
        });
  }

  @Test
  void response() throws Exception {
    Servers.Raw s = silentAfterRequest();
    OkHttpTransport t = transport();
    long start = System.nanoTime();
    Throwable sync = catchThrowable(() -> t.execute(with(s.uri("/slow"), Timeouts.Kind.RESPONSE, SHORT).build()));
    assertTimedOut(sync, Timeouts.Kind.RESPONSE, SHORT);
    assertElapsedAbout(start, SHORT);
    HttpRequest post =
        with(s.uri("/slow"), Timeouts.Kind.RESPONSE, SHORT).method("POST", RequestBody.ofBytes(utf8("{}"), "application/json")).build();
    start = System.nanoTime();
    assertTimedOut(awaitFailure(t.executeAsync(post)), Timeouts.Kind.RESPONSE, SHORT);
    assertElapsedAbout(start, SHORT);
    assertThat(s.awaitOpenAtMost(0, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void aShortReadTimeoutDoesNotCutTheWaitForHeaders() throws Exception {
    Servers.Raw s =
        raw(
            c -> {
              if (c.readRequest() != null) {
                Thread.sleep(500);
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
              }
            });
    HttpRequest req = request(s.uri("/late")).timeouts(timeouts().withRead(Duration.ofMillis(150)).withResponse(Duration.ofSeconds(5))).build();
    OkHttpTransport t = transport();
    assertThat(utf8(readAll(t.execute(req)))).isEqualTo("ok");
    AsyncHttpResponse r = await(t.executeAsync(req));
    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
    r.body().subscribe(sub);
    assertThat(utf8(sub.awaitBody())).isEqualTo("ok");
  }

  /** Sends headers and a little body, then stalls. */
  Servers.Raw stallingMidBody() {
    return raw(
        c -> {
          if (c.readRequest() != null) {
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nfirst bytes");
            c.awaitClientClose(Duration.ofSeconds(5));
          }
        });
  }

  @Test
  void read() throws Exception {
    Servers.Raw s = stallingMidBody();
    OkHttpTransport t = transport();
    try (HttpResponse r = t.execute(with(s.uri("/stall"), Timeouts.Kind.READ, SHORT).build())) {
      assertThat(r.body().readNBytes(11)).hasSize(11);
      long start = System.nanoTime();
      Throwable sync = catchThrowable(() -> r.body().read());
      assertTimedOut(sync, Timeouts.Kind.READ, SHORT);
      assertElapsedAbout(start, SHORT);
    }
    AsyncHttpResponse r = await(t.executeAsync(with(s.uri("/stall"), Timeouts.Kind.READ, SHORT).build()));
    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
    long start = System.nanoTime();
    r.body().subscribe(sub);
    assertTimedOut(sub.awaitError(), Timeouts.Kind.READ, SHORT);
    assertElapsedAbout(start, SHORT);
    assertThat(utf8(sub.kept.toByteArray())).isEqualTo("first bytes");
    assertThat(s.awaitOpenAtMost(0, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void write() throws Exception {
    Servers.Raw s =
        track(
            new Servers.Raw(
                c -> {
                  c.socket.setReceiveBufferSize(4096);
                  if (c.readHead() != null) {
                    c.awaitClientCloseWithoutReading(Duration.ofSeconds(8));
                  }
                },
                4096));
    OkHttpTransport t = transport();
    long start = System.nanoTime();
    Throwable sync = catchThrowable(() -> t.execute(with(s.uri("/upload"), Timeouts.Kind.WRITE, SHORT).method("POST", endless()).build()));
    assertTimedOut(sync, Timeouts.Kind.WRITE, SHORT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    Throwable async = awaitFailure(t.executeAsync(with(s.uri("/upload"), Timeouts.Kind.WRITE, SHORT).method("PUT", endless()).build()));
    assertTimedOut(async, Timeouts.Kind.WRITE, SHORT);
  }

  /** A chunked body that never ends. */
  static RequestBody endless() {
    return new RequestBody() {
      @Override
      public String contentType() {
        return "application/octet-stream";
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < 100_000; i++) {
          out.write(block);
        }
      }
    };
  }

  @Test
  void pool() throws Exception {
    Servers.Http s = http().record("/p", 200, utf8("pooled"));
    OkHttpTransport t = transport(options().withMaxConnections(1));
    HttpResponse holder = t.execute(request(s.uri("/p")).build()); // body unread: its connection stays taken
    long start = System.nanoTime();
    Throwable sync = catchThrowable(() -> t.execute(with(s.uri("/p"), Timeouts.Kind.POOL, SHORT).build()));
    assertTimedOut(sync, Timeouts.Kind.POOL, SHORT);
    assertElapsedAbout(start, SHORT);
    start = System.nanoTime();
    assertTimedOut(awaitFailure(t.executeAsync(with(s.uri("/p"), Timeouts.Kind.POOL, SHORT).build())), Timeouts.Kind.POOL, SHORT);
    assertElapsedAbout(start, SHORT);

    CompletableFuture<AsyncHttpResponse> waiting = t.executeAsync(request(s.uri("/p")).build());
    Thread.sleep(100);
    assertThat(waiting).isNotDone();
    holder.close();
    AsyncHttpResponse r = await(waiting);
    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
    r.body().subscribe(sub);
    assertThat(utf8(sub.awaitBody())).isEqualTo("pooled");
    // Reading a body to its end frees the connection even before close().
    HttpResponse read = t.execute(request(s.uri("/p")).build());
    assertThat(read.body().readAllBytes()).hasSize(6);
    assertThat(utf8(readAll(t.execute(with(s.uri("/p"), Timeouts.Kind.POOL, SHORT).build())))).isEqualTo("pooled");
  }

  @Test
  void poolCoversTheWaitInAUserDispatcherQueue() throws Exception {
    Servers.Raw s = silentAfterRequest();
    Dispatcher oneAtATime = new Dispatcher();
    oneAtATime.setMaxRequestsPerHost(1);
    OkHttpClient mine = new OkHttpClient.Builder().dispatcher(oneAtATime).build();
    OkHttpTransport t = track(OkHttpTransport.create(mine, options()));
    CompletableFuture<AsyncHttpResponse> first = t.executeAsync(request(s.uri("/first")).build());
    Thread.sleep(100);
    long start = System.nanoTime();
    Throwable queued = awaitFailure(t.executeAsync(with(s.uri("/second"), Timeouts.Kind.POOL, SHORT).build()));
    assertTimedOut(queued, Timeouts.Kind.POOL, SHORT);
    assertElapsedAbout(start, SHORT);
    first.cancel(true);
    mine.dispatcher().executorService().shutdown();
  }

  @Test
  void cancellingAQueuedCallLeavesThePoolQueue() throws Exception {
    Servers.Http s = http().record("/p", 200, utf8("ok"));
    OkHttpTransport t = transport(options().withMaxConnections(1));
    HttpResponse holder = t.execute(request(s.uri("/p")).build());
    CompletableFuture<AsyncHttpResponse> queued = t.executeAsync(request(s.uri("/p")).build());
    queued.cancel(true);
    holder.close();
    assertThat(utf8(readAll(t.execute(with(s.uri("/p"), Timeouts.Kind.POOL, SHORT).build())))).isEqualTo("ok");
  }

  @Test
  void messagesNameTheKindAndNeverAHeaderValue() throws Exception {
    Servers.Raw s = silentAfterRequest();
    HttpRequest req = with(s.uri("/m"), Timeouts.Kind.RESPONSE, Duration.ofMillis(250)).header("api-key", "sk-test-secret-key").build();
    Throwable t = catchThrowable(() -> transport().execute(req));
    assertThat(t).isInstanceOf(TransportTimeoutException.class).hasMessage("response timed out after 250 ms waiting for response headers");
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertThat(String.valueOf(c.getMessage())).doesNotContain("sk-test-secret");
    }
  }

  static Throwable catchThrowable(ThrowingCallable c) {
    try {
      c.call();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected a failure");
  }

  interface ThrowingCallable {
    void call() throws Exception;
  }

  @Test
  void aTimeoutDoesNotPoisonTheTransport() throws Exception {
    Servers.Raw s = stallingMidBody();
    Servers.Http ok = http().record("/ok", 200, utf8("fine"));
    OkHttpTransport t = transport(options().withMaxConnections(2));
    for (int i = 0; i < 3; i++) {
      try (HttpResponse r = t.execute(with(s.uri("/stall"), Timeouts.Kind.READ, Duration.ofMillis(100)).build())) {
        assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(TransportTimeoutException.class);
      }
    }
    assertThat(utf8(readAll(t.execute(with(ok.uri("/ok"), Timeouts.Kind.POOL, SHORT).build())))).isEqualTo("fine");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (!t.toString().contains("inFlight=0") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(t.toString()).contains("inFlight=0");
  }
}
