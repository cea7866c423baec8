package dev.conduit.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.testing.kit.transport.TlsCertificates;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP/2 over TLS (negotiated by ALPN), where cancelling resets a stream rather than a connection. */
class OkHttpTransportHttp2Test extends TestSupport {
  static final Duration SHORT = Duration.ofMillis(300);
  MockWebServer server;
  OkHttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    TlsCertificates cert = TlsCertificates.localhost();
    server = track(new MockWebServer());
    server.useHttps(cert.serverContext().getSocketFactory());
    server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
    server.start(InetAddress.getLoopbackAddress(), 0);
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("localhost", cert.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
    OkHttpClient client =
        new OkHttpClient.Builder().sslSocketFactory(TlsCertificates.trusting(cert.certificate()).getSocketFactory(), tm).build();
    transport = track(OkHttpTransport.create(client, options()));
  }

  URI uri(String path) {
    return URI.create("https://127.0.0.1:" + server.getPort() + path);
  }

  @Test
  void requestsAndResponsesTravelOverHttp2() throws Exception {
    server.enqueue(new MockResponse.Builder().body("sync over h2").addHeader("X-Multi", "a").addHeader("X-Multi", "b").build());
    server.enqueue(new MockResponse.Builder().code(201).body("async over h2").build());
    try (HttpResponse r = transport.execute(request(uri("/sync")).build())) {
      assertThat(r.headers().all("x-multi")).containsExactly("a", "b");
      assertThat(utf8(r.body().readAllBytes())).isEqualTo("sync over h2");
    }
    byte[] payload = pattern(300_000);
    AsyncHttpResponse r =
        await(transport.executeAsync(request(uri("/async")).method("POST", RequestBody.ofBytes(payload, "application/octet-stream")).build()));
    assertThat(r.statusCode()).isEqualTo(201);
    Recorder sub = new Recorder(Recorder.Mode.ONE_AT_A_TIME);
    r.body().subscribe(sub);
    assertThat(utf8(sub.awaitBody())).isEqualTo("async over h2");
    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(first.getVersion()).isEqualTo("HTTP/2");
    assertThat(second.getBody().toByteArray()).isEqualTo(payload);
    assertThat(second.getHeaders().values("content-type")).containsExactly("application/octet-stream");
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
  }

  @Test
  void closingMidBodyResetsTheStreamAndKeepsTheConnection() throws Exception {
    server.enqueue(new MockResponse.Builder().body(new okio.Buffer().write(new byte[2 * 1024 * 1024])).build());
    server.enqueue(new MockResponse.Builder().body("next").build());
    try (HttpResponse r = transport.execute(request(uri("/big")).build())) {
      assertThat(r.body().readNBytes(10)).hasSize(10);
    }
    assertThat(utf8(readAll(transport.execute(request(uri("/next")).build())))).isEqualTo("next");
    RecordedRequest big = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest next = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(next.getConnectionIndex()).isEqualTo(big.getConnectionIndex());
    assertThat(next.getExchangeIndex()).isEqualTo(big.getExchangeIndex() + 1);
  }

  @Test
  void concurrentExchangesShareOneConnection() throws Exception {
    List<CompletableFuture<byte[]>> bodies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      server.enqueue(new MockResponse.Builder().body("stream").build());
    }
    for (int i = 0; i < 20; i++) {
      bodies.add(
          transport
              .executeAsync(request(uri("/c" + i)).build())
              .thenCompose(
                  r -> {
                    Recorder sub = new Recorder(Recorder.Mode.UNBOUNDED);
                    r.body().subscribe(sub);
                    return sub.done.thenApply(v -> sub.kept.toByteArray());
                  }));
    }
    for (CompletableFuture<byte[]> b : bodies) {
      assertThat(utf8(await(b))).isEqualTo("stream");
    }
    java.util.Set<Integer> connections = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      connections.add(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex());
    }
    assertThat(connections).hasSize(1);
  }

  @Test
  void responseAndReadTimeoutsFireOnAStream() throws Exception {
    server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("late").build());
    Throwable response =
        awaitFailure(transport.executeAsync(request(uri("/slow")).timeouts(timeouts().with(Timeouts.Kind.RESPONSE, SHORT)).build()));
    assertTimedOut(response, Timeouts.Kind.RESPONSE, SHORT);

    server.enqueue(new MockResponse.Builder().bodyDelay(3, TimeUnit.SECONDS).body("late body").build());
    try (HttpResponse r = transport.execute(request(uri("/stall")).timeouts(timeouts().with(Timeouts.Kind.READ, SHORT)).build())) {
      long start = System.nanoTime();
      Throwable read = null;
      try {
        r.body().readAllBytes();
      } catch (java.io.IOException e) {
        read = e;
      }
      assertTimedOut(read, Timeouts.Kind.READ, SHORT);
      assertElapsedAbout(start, SHORT);
    }
  }
}
