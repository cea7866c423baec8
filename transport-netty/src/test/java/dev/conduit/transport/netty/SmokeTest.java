package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import org.junit.jupiter.api.Test;

class SmokeTest extends TestBase {
  @Test
  void getAndPost() throws Exception {
    Loopback server = track(Loopback.http());
    server.respond("/hello", 200, utf8("hi"), "X-A", "1");
    server.route("/echo", ex -> {
      byte[] in = ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(200, in.length);
      ex.getResponseBody().write(in);
    });
    NettyTransport t = transport();
    try (HttpResponse r = t.execute(request(server.uri("/hello")).build())) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(utf8(r.body().readAllBytes())).isEqualTo("hi");
    }
    byte[] big = new byte[1_000_000];
    new java.util.Random(1).nextBytes(big);
    try (HttpResponse r = t.execute(request(server.uri("/echo")).method("POST", RequestBody.ofBytes(big, null)).build())) {
      assertThat(r.body().readAllBytes()).isEqualTo(big);
    }
    AsyncHttpResponse a = await(t.executeAsync(request(server.uri("/echo")).method("POST", RequestBody.ofBytes(utf8("abc"), null)).build()));
    assertThat(utf8(collect(a))).isEqualTo("abc");
    System.out.println(t);
  }

  @Test
  void tls() throws Exception {
    long t0 = System.nanoTime();
    Certs certs = Certs.localhost();
    System.out.println("keytool ms " + (System.nanoTime() - t0) / 1_000_000);
    Loopback server = track(Loopback.https(certs.serverContext()));
    server.respond("/hello", 200, utf8("secure"));
    NettyTransport t = track(NettyTransport.builder().options(options()).sslContext(certs.trustingClient()));
    for (int i = 0; i < 3; i++) {
      long t1 = System.nanoTime();
      try (HttpResponse r = t.execute(request(server.uri("/hello")).build())) {
        assertThat(utf8(r.body().readAllBytes())).isEqualTo("secure");
      }
      System.out.println("request ms " + (System.nanoTime() - t1) / 1_000_000);
    }
    long t2 = System.nanoTime();
    t.close();
    System.out.println("close ms " + (System.nanoTime() - t2) / 1_000_000);
  }
}
