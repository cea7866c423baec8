package dev.conduit.testing.kit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests and responses: methods, statuses, headers and bodies of ordinary sizes. */
abstract class ExchangeContract extends ContractSupport {

  /** A GET returns status, headers and body on the blocking path. */
  @Test
  public void getReturnsStatusHeadersAndBody() throws Exception {
    server.record("/hello", 200, utf8("hi there"), "X-Answer", "42", "Content-Type", "text/plain");
    try (HttpResponse r = transport().execute(request(server.uri("/hello")).build())) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().first("x-answer")).isEqualTo("42");
      assertThat(r.headers().first("Content-Type")).isEqualTo("text/plain");
      assertThat(utf8(r.body().readAllBytes())).isEqualTo("hi there");
    }
    assertThat(server.takeRecorded().method).isEqualTo("GET");
  }

  /** A GET returns status, headers and body on the asynchronous path. */
  @Test
  public void getReturnsStatusHeadersAndBodyAsync() throws Exception {
    server.record("/hello", 200, utf8("hi async"), "X-Answer", "43");
    AsyncHttpResponse r = await(transport().executeAsync(request(server.uri("/hello")).build()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().first("x-answer")).isEqualTo("43");
    RecordingSubscriber s = new RecordingSubscriber(RecordingSubscriber.Mode.UNBOUNDED);
    r.body().subscribe(s);
    assertThat(utf8(s.awaitBody(PROMPTLY))).isEqualTo("hi async");
    assertThat(s.violations()).isEmpty();
  }

  /** POST, PUT, PATCH and DELETE send their body with its length and content type. */
  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  public void methodsWithABodySendItWithLengthAndType(String method) throws Exception {
    server.record("/m", 200, utf8("ok"));
    byte[] payload = utf8("{\"method\":\"" + method + "\"}");
    HttpRequest req =
        request(server.uri("/m")).method(method, RequestBody.ofBytes(payload, "application/json")).build();
    assertThat(utf8(readAll(transport().execute(req)))).isEqualTo("ok");
    LoopbackServer.Recorded rec = server.takeRecorded();
    assertThat(rec.method).isEqualTo(method);
    assertThat(rec.header("content-length")).isEqualTo(String.valueOf(payload.length));
    assertThat(rec.header("content-type")).isEqualTo("application/json");
    assertThat(rec.body).isEqualTo(payload);
  }

  /** A DELETE without a body is sent without one. */
  @Test
  public void deleteWithoutBody() throws Exception {
    server.record("/d", 200, utf8("gone"));
    HttpRequest req = request(server.uri("/d")).method("DELETE", null).build();
    assertThat(utf8(readAll(transport().execute(req)))).isEqualTo("gone");
    LoopbackServer.Recorded rec = server.takeRecorded();
    assertThat(rec.method).isEqualTo("DELETE");
    assertThat(rec.body).isEmpty();
    assertThat(rec.header("transfer-encoding")).isNull();
  }

  /** A HEAD response has headers and an empty body. */
  @Test
  public void headHasHeadersAndNoBody() throws Exception {
    server.route(
        "/head",
        ex -> {
          ex.getResponseHeaders().add("X-Size", "1234");
          ex.sendResponseHeaders(200, -1);
        });
    HttpRequest req = request(server.uri("/head")).method("HEAD", null).build();
    try (HttpResponse r = transport().execute(req)) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().first("x-size")).isEqualTo("1234");
      assertThat(r.body().read()).isEqualTo(-1);
    }
  }

  /** Error statuses are responses with a readable body, never exceptions. */
  @ParameterizedTest
  @ValueSource(ints = {201, 400, 401, 404, 409, 429, 500, 503})
  public void statusesAreResponsesNotExceptions(int status) throws Exception {
    server.record("/s", status, utf8("status " + status));
    try (HttpResponse r = transport().execute(request(server.uri("/s")).build())) {
      assertThat(r.statusCode()).isEqualTo(status);
      assertThat(utf8(r.body().readAllBytes())).isEqualTo("status " + status);
    }
  }

  /** An error status is a response on the asynchronous path too. */
  @Test
  public void errorStatusIsAResponseAsync() throws Exception {
    server.record("/s", 500, utf8("{\"error\":{\"message\":\"boom\"}}"));
    AsyncHttpResponse r = await(transport().executeAsync(request(server.uri("/s")).build()));
    assertThat(r.statusCode()).isEqualTo(500);
    RecordingSubscriber s = new RecordingSubscriber(RecordingSubscriber.Mode.UNBOUNDED);
    r.body().subscribe(s);
    assertThat(utf8(s.awaitBody(PROMPTLY))).contains("boom");
  }

  /** A 204 has an empty body on the blocking path. */
  @Test
  public void noContentHasEmptyBody() throws Exception {
    server.record("/nc", 204, new byte[0]);
    try (HttpResponse r = transport().execute(request(server.uri("/nc")).build())) {
      assertThat(r.statusCode()).isEqualTo(204);
      assertThat(r.body().readAllBytes()).isEmpty();
    }
  }

  /** A 204 completes its body publisher with no items. */
  @Test
  public void noContentHasEmptyBodyAsync() throws Exception {
    server.record("/nc", 204, new byte[0]);
    AsyncHttpResponse r = await(transport().executeAsync(request(server.uri("/nc")).build()));
    assertThat(r.statusCode()).isEqualTo(204);
    RecordingSubscriber s = new RecordingSubscriber(RecordingSubscriber.Mode.UNBOUNDED);
    r.body().subscribe(s);
    assertThat(s.awaitBody(PROMPTLY)).isEmpty();
    assertThat(s.items()).isZero();
  }

  /** A 200 with {@code Content-Length: 0} has an empty body. */
  @Test
  public void emptyResponseBody() throws Exception {
    server.record("/empty", 200, new byte[0]);
    try (HttpResponse r = transport().execute(request(server.uri("/empty")).build())) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body().readAllBytes()).isEmpty();
    }
  }

  /** Several values of one request header all reach the server, in order. */
  @Test
  public void multiValuedRequestHeadersAreAllSent() throws Exception {
    server.record("/h", 200, new byte[0]);
    HttpRequest req =
        request(server.uri("/h")).addHeader("X-Multi", "one").addHeader("X-Multi", "two").addHeader("x-multi", "three").build();
    readAll(transport().execute(req));
    assertThat(server.takeRecorded().headerValues("x-multi")).containsExactly("one", "two", "three");
  }

  /** Several values of one response header are all received, in order. */
  @Test
  public void multiValuedResponseHeadersAreAllReceived() throws Exception {
    server.record("/h", 200, utf8("x"), "Set-Cookie", "a=1", "Set-Cookie", "b=2", "X-Multi", "p", "X-Multi", "q");
    try (HttpResponse r = transport().execute(request(server.uri("/h")).build())) {
      assertThat(r.headers().all("set-cookie")).containsExactly("a=1", "b=2");
      assertThat(r.headers().all("X-MULTI")).containsExactly("p", "q");
    }
  }

  /** A 64 KiB request header value is sent intact. */
  @Test
  public void largeRequestHeaderIsSent() throws Exception {
    server.record("/big", 200, new byte[0]);
    String big = "v".repeat(64 * 1024);
    readAll(transport().execute(request(server.uri("/big")).header("X-Big", big).build()));
    assertThat(server.takeRecorded().header("x-big")).isEqualTo(big);
  }

  /** A 64 KiB response header value is received intact. */
  @Test
  public void largeResponseHeaderIsReceived() throws Exception {
    String big = "w".repeat(64 * 1024);
    server.record("/big", 200, utf8("ok"), "X-Big", big);
    try (HttpResponse r = transport().execute(request(server.uri("/big")).build())) {
      assertThat(r.headers().first("x-big")).isEqualTo(big);
      assertThat(utf8(r.body().readAllBytes())).isEqualTo("ok");
    }
  }

  /**
   * Headers a transport manages itself ({@code Host}, {@code Content-Length}, {@code Connection},
   * {@code Upgrade}) do not fail the request, and cannot corrupt the framing.
   */
  @Test
  public void transportManagedHeadersDoNotFailTheRequest() throws Exception {
    server.record("/r", 200, utf8("fine"));
    byte[] payload = utf8("exactly twenty bytes");
    HttpRequest req =
        request(server.uri("/r"))
            .method("POST", RequestBody.ofBytes(payload, "text/plain"))
            .header("Host", "evil.example")
            .header("Content-Length", "999")
            .header("Connection", "keep-alive")
            .header("Upgrade", "h2c")
            .build();
    assertThat(utf8(readAll(transport().execute(req)))).isEqualTo("fine");
    LoopbackServer.Recorded rec = server.takeRecorded();
    assertThat(rec.body).isEqualTo(payload);
    assertThat(rec.header("content-length")).isEqualTo(String.valueOf(payload.length));
    assertThat(rec.headers.get("content-length")).hasSize(1);
  }

  /** A body of unknown length (-1) is sent chunked. */
  @Test
  public void bodyOfUnknownLengthIsSentChunked() throws Exception {
    server.record("/c", 200, new byte[0]);
    byte[] payload = utf8("streamed ".repeat(1000));
    RequestBody body = RequestBody.ofInputStream(new ByteArrayInputStream(payload), -1, "text/plain");
    readAll(transport().execute(request(server.uri("/c")).method("POST", body).build()));
    LoopbackServer.Recorded rec = server.takeRecorded();
    assertThat(rec.header("transfer-encoding")).isEqualToIgnoringCase("chunked");
    assertThat(rec.header("content-length")).isNull();
    assertThat(rec.body).isEqualTo(payload);
  }

  /** An empty body is sent with {@code Content-Length: 0}. */
  @Test
  public void emptyRequestBodyIsSentWithZeroLength() throws Exception {
    server.record("/e", 200, new byte[0]);
    readAll(transport().execute(request(server.uri("/e")).method("POST", RequestBody.ofBytes(new byte[0], null)).build()));
    LoopbackServer.Recorded rec = server.takeRecorded();
    assertThat(rec.header("content-length")).isEqualTo("0");
    assertThat(rec.body).isEmpty();
  }

  /** A fixed-length response body arrives whole, with its length header. */
  @Test
  public void fixedLengthResponseBody() throws Exception {
    byte[] payload = new byte[200_000];
    Arrays.fill(payload, (byte) 'f');
    server.record("/f", 200, payload);
    try (HttpResponse r = transport().execute(request(server.uri("/f")).build())) {
      assertThat(r.headers().first("content-length")).isEqualTo("200000");
      assertThat(r.body().readAllBytes()).isEqualTo(payload);
    }
  }

  /** A chunked response body arrives whole. */
  @Test
  public void chunkedResponseBody() throws Exception {
    server.route(
        "/chunked",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write(utf8("chunk-" + i + ";"));
              out.flush();
            }
          }
        });
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      expected.append("chunk-").append(i).append(';');
    }
    assertThat(utf8(readAll(transport().execute(request(server.uri("/chunked")).build())))).isEqualTo(expected.toString());
  }

  /** A one-shot body is written exactly once and arrives whole. */
  @Test
  public void nonRepeatableBodyIsWrittenOnce() throws Exception {
    server.record("/once", 200, new byte[0]);
    byte[] payload = new byte[300_000];
    new java.util.Random(7).nextBytes(payload);
    AtomicInteger bytesRead = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    InputStream in =
        new java.io.FilterInputStream(new ByteArrayInputStream(payload)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
              bytesRead.addAndGet(n);
            }
            return n;
          }

          @Override
          public void close() throws IOException {
            closed.incrementAndGet();
            super.close();
          }
        };
    RequestBody body = RequestBody.ofInputStream(in, payload.length, "application/octet-stream");
    assertThat(body.isRepeatable()).isFalse();
    readAll(transport().execute(request(server.uri("/once")).method("POST", body).build()));
    assertThat(server.takeRecorded().body).isEqualTo(payload);
    assertThat(bytesRead.get()).isEqualTo(payload.length);
    assertThat(closed.get()).isEqualTo(1);
  }

  /** Every byte value survives a round trip through request and response bodies. */
  @Test
  public void binaryBodiesRoundTripExactly() throws Exception {
    server.route(
        "/echo",
        ex -> {
          byte[] in = ex.getRequestBody().readAllBytes();
          ex.sendResponseHeaders(200, in.length);
          ex.getResponseBody().write(in);
        });
    byte[] payload = new byte[256 * 400];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    HttpRequest req = request(server.uri("/echo")).method("PUT", RequestBody.ofBytes(payload, "application/octet-stream")).build();
    assertThat(readAll(transport().execute(req))).isEqualTo(payload);
  }

  /** The path and query reach the server exactly as encoded in the URI. */
  @Test
  public void pathAndQueryArePreservedVerbatim() throws Exception {
    server.record("/p", 200, new byte[0]);
    readAll(transport().execute(request(server.uri("/p/a%20b/%E2%9C%93?q=a%26b&empty=&x=%2F")).build()));
    LoopbackServer.Recorded rec = server.takeRecorded();
    assertThat(rec.rawPath).isEqualTo("/p/a%20b/%E2%9C%93");
    assertThat(rec.rawQuery).isEqualTo("q=a%26b&empty=&x=%2F");
  }

  /** One transport serves many threads at once. */
  @Test
  public void concurrentBlockingCallsShareOneTransport() throws Exception {
    server.route(
        "/n",
        ex -> {
          byte[] b = utf8(ex.getRequestURI().getQuery());
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
        });
    Transport t = transport();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String q = "i=" + i;
        results.add(pool.submit(() -> utf8(readAll(t.execute(request(server.uri("/n?" + q)).build())))));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("i=" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Many asynchronous calls run at once through one transport. */
  @Test
  public void concurrentAsyncCallsShareOneTransport() throws Exception {
    server.route(
        "/n",
        ex -> {
          byte[] b = utf8(ex.getRequestURI().getQuery());
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
        });
    Transport t = transport();
    List<CompletableFuture<byte[]>> bodies = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      bodies.add(
          t.executeAsync(request(server.uri("/n?i=" + i)).build())
              .thenCompose(
                  r -> {
                    RecordingSubscriber s = new RecordingSubscriber(RecordingSubscriber.Mode.UNBOUNDED);
                    r.body().subscribe(s);
                    return s.done().thenApply(v -> {
                      try {
                        return s.awaitBody(Duration.ZERO);
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    });
                  }));
    }
    for (int i = 0; i < bodies.size(); i++) {
      assertThat(utf8(await(bodies.get(i)))).isEqualTo("i=" + i);
    }
  }

  /** {@code body()} is one stream; closing twice is harmless; reading after close fails. */
  @Test
  public void responseCloseIsIdempotentAndEndsTheBody() throws Exception {
    server.record("/b", 200, utf8("body"));
    HttpResponse r = transport().execute(request(server.uri("/b")).build());
    assertThat(r.body()).isSameAs(r.body());
    assertThat(r.body().read()).isEqualTo('b');
    r.close();
    r.close();
    assertThatThrownBy(() -> r.body().read()).isInstanceOf(IOException.class);
  }

  /** A request body whose {@code writeTo} fails fails the blocking call with that failure. */
  @Test
  public void failingRequestBodyFailsTheCall() throws Exception {
    server.record("/fail", 200, new byte[0]);
    RequestBody body = failingBody();
    assertThatThrownBy(() -> readAll(transport().execute(request(server.uri("/fail")).method("POST", body).build())))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(chainMessages(e)).contains("body source broke"));
  }

  /** A request body whose {@code writeTo} fails fails the asynchronous call with that failure. */
  @Test
  public void failingRequestBodyFailsTheAsyncCall() throws Exception {
    server.record("/fail", 200, new byte[0]);
    Throwable t = awaitFailure(transport().executeAsync(request(server.uri("/fail")).method("POST", failingBody()).build()));
    assertThat(t).isInstanceOf(IOException.class);
    assertThat(chainMessages(t)).contains("body source broke");
  }

  private static RequestBody failingBody() {
    return new RequestBody() {
      @Override
      public String contentType() {
        return "text/plain";
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(new byte[100_000]);
        throw new IOException("body source broke");
      }
    };
  }

  static String chainMessages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append(" | ");
      if (c.getCause() == c) {
        break;
      }
    }
    return sb.toString();
  }

  /** A server that closes the connection after every response does not break later calls. */
  @Test
  public void serverClosingAfterEachResponseIsHandled() throws Exception {
    ScriptedServer s =
        track(
            ScriptedServer.start(
                c -> {
                  if (c.readRequest() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                  }
                }));
    Transport t = transport();
    for (int i = 0; i < 5; i++) {
      assertThat(utf8(readAll(t.execute(request(s.uri("/x")).build())))).isEqualTo("ok");
    }
    assertThat(s.acceptedConnections()).isEqualTo(5);
  }

  /** A kept-alive connection the server closed while idle is replaced, not reported as a failure. */
  @Test
  public void staleKeepAliveConnectionIsReplaced() throws Exception {
    ScriptedServer s =
        track(
            ScriptedServer.start(
                c -> {
                  if (c.readRequest() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                  }
                  // Then close silently, as a server's keep-alive timeout does.
                }));
    Transport t = transport();
    assertThat(utf8(readAll(t.execute(request(s.uri("/x")).build())))).isEqualTo("ok");
    assertThat(s.awaitOpenConnectionsAtMost(0, PROMPTLY)).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(utf8(readAll(t.execute(request(s.uri("/x")).build())))).isEqualTo("ok");
      assertThat(s.awaitOpenConnectionsAtMost(0, PROMPTLY)).isTrue();
    }
  }
}
