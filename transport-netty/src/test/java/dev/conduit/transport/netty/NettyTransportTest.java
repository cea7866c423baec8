package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exchanges against a well-behaved loopback server: methods, statuses, headers, bodies, gzip. */
class NettyTransportTest extends TestBase {
  Loopback server;
  final AtomicReference<String> lastMethod = new AtomicReference<>();
  final AtomicReference<com.sun.net.httpserver.Headers> lastHeaders = new AtomicReference<>();
  final AtomicReference<byte[]> lastBody = new AtomicReference<>();

  @BeforeEach
  void start() {
    server = track(Loopback.http());
    server.route(
        "/echo",
        ex -> {
          lastMethod.set(ex.getRequestMethod());
          lastHeaders.set(ex.getRequestHeaders());
          byte[] in = ex.getRequestBody().readAllBytes();
          lastBody.set(in);
          ex.getResponseHeaders().add("X-Method", ex.getRequestMethod());
          boolean empty = in.length == 0 || ex.getRequestMethod().equals("HEAD");
          ex.sendResponseHeaders(200, empty ? -1 : in.length);
          if (!empty) {
            ex.getResponseBody().write(in);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
  void methodsCarryTheirBody(String method) throws Exception {
    byte[] payload = utf8("{\"m\":\"" + method + "\"}");
    HttpRequest req = request(server.uri("/echo")).method(method, RequestBody.ofBytes(payload, "application/json")).build();
    try (HttpResponse r = transport().execute(req)) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().first("x-method")).isEqualTo(method);
      assertThat(r.body().readAllBytes()).isEqualTo(payload);
    }
    assertThat(lastMethod.get()).isEqualTo(method);
    assertThat(lastHeaders.get().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(lastHeaders.get().getFirst("Content-Length")).isEqualTo(String.valueOf(payload.length));
  }

  @Test
  void getAndHeadHaveNoBody() throws Exception {
    NettyTransport t = transport();
    assertThat(readAll(t.execute(request(server.uri("/echo")).build()))).isEmpty();
    assertThat(lastHeaders.get().containsKey("Content-Length")).isFalse();
    assertThat(lastHeaders.get().containsKey("Transfer-encoding")).isFalse();
    try (HttpResponse r = t.execute(request(server.uri("/echo")).method("HEAD", null).build())) {
      assertThat(r.headers().first("x-method")).isEqualTo("HEAD");
      assertThat(r.body().read()).isEqualTo(-1);
    }
  }

  @Test
  void postWithoutBodySendsZeroLength() throws Exception {
    readAll(transport().execute(request(server.uri("/echo")).method("POST", null).build()));
    assertThat(lastHeaders.get().getFirst("Content-Length")).isEqualTo("0");
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 301, 400, 401, 404, 429, 500, 503})
  void statusesAreResponses(int status) throws Exception {
    server.respond("/s", status, utf8("status " + status));
    NettyTransport t = transport();
    try (HttpResponse r = t.execute(request(server.uri("/s")).build())) {
      assertThat(r.statusCode()).isEqualTo(status);
      assertThat(utf8(r.body().readAllBytes())).isEqualTo(status == 204 ? "" : "status " + status);
    }
    AsyncHttpResponse a = await(t.executeAsync(request(server.uri("/s")).build()));
    assertThat(a.statusCode()).isEqualTo(status);
    assertThat(utf8(collect(a))).isEqualTo(status == 204 ? "" : "status " + status);
  }

  @Test
  void multiValuedHeadersBothWays() throws Exception {
    server.respond("/h", 200, utf8("x"), "Set-Cookie", "a=1", "Set-Cookie", "b=2", "X-Multi", "p", "X-Multi", "q");
    HttpRequest req = request(server.uri("/h")).addHeader("X-Multi", "one").addHeader("x-multi", "two").build();
    try (HttpResponse r = transport().execute(req)) {
      assertThat(r.headers().all("set-cookie")).containsExactly("a=1", "b=2");
      assertThat(r.headers().all("X-MULTI")).containsExactly("p", "q");
    }
    readAll(transport().execute(request(server.uri("/echo")).addHeader("X-Multi", "one").addHeader("x-multi", "two").build()));
    assertThat(lastHeaders.get().get("X-multi")).containsExactly("one", "two");
  }

  @Test
  void managedHeadersAreDerivedNotCopied() throws Exception {
    byte[] payload = utf8("twelve bytes");
    HttpRequest req =
        request(server.uri("/echo"))
            .method("POST", RequestBody.ofBytes(payload, "text/plain"))
            .header("Host", "evil.example")
            .header("Content-Length", "999")
            .header("Transfer-Encoding", "chunked")
            .header("Connection", "close")
            .build();
    assertThat(readAll(transport().execute(req))).isEqualTo(payload);
    assertThat(lastHeaders.get().getFirst("Host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(lastHeaders.get().getFirst("Content-Length")).isEqualTo("12");
    assertThat(lastHeaders.get().containsKey("Transfer-encoding")).isFalse();
  }

  @Test
  void headerValueWithLineBreakIsRejected() {
    HttpRequest req = request(server.uri("/echo")).header("X-Evil", "a\r\nInjected: yes").build();
    NettyTransport t = transport();
    assertThatThrownBy(() -> t.execute(req)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x-evil").hasMessageNotContaining("Injected");
    assertThat(t.executeAsync(req)).isCompletedExceptionally();
  }

  @Test
  void unsupportedSchemeIsRejected() {
    HttpRequest req = request(URI.create("ftp://127.0.0.1/file")).build();
    assertThatThrownBy(() -> transport().execute(req)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp");
  }

  @Test
  void chunkedRequestBodyOfUnknownLength() throws Exception {
    byte[] payload = utf8("streamed ".repeat(20_000));
    RequestBody body = RequestBody.ofInputStream(new ByteArrayInputStream(payload), -1, "text/plain");
    assertThat(readAll(transport().execute(request(server.uri("/echo")).method("POST", body).build()))).isEqualTo(payload);
    assertThat(lastHeaders.get().getFirst("Transfer-encoding")).isEqualToIgnoringCase("chunked");
    assertThat(lastHeaders.get().containsKey("Content-length")).isFalse();
  }

  @Test
  void chunkedRequestBodyAsync() throws Exception {
    byte[] payload = new byte[300_000];
    new Random(3).nextBytes(payload);
    RequestBody body = RequestBody.ofInputStream(new ByteArrayInputStream(payload), -1, null);
    AsyncHttpResponse r = await(transport().executeAsync(request(server.uri("/echo")).method("PUT", body).build()));
    assertThat(collect(r)).isEqualTo(payload);
  }

  @Test
  void emptyBodiesBothWays() throws Exception {
    try (HttpResponse r = transport().execute(request(server.uri("/echo")).method("POST", RequestBody.ofBytes(new byte[0], null)).build())) {
      assertThat(r.body().readAllBytes()).isEmpty();
    }
    assertThat(lastHeaders.get().getFirst("Content-Length")).isEqualTo("0");
    assertThat(lastBody.get()).isEmpty();
  }

  @Test
  void declaredLengthIsEnforced() {
    RequestBody lying =
        new RequestBody() {
          @Override
          public String contentType() {
            return null;
          }

          @Override
          public long contentLength() {
            return 100_000;
          }

          @Override
          public void writeTo(OutputStream out) throws IOException {
            out.write(new byte[100_001]);
          }
        };
    assertThatThrownBy(() -> readAll(transport().execute(request(server.uri("/echo")).method("POST", lying).build())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("content length");
  }

  /** A streamed body of unknown length, generated on the fly; its SHA-256 is returned by {@link #digest}. */
  static RequestBody generated(long size, long seed) {
    return new RequestBody() {
      @Override
      public String contentType() {
        return "application/octet-stream";
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        Random r = new Random(seed);
        byte[] chunk = new byte[10_000];
        for (long left = size; left > 0; left -= chunk.length) {
          r.nextBytes(chunk);
          out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
      }
    };
  }

  static byte[] digest(RequestBody body) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    body.writeTo(new DigestingSink(d));
    return d.digest();
  }

  /** 8 MB up (chunked, from the caller's thread) and 8 MB down, both streamed. */
  @Test
  void largeStreamedBodiesBothWays() throws Exception {
    long size = 8L * 1024 * 1024;
    server.route(
        "/digest",
        ex -> {
          MessageDigest d;
          try {
            d = MessageDigest.getInstance("SHA-256");
          } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
          ex.getRequestBody().transferTo(new DigestingSink(d));
          lastBody.set(d.digest());
          ex.sendResponseHeaders(200, size);
          try (OutputStream out = ex.getResponseBody()) {
            generated(size, 12).writeTo(out);
          }
        });
    RequestBody up = generated(size, 11);
    MessageDigest actual = MessageDigest.getInstance("SHA-256");
    try (HttpResponse r = transport().execute(request(server.uri("/digest")).method("POST", up).build())) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = r.body().read(buf)) != -1; ) {
        actual.update(buf, 0, n);
      }
    }
    assertThat(lastBody.get()).isEqualTo(digest(up));
    assertThat(actual.digest()).isEqualTo(digest(generated(size, 12)));
  }

  /**
   * A server that echoes while it reads: the asynchronous path reads the response while the body
   * writer is still sending, so 8 MB flow through without deadlock.
   */
  @Test
  void fullDuplexEchoAsync() throws Exception {
    server.route(
        "/duplex",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            ex.getRequestBody().transferTo(out);
          }
        });
    long size = 8L * 1024 * 1024;
    AsyncHttpResponse r = await(transport().executeAsync(request(server.uri("/duplex")).method("POST", generated(size, 5)).build()));
    MessageDigest actual = MessageDigest.getInstance("SHA-256");
    CompletableFuture<Void> done = new CompletableFuture<>();
    r.body().subscribe(
        new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
          @Override
          public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(java.nio.ByteBuffer item) {
            actual.update(item);
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
    await(done);
    assertThat(actual.digest()).isEqualTo(digest(generated(size, 5)));
  }

  @Test
  void gzipIsRequestedAndDecodedTransparently() throws Exception {
    byte[] plain = utf8("hello gzip ".repeat(5000));
    byte[] zipped = gzip(plain);
    server.route(
        "/gz",
        ex -> {
          lastHeaders.set(ex.getRequestHeaders());
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          ex.sendResponseHeaders(200, zipped.length);
          ex.getResponseBody().write(zipped);
        });
    NettyTransport t = transport();
    try (HttpResponse r = t.execute(request(server.uri("/gz")).build())) {
      assertThat(r.body().readAllBytes()).isEqualTo(plain);
      assertThat(r.headers().contains("content-encoding")).isFalse();
    }
    assertThat(lastHeaders.get().getFirst("Accept-Encoding")).isEqualTo("gzip");
    AsyncHttpResponse a = await(t.executeAsync(request(server.uri("/gz")).build()));
    assertThat(collect(a)).isEqualTo(plain);
  }

  @Test
  void callersOwnAcceptEncodingGetsTheRawBytes() throws Exception {
    byte[] zipped = gzip(utf8("raw please"));
    server.route(
        "/gz",
        ex -> {
          lastHeaders.set(ex.getRequestHeaders());
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          ex.sendResponseHeaders(200, zipped.length);
          ex.getResponseBody().write(zipped);
        });
    NettyTransport t = transport();
    // The same connection first decodes, then passes through: the decoder is per exchange.
    assertThat(utf8(readAll(t.execute(request(server.uri("/gz")).build())))).isEqualTo("raw please");
    try (HttpResponse r = t.execute(request(server.uri("/gz")).header("Accept-Encoding", "gzip").build())) {
      assertThat(r.headers().first("content-encoding")).isEqualTo("gzip");
      assertThat(r.body().readAllBytes()).isEqualTo(zipped);
    }
    assertThat(server.connectionsSeen()).isEqualTo(1);
  }

  @Test
  void userCodeNeverRunsOnAnEventLoop() throws Exception {
    server.respond("/x", 200, utf8("body"));
    NettyTransport t = transport();
    AtomicReference<String> futureThread = new AtomicReference<>();
    CompletableFuture<AsyncHttpResponse> f = t.executeAsync(request(server.uri("/x")).build());
    AsyncHttpResponse r = await(f.whenComplete((x, e) -> futureThread.set(Thread.currentThread().getName())));
    Collector c = new Collector(1);
    r.body().subscribe(c);
    assertThat(utf8(await(c.done))).isEqualTo("body");
    assertThat(futureThread.get()).startsWith("conduit-netty-callback-");
    assertThat(c.threads).allSatisfy(name -> assertThat(name).doesNotMatch("conduit-netty-\\d+-\\d+"));
  }

  @Test
  void callbackExecutorCanBeSupplied() throws Exception {
    server.respond("/x", 200, utf8("mine"));
    java.util.concurrent.ExecutorService mine =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "my-callbacks"));
    try {
      NettyTransport t = track(NettyTransport.builder().options(options()).callbackExecutor(mine));
      AtomicReference<String> thread = new AtomicReference<>();
      AsyncHttpResponse r = await(t.executeAsync(request(server.uri("/x")).build()).whenComplete((x, e) -> thread.set(Thread.currentThread().getName())));
      Collector c = new Collector(Long.MAX_VALUE);
      r.body().subscribe(c);
      assertThat(utf8(await(c.done))).isEqualTo("mine");
      assertThat(thread.get()).isEqualTo("my-callbacks");
      assertThat(c.threads).isSubsetOf(List.of("my-callbacks", Thread.currentThread().getName()));
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void userEventLoopGroupIsUsedAndNotClosed() throws Exception {
    server.respond("/x", 200, utf8("ok"));
    io.netty.channel.EventLoopGroup group =
        new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
    try {
      NettyTransport t = NettyTransport.builder().options(options()).eventLoopGroup(group).build();
      assertThat(utf8(readAll(t.execute(request(server.uri("/x")).build())))).isEqualTo("ok");
      // A blocking call on one of the transport's event loops would deadlock it: refused.
      Throwable onLoop =
          group.next().submit(() -> t.execute(request(server.uri("/x")).build())).await().cause();
      assertThat(onLoop).isInstanceOf(IllegalStateException.class).hasMessageContaining("executeAsync");
      t.close();
      assertThat(group.isShuttingDown()).isFalse();
      NettyTransport again = NettyTransport.builder().options(options()).eventLoopGroup(group).build();
      assertThat(utf8(readAll(again.execute(request(server.uri("/x")).build())))).isEqualTo("ok");
      again.close();
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  @Test
  void closedTransportRefusesWork() {
    NettyTransport t = NettyTransport.create(options());
    t.close();
    t.close();
    assertThatThrownBy(() -> t.execute(request(server.uri("/echo")).build())).isInstanceOf(IllegalStateException.class);
    assertThat(t.executeAsync(request(server.uri("/echo")).build())).isCompletedExceptionally();
  }

  @Test
  void builderRejectsBadSettings() {
    assertThatThrownBy(() -> NettyTransport.builder().maxConnections(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NettyTransport.builder().proxy("p", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NettyTransport.builder().proxyCredentials("u", "p").build()).isInstanceOf(IllegalStateException.class);
  }

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(plain);
    }
    return bytes.toByteArray();
  }

  /** An output stream that only digests. */
  static final class DigestingSink extends OutputStream {
    private final MessageDigest digest;

    DigestingSink(MessageDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(int b) {
      digest.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
    }
  }
}
