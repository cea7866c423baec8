package dev.conduit.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportProvider;
import dev.conduit.testing.kit.transport.LoopbackServer;
import dev.conduit.testing.kit.transport.Payload;
import dev.conduit.testing.kit.transport.ScriptedServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Behaviour specific to {@link JdkTransport}, beyond the shared transport contract. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JdkTransportTest {
  private LoopbackServer server;

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpRequest.Builder get(java.net.URI uri) {
    return HttpRequest.builder().uri(uri).timeouts(Timeouts.defaults());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void providerIsNamedJdkWithPriority100AndCreatesAJdkTransport() {
    TransportProvider provider = new JdkTransportProvider();
    assertThat(provider.name()).isEqualTo("jdk");
    assertThat(provider.priority()).isEqualTo(100);
    try (Transport t = provider.create(TransportOptions.defaults())) {
      assertThat(t).isInstanceOf(JdkTransport.class);
    }
  }

  @Test
  void providerDoesNotTouchJavaNetHttpBeforeCreate() throws Exception {
    java.net.URL classes = JdkTransportProvider.class.getProtectionDomain().getCodeSource().getLocation();
    java.util.List<String> hidden = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    try (java.net.URLClassLoader loader =
        new java.net.URLClassLoader(new java.net.URL[] {classes}, JdkTransportProvider.class.getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
              if (name.startsWith("java.net.http.")) {
                hidden.add(name);
                throw new ClassNotFoundException(name + " is hidden by this test");
              }
              if (name.startsWith("dev.conduit.transport.jdk.")) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                  c = findClass(name);
                }
                if (resolve) {
                  resolveClass(c);
                }
                return c;
              }
              return super.loadClass(name, resolve);
            }
          }
        }) {
      Class<?> type = loader.loadClass(JdkTransportProvider.class.getName());
      assertThat(type.getClassLoader()).isSameAs(loader);
      TransportProvider provider = (TransportProvider) type.getDeclaredConstructor().newInstance();
      assertThat(provider.name()).isEqualTo("jdk");
      assertThat(provider.priority()).isEqualTo(100);
      assertThat(provider.toString()).contains("jdk");
      assertThat(hidden).isEmpty();
      assertThatThrownBy(() -> provider.create(TransportOptions.defaults())).isInstanceOf(NoClassDefFoundError.class);
      assertThat(hidden).isNotEmpty();
    }
  }

  @Test
  void ownClientIsHttp11WithoutRedirectsWithTheConnectTimeoutAndABoundedExecutor() {
    TransportOptions options = TransportOptions.defaults().withTimeouts(Timeouts.none().withConnect(Duration.ofMillis(1234)));
    try (JdkTransport t = JdkTransport.create(options)) {
      HttpClient c = t.httpClient();
      assertThat(c.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(c.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(c.connectTimeout()).contains(Duration.ofMillis(1234));
      assertThat(c.executor()).isPresent();
    }
  }

  @Test
  void userBuilderKeepsItsSettingsAndGetsTheConnectTimeout() {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(99));
    TransportOptions options = TransportOptions.defaults().withTimeouts(Timeouts.none().withConnect(Duration.ofSeconds(3)));
    try (JdkTransport t = JdkTransport.create(builder, options)) {
      assertThat(t.httpClient().version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(t.httpClient().followRedirects()).isEqualTo(HttpClient.Redirect.NORMAL);
      assertThat(t.httpClient().connectTimeout()).contains(Duration.ofSeconds(3));
    }
  }

  @Test
  void userBuilderWithHttp2WorksAgainstAPlainHttp11Server() throws Exception {
    server.record("/h2", 200, utf8("still fine"));
    try (JdkTransport t = JdkTransport.create(HttpClient.newBuilder().version(HttpClient.Version.HTTP_2), TransportOptions.defaults());
        HttpResponse r = t.execute(get(server.uri("/h2")).build())) {
      assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("still fine");
    }
  }

  @Test
  void callsAfterCloseAreRejected() throws Exception {
    JdkTransport t = JdkTransport.create(TransportOptions.defaults());
    t.close();
    t.close();
    assertThatThrownBy(() -> t.execute(get(server.uri("/x")).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> t.executeAsync(get(server.uri("/x")).build()).get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingTheTransportAbortsExchangesInFlight() throws Exception {
    CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    try (ScriptedServer s =
        ScriptedServer.start(
            c -> {
              if (c.readRequestHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nabc");
                clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
              }
            })) {
      JdkTransport t = JdkTransport.create(TransportOptions.defaults());
      HttpResponse r = t.execute(get(s.uri("/x")).build());
      assertThat(r.body().readNBytes(3)).hasSize(3);
      t.close();
      assertThatThrownBy(() -> r.body().read()).isInstanceOf(IOException.class).hasMessageContaining("closed");
      assertThat(clientClosed.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void interruptingABlockedExecuteAbortsTheExchange() throws Exception {
    CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    CountDownLatch arrived = new CountDownLatch(1);
    try (ScriptedServer s =
            ScriptedServer.start(
                c -> {
                  if (c.readRequestHead() != null) {
                    arrived.countDown();
                    clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
                  }
                });
        JdkTransport t = JdkTransport.create(TransportOptions.defaults())) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  t.execute(get(s.uri("/never")).build()).close();
                } catch (Throwable e) {
                  thrown.set(e);
                }
              });
      caller.start();
      assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
      caller.interrupt();
      caller.join(10_000);
      assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
      assertThat(clientClosed.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void interruptingABlockedReadAbortsTheExchange() throws Exception {
    CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    try (ScriptedServer s =
            ScriptedServer.start(
                c -> {
                  if (c.readRequestHead() != null) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
                    clientClosed.complete(c.awaitClientClose(Duration.ofSeconds(10)));
                  }
                });
        JdkTransport t = JdkTransport.create(TransportOptions.defaults());
        HttpResponse r = t.execute(get(s.uri("/stall")).build())) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  r.body().read();
                } catch (Throwable e) {
                  thrown.set(e);
                }
              });
      reader.start();
      Thread.sleep(100);
      reader.interrupt();
      reader.join(10_000);
      assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
      assertThat(clientClosed.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void expectContinueHeaderUsesTheClientsExpectContinueSupport() throws Exception {
    server.record("/continue", 200, utf8("ok"));
    byte[] payload = utf8("after continue");
    try (JdkTransport t = JdkTransport.create(TransportOptions.defaults());
        HttpResponse r =
            t.execute(
                get(server.uri("/continue"))
                    .method("POST", RequestBody.ofBytes(payload, "text/plain"))
                    .header("Expect", "100-continue")
                    .build())) {
      assertThat(r.statusCode()).isEqualTo(200);
    }
    LoopbackServer.Recorded rec = server.takeRecorded();
    assertThat(rec.header("expect")).isEqualToIgnoringCase("100-continue");
    assertThat(rec.body).isEqualTo(payload);
  }

  /** A server that redirects the first request with a 307 and echoes the second one's body. */
  private void redirectOnce() {
    server.route(
        "/redirect",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().add("Location", "/target");
          ex.sendResponseHeaders(307, -1);
        });
    server.route(
        "/target",
        ex -> {
          byte[] in = ex.getRequestBody().readAllBytes();
          ex.sendResponseHeaders(200, in.length == 0 ? -1 : in.length);
          if (in.length > 0) {
            ex.getResponseBody().write(in);
          }
        });
  }

  @Test
  void smallBodiesAreResentWhenTheUsersClientFollowsA307() throws Exception {
    redirectOnce();
    byte[] payload = utf8("{\"resend\":true}");
    try (JdkTransport t =
            JdkTransport.create(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL), TransportOptions.defaults());
        HttpResponse r = t.execute(get(server.uri("/redirect")).method("POST", RequestBody.ofBytes(payload, "application/json")).build())) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body().readAllBytes()).isEqualTo(payload);
    }
  }

  @Test
  void streamedBodiesAreNeverSentTwice() throws Exception {
    redirectOnce();
    Payload.Counting body = Payload.body(1024 * 1024, 5, false);
    try (JdkTransport t =
        JdkTransport.create(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL), TransportOptions.defaults())) {
      Throwable e = catchThrowable(() -> t.execute(get(server.uri("/redirect")).method("POST", body).build()).close());
      assertThat(e).isInstanceOf(IOException.class);
      assertThat(chain(e)).contains("sent once");
      assertThat(body.writes()).isEqualTo(1);
    }
  }

  @Test
  void bodyShorterThanItsContentLengthFails() {
    RequestBody lying = lengthLiar(10, 5);
    try (JdkTransport t = JdkTransport.create(TransportOptions.defaults())) {
      assertThatThrownBy(() -> t.execute(get(server.uri("/x")).method("POST", lying).build()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("wrote 5 bytes but its contentLength is 10");
    }
  }

  @Test
  void bodyLongerThanItsContentLengthFailsTheAsyncCall() throws Exception {
    RequestBody lying = lengthLiar(100_000, 100_001);
    server.record("/x", 200, new byte[0]);
    try (JdkTransport t = JdkTransport.create(TransportOptions.defaults())) {
      Throwable e = catchThrowable(() -> t.executeAsync(get(server.uri("/x")).method("POST", lying).build()).get(10, TimeUnit.SECONDS));
      assertThat(e).isInstanceOf(ExecutionException.class);
      assertThat(chain(e)).contains("more than its contentLength 100000");
    }
  }

  @Test
  void poolPermitsAreAllReturnedAfterManyExchanges() throws Exception {
    server.record("/p", 200, utf8("p"));
    try (JdkTransport t = JdkTransport.create(TransportOptions.defaults().withMaxConnections(2))) {
      for (int i = 0; i < 50; i++) {
        try (HttpResponse r = t.execute(get(server.uri("/p")).timeouts(Timeouts.defaults().withPool(Duration.ofMillis(500))).build())) {
          r.body().readAllBytes();
        }
        AsyncHttpResponse ar = t.executeAsync(get(server.uri("/p")).timeouts(Timeouts.defaults().withPool(Duration.ofMillis(500))).build()).get(10, TimeUnit.SECONDS);
        ar.discard();
      }
      assertThat(t.toString()).contains("inFlight=0");
    }
  }

  @Test
  void timeoutMessagesDoNotLeakHeaderValues() throws Exception {
    try (ScriptedServer s =
            ScriptedServer.start(
                c -> {
                  if (c.readRequestHead() != null) {
                    c.awaitClientClose(Duration.ofSeconds(10));
                  }
                });
        JdkTransport t = JdkTransport.create(TransportOptions.defaults())) {
      HttpRequest req =
          get(s.uri("/slow?api-key=not-in-messages"))
              .header("Authorization", "Bearer sk-secret-value")
              .header("api-key", "azure-secret-value")
              .timeouts(Timeouts.defaults().withResponse(Duration.ofMillis(200)))
              .build();
      Throwable e = catchThrowable(() -> t.execute(req));
      assertThat(chain(e)).doesNotContain("sk-secret-value").doesNotContain("azure-secret-value").contains("200 ms");
    }
  }

  @Test
  void largeAsyncUploadArrivesWholeThroughOneWriterThread() throws Exception {
    CompletableFuture<Long> received = new CompletableFuture<>();
    server.route(
        "/upload",
        ex -> {
          received.complete(Payload.Digest.of(ex.getRequestBody()).length());
          ex.sendResponseHeaders(204, -1);
        });
    try (JdkTransport t = JdkTransport.create(TransportOptions.defaults())) {
      long size = 8L * 1024 * 1024;
      AsyncHttpResponse r = t.executeAsync(get(server.uri("/upload")).method("PUT", Payload.body(size, 8, false)).build()).get(10, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(204);
      r.discard();
      assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(size);
      long writers = Thread.getAllStackTraces().keySet().stream().filter(th -> th.getName().startsWith("conduit-jdk-body-writer")).count();
      assertThat(writers).isLessThanOrEqualTo(1);
    }
  }

  private static RequestBody lengthLiar(long declared, int actual) {
    return new RequestBody() {
      @Override
      public String contentType() {
        return "application/octet-stream";
      }

      @Override
      public long contentLength() {
        return declared;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(new byte[actual]);
      }
    };
  }

  private static String chain(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append(" | ");
      if (c.getCause() == c) {
        break;
      }
    }
    return sb.toString();
  }
}
