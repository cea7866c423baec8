package dev.conduit.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Transport;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Methods, statuses, headers and request bodies through {@link OkHttpTransport}. */
class OkHttpTransportExchangeTest extends TestSupport {

  @Test
  void getReturnsStatusHeadersAndBody() throws Exception {
    Servers.Http s = http().record("/hello", 200, utf8("hi there"), "X-Answer", "42", "Content-Type", "text/plain");
    try (HttpResponse r = transport().execute(request(s.uri("/hello")).build())) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().first("X-ANSWER")).isEqualTo("42");
      assertThat(r.headers().first("content-type")).isEqualTo("text/plain");
      assertThat(r.body()).isSameAs(r.body());
      assertThat(utf8(r.body().readAllBytes())).isEqualTo("hi there");
    }
    Servers.Recorded rec = s.take();
    assertThat(rec.method()).isEqualTo("GET");
    assertThat(rec.header("authorization")).isEqualTo(SECRET);
  }

  @Test
  void getReturnsStatusHeadersAndBodyAsync() throws Exception {
    Servers.Http s = http().record("/hello", 200, utf8("hi async"), "X-Answer", "43");
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/hello")).build()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().first("x-answer")).isEqualTo("43");
    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
    r.body().subscribe(sub);
    assertThat(utf8(sub.awaitBody())).isEqualTo("hi async");
    assertThat(sub.violations).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  void methodsWithABodySendItWithLengthAndType(String method) throws Exception {
    Servers.Http s = http().record("/m", 200, utf8("ok"));
    byte[] payload = utf8("{\"method\":\"" + method + "\"}");
    HttpRequest req = request(s.uri("/m")).method(method, RequestBody.ofBytes(payload, "application/json")).build();
    assertThat(utf8(readAll(transport().execute(req)))).isEqualTo("ok");
    Servers.Recorded rec = s.take();
    assertThat(rec.method()).isEqualTo(method);
    assertThat(rec.header("content-length")).isEqualTo(String.valueOf(payload.length));
    assertThat(rec.all("content-type")).containsExactly("application/json");
    assertThat(rec.body()).isEqualTo(payload);
  }

  @Test
  void postWithoutBodySendsAnEmptyOne() throws Exception {
    Servers.Http s = http().record("/p", 200, utf8("ok"));
    readAll(transport().execute(request(s.uri("/p")).method("POST", null).build()));
    Servers.Recorded rec = s.take();
    assertThat(rec.method()).isEqualTo("POST");
    assertThat(rec.header("content-length")).isEqualTo("0");
  }

  @Test
  void deleteWithoutBodyHasNoFraming() throws Exception {
    Servers.Http s = http().record("/d", 200, utf8("gone"));
    assertThat(utf8(readAll(transport().execute(request(s.uri("/d")).method("DELETE", null).build())))).isEqualTo("gone");
    Servers.Recorded rec = s.take();
    assertThat(rec.body()).isEmpty();
    assertThat(rec.header("transfer-encoding")).isNull();
  }

  @Test
  void headHasHeadersAndNoBody() throws Exception {
    Servers.Http s =
        http()
            .route(
                "/head",
                ex -> {
                  ex.getResponseHeaders().add("X-Size", "1234");
                  ex.sendResponseHeaders(200, -1);
                });
    try (HttpResponse r = transport().execute(request(s.uri("/head")).method("HEAD", null).build())) {
      assertThat(r.headers().first("x-size")).isEqualTo("1234");
      assertThat(r.body().read()).isEqualTo(-1);
    }
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/head")).method("HEAD", null).build()));
    Recorder sub = new Recorder(Recorder.Mode.MANUAL);
    r.body().subscribe(sub);
    assertThat(sub.awaitBody()).isEmpty(); // completes without any demand: the body is known empty
    assertThat(sub.items).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {201, 204, 400, 401, 404, 409, 429, 500, 503})
  void statusesAreResponsesNotExceptions(int status) throws Exception {
    byte[] body = status == 204 ? new byte[0] : utf8("status " + status);
    Servers.Http s = http().record("/s", status, body);
    try (HttpResponse r = transport().execute(request(s.uri("/s")).build())) {
      assertThat(r.statusCode()).isEqualTo(status);
      assertThat(r.body().readAllBytes()).isEqualTo(body);
    }
    AsyncHttpResponse r = await(transport().executeAsync(request(s.uri("/s")).build()));
    assertThat(r.statusCode()).isEqualTo(status);
    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
    r.body().subscribe(sub);
    assertThat(sub.awaitBody()).isEqualTo(body);
  }

  @Test
  void multiValuedHeadersTravelBothWays() throws Exception {
    Servers.Http s = http().record("/h", 200, utf8("x"), "Set-Cookie", "a=1", "Set-Cookie", "b=2", "X-Multi", "p", "X-Multi", "q");
    HttpRequest req = request(s.uri("/h")).addHeader("X-Multi", "one").addHeader("X-Multi", "two").addHeader("x-multi", "three").build();
    try (HttpResponse r = transport().execute(req)) {
      assertThat(r.headers().all("set-cookie")).containsExactly("a=1", "b=2");
      assertThat(r.headers().all("X-MULTI")).containsExactly("p", "q");
    }
    assertThat(s.take().all("x-multi")).containsExactly("one", "two", "three");
  }

  @Test
  void contentTypeIsSentOnceAndTheHeaderWins() throws Exception {
    Servers.Http s = http().record("/ct", 200, new byte[0]);
    HttpRequest req =
        request(s.uri("/ct"))
            .method("POST", RequestBody.ofBytes(utf8("{}"), "text/plain"))
            .header("Content-Type", "application/json; charset=utf-8")
            .build();
    readAll(transport().execute(req));
    assertThat(s.take().all("content-type")).containsExactly("application/json; charset=utf-8");

    readAll(transport().execute(request(s.uri("/ct")).method("POST", RequestBody.ofBytes(utf8("x"), null)).build()));
    assertThat(s.take().all("content-type")).isEmpty();
  }

  @Test
  void transportManagedHeadersAreDropped() throws Exception {
    Servers.Http s = http().record("/r", 200, utf8("fine"));
    byte[] payload = utf8("exactly twenty bytes");
    HttpRequest req =
        request(s.uri("/r"))
            .method("POST", RequestBody.ofBytes(payload, "text/plain"))
            .header("Host", "evil.example")
            .header("Content-Length", "999")
            .header("Transfer-Encoding", "chunked")
            .header("Connection", "close")
            .header("Upgrade", "h2c")
            .header("Expect", "something-else")
            .build();
    assertThat(utf8(readAll(transport().execute(req)))).isEqualTo("fine");
    Servers.Recorded rec = s.take();
    assertThat(rec.body()).isEqualTo(payload);
    assertThat(rec.header("content-length")).isEqualTo("20");
    assertThat(rec.header("host")).isEqualTo("127.0.0.1:" + s.uri("/").getPort());
    assertThat(rec.header("upgrade")).isNull();
    assertThat(rec.header("expect")).isNull();
    assertThat(rec.header("transfer-encoding")).isNull();
  }

  @Test
  void expectContinueIsHonoured() throws Exception {
    Servers.Http s = http().record("/e", 200, utf8("done"));
    byte[] payload = utf8("expected body");
    HttpRequest req = request(s.uri("/e")).method("PUT", RequestBody.ofBytes(payload, "text/plain")).header("Expect", "100-continue").build();
    assertThat(utf8(readAll(transport().execute(req)))).isEqualTo("done");
    assertThat(s.take().body()).isEqualTo(payload);
  }

  @Test
  void bodyOfUnknownLengthIsSentChunked() throws Exception {
    Servers.Http s = http().record("/c", 200, new byte[0]);
    byte[] payload = utf8("streamed ".repeat(5000));
    RequestBody body = RequestBody.ofInputStream(new ByteArrayInputStream(payload), -1, "text/plain");
    readAll(transport().execute(request(s.uri("/c")).method("POST", body).build()));
    Servers.Recorded rec = s.take();
    assertThat(rec.header("transfer-encoding")).isEqualToIgnoringCase("chunked");
    assertThat(rec.header("content-length")).isNull();
    assertThat(rec.body()).isEqualTo(payload);
  }

  @Test
  void emptyBodyIsSentWithZeroLength() throws Exception {
    Servers.Http s = http().record("/e", 200, new byte[0]);
    readAll(transport().execute(request(s.uri("/e")).method("POST", RequestBody.ofBytes(new byte[0], null)).build()));
    Servers.Recorded rec = s.take();
    assertThat(rec.header("content-length")).isEqualTo("0");
    assertThat(rec.body()).isEmpty();
  }

  @Test
  void nonRepeatableBodyIsReadOnceAndClosedOnce() throws Exception {
    Servers.Http s = http().record("/once", 200, new byte[0]);
    byte[] payload = pattern(300_000);
    AtomicInteger closed = new AtomicInteger();
    AtomicLong read = new AtomicLong();
    InputStream in =
        new FilterInputStream(new ByteArrayInputStream(payload)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
              read.addAndGet(n);
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
    readAll(transport().execute(request(s.uri("/once")).method("POST", body).build()));
    assertThat(s.take().body()).isEqualTo(payload);
    assertThat(read.get()).isEqualTo(payload.length);
    assertThat(closed.get()).isEqualTo(1);
  }

  @Test
  void binaryBodiesAndEncodedPathsRoundTrip() throws Exception {
    Servers.Http s =
        http()
            .route(
                "/echo",
                ex -> {
                  Servers.Recorded rec = Servers.Http.read(ex);
                  byte[] b = rec.body();
                  ex.getResponseHeaders().add("X-Raw", rec.rawPath() + "?" + rec.rawQuery());
                  ex.sendResponseHeaders(200, b.length);
                  ex.getResponseBody().write(b);
                });
    byte[] payload = pattern(256 * 400);
    HttpRequest req =
        request(s.uri("/echo/a%20b/%E2%9C%93?q=a%26b&empty=&x=%2F"))
            .method("PUT", RequestBody.ofBytes(payload, "application/octet-stream"))
            .build();
    try (HttpResponse r = transport().execute(req)) {
      assertThat(r.headers().first("x-raw")).isEqualTo("/echo/a%20b/%E2%9C%93?q=a%26b&empty=&x=%2F");
      assertThat(r.body().readAllBytes()).isEqualTo(payload);
    }
  }

  @Test
  void aFailingRequestBodyFailsTheCallWithItsException() throws Exception {
    Servers.Http s = http().record("/fail", 200, new byte[0]);
    RequestBody failing =
        new RequestBody() {
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
    Transport t = transport();
    assertThatThrownBy(() -> t.execute(request(s.uri("/fail")).method("POST", failing).build()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("body source broke");
    Throwable async = awaitFailure(t.executeAsync(request(s.uri("/fail")).method("POST", failing).build()));
    assertThat(async).isInstanceOf(IOException.class).hasMessageContaining("body source broke");
  }

  @Test
  void anUncheckedExceptionFromTheBodyBecomesAnIoException() throws Exception {
    Servers.Http s = http().record("/fail", 200, new byte[0]);
    RequestBody buggy =
        new RequestBody() {
          @Override
          public String contentType() {
            return null;
          }

          @Override
          public void writeTo(OutputStream out) {
            throw new IllegalStateException("bug in the body");
          }
        };
    Throwable async = awaitFailure(transport().executeAsync(request(s.uri("/fail")).method("POST", buggy).build()));
    assertThat(async).isInstanceOf(IOException.class);
    assertThat(async.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("bug in the body");
  }

  @Test
  void badHeaderValueIsRejectedWithoutEchoingIt() throws Exception {
    Servers.Http s = http().record("/x", 200, new byte[0]);
    HttpRequest req = request(s.uri("/x")).header("api-key", "sk-test-secret\r\nX-Injected: 1").build();
    assertThatThrownBy(() -> transport().execute(req))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api-key")
        .hasMessageNotContaining("sk-test-secret");
    Throwable async = awaitFailure(transport().executeAsync(req));
    assertThat(async).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonHttpSchemeIsRejected() {
    HttpRequest req = request(URI.create("ftp://127.0.0.1/file")).build();
    assertThatThrownBy(() -> transport().execute(req)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp");
  }

  @Test
  void aUserClientsInterceptorsSeeEveryRequestAndItSurvivesClose() throws Exception {
    Servers.Http s = http().record("/i", 200, utf8("intercepted"));
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
                  return chain.proceed(chain.request().newBuilder().header("X-From-Interceptor", "yes").build());
                })
            .build();
    OkHttpTransport t = track(OkHttpTransport.create(mine, options()));
    assertThat(utf8(readAll(t.execute(request(s.uri("/i")).build())))).isEqualTo("intercepted");
    AsyncHttpResponse r = await(t.executeAsync(request(s.uri("/i")).method("POST", RequestBody.ofBytes(utf8("b"), null)).build()));
    r.discard();
    assertThat(seen).containsExactly("GET /i", "POST /i");
    assertThat(s.take().header("x-from-interceptor")).isEqualTo("yes");
    assertThat(t.okHttpClient().connectionPool()).isSameAs(mine.connectionPool());
    assertThat(t.okHttpClient().dispatcher()).isSameAs(mine.dispatcher());

    t.close();
    assertThatThrownBy(() -> t.execute(request(s.uri("/i")).build())).isInstanceOf(IllegalStateException.class);
    assertThat(awaitFailure(t.executeAsync(request(s.uri("/i")).build()))).isInstanceOf(IllegalStateException.class);
    // The user's own client keeps working after the transport is closed.
    try (okhttp3.Response direct = mine.newCall(new okhttp3.Request.Builder().url(s.uri("/i").toString()).build()).execute()) {
      assertThat(direct.body().string()).isEqualTo("intercepted");
    }
  }

  @Test
  void theTransportsClientPassesOtherCallsThrough() throws Exception {
    Servers.Http s = http().record("/plain", 200, utf8("plain"));
    OkHttpTransport t = transport();
    try (okhttp3.Response r = t.okHttpClient().newCall(new okhttp3.Request.Builder().url(s.uri("/plain").toString()).build()).execute()) {
      assertThat(r.body().string()).isEqualTo("plain");
    }
    // Wrapping the transport's own client again does not stack Conduit's interceptors.
    OkHttpTransport again = track(OkHttpTransport.create(t.okHttpClient(), options()));
    assertThat(again.okHttpClient().interceptors()).hasSize(1);
    assertThat(again.okHttpClient().networkInterceptors()).hasSize(1);
    assertThat(utf8(readAll(again.execute(request(s.uri("/plain")).build())))).isEqualTo("plain");
  }

  @Test
  void concurrentCallsShareOneTransport() throws Exception {
    Servers.Http s =
        http()
            .route(
                "/n",
                ex -> {
                  byte[] b = utf8(ex.getRequestURI().getQuery());
                  ex.sendResponseHeaders(200, b.length);
                  ex.getResponseBody().write(b);
                });
    Transport t = transport();
    List<java.util.concurrent.CompletableFuture<String>> results = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int n = i;
      results.add(
          t.executeAsync(request(s.uri("/n?i=" + n)).build())
              .thenCompose(
                  r -> {
                    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
                    r.body().subscribe(sub);
                    return sub.done.thenApply(v -> utf8(sub.kept.toByteArray()));
                  }));
      results.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return utf8(readAll(t.execute(request(s.uri("/n?i=" + n)).build())));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
    }
    for (int i = 0; i < results.size(); i++) {
      assertThat(await(results.get(i))).isEqualTo("i=" + (i / 2));
    }
  }
}
