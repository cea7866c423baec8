package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.RequestBody;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.URI;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** TLS with a caller's {@code SslContext}, hostname verification, and HTTP proxies. */
class NettyTlsProxyTest extends TestBase {
  Loopback tlsServer(Certs certs) {
    Loopback s = track(Loopback.https(certs.serverContext()));
    s.route(
        "/echo",
        ex -> {
          byte[] in = ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().add("X-Tls", "yes");
          ex.sendResponseHeaders(200, in.length == 0 ? -1 : in.length);
          if (in.length > 0) {
            ex.getResponseBody().write(in);
          }
        });
    return s;
  }

  static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void trustedThroughACustomSslContext() throws Exception {
    Certs certs = Certs.localhost();
    Loopback server = tlsServer(certs);
    NettyTransport t = track(NettyTransport.builder().options(options()).sslContext(certs.trustingClient()));
    byte[] payload = new byte[200_000];
    new java.util.Random(4).nextBytes(payload);
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      try (HttpResponse r = t.execute(request(server.uri(host, "/echo")).method("POST", RequestBody.ofBytes(payload, null)).build())) {
        assertThat(r.headers().first("x-tls")).isEqualTo("yes");
        assertThat(r.body().readAllBytes()).isEqualTo(payload);
      }
    }
    AsyncHttpResponse a = await(t.executeAsync(request(server.uri("/echo")).method("PUT", RequestBody.ofBytes(payload, null)).build()));
    assertThat(collect(a)).isEqualTo(payload);
    assertThat(server.connectionsSeen()).isEqualTo(2); // one per host name, each reused
  }

  @Test
  void wrongHostNameIsRejectedEvenIfTheContextDoesNotVerify() throws Exception {
    Certs wrong = Certs.of("wrong.example", "dns:wrong.example");
    Loopback server = tlsServer(wrong);
    io.netty.handler.ssl.SslContext lax =
        SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(wrong.certificate).endpointIdentificationAlgorithm(null).build();
    NettyTransport t = track(NettyTransport.builder().options(options()).sslContext(lax));
    Throwable e = catchThrowable(() -> t.execute(request(server.uri("/echo")).build()).close());
    assertThat(e).isInstanceOf(IOException.class);
    assertThat(hasCause(e, SSLException.class)).as("SSLException in %s", e).isTrue();
  }

  @Test
  void untrustedCertificateIsRejectedByTheDefaultContext() throws Exception {
    Loopback server = tlsServer(Certs.localhost());
    Throwable e = awaitFailure(transport().executeAsync(request(server.uri("/echo")).build()));
    assertThat(e).isInstanceOf(IOException.class);
    assertThat(hasCause(e, SSLException.class)).isTrue();
  }

  @Test
  void serverContextIsRefused() throws Exception {
    Certs certs = Certs.localhost();
    io.netty.handler.ssl.SslContext server =
        SslContextBuilder.forServer(
                (java.security.PrivateKey) certs.keyStore.getKey("server", "conduit-test".toCharArray()), certs.certificate)
            .sslProvider(SslProvider.JDK)
            .build();
    assertThat(catchThrowable(() -> NettyTransport.builder().sslContext(server))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void httpsThroughAProxyTunnel() throws Exception {
    Certs certs = Certs.localhost();
    Loopback server = tlsServer(certs);
    TinyProxy proxy = track(new TinyProxy(null));
    NettyTransport t =
        track(
            NettyTransport.builder()
                .options(options())
                .sslContext(certs.trustingClient())
                .proxy("127.0.0.1", proxy.port())
                .proxyCredentials("user", "pass"));
    for (int i = 0; i < 3; i++) {
      try (HttpResponse r = t.execute(request(server.uri("localhost", "/echo")).method("POST", RequestBody.ofBytes(utf8("tunnelled"), null)).build())) {
        assertThat(utf8(r.body().readAllBytes())).isEqualTo("tunnelled");
      }
    }
    assertThat(utf8(collect(await(t.executeAsync(request(server.uri("localhost", "/echo")).method("POST", RequestBody.ofBytes(utf8("async"), null)).build()))))).isEqualTo("async");
    assertThat(proxy.connections()).isEqualTo(1);
    String head = proxy.heads.get(0);
    assertThat(head).startsWith("CONNECT localhost:" + server.port() + " HTTP/1.1\r\n");
    assertThat(head).contains("Proxy-Authorization: Basic dXNlcjpwYXNz"); // user:pass
    assertThat(t.toString()).doesNotContain("pass");
  }

  @Test
  void proxyRefusingConnectFailsWithItsStatus() throws Exception {
    TinyProxy proxy = track(new TinyProxy("407 Proxy Authentication Required"));
    NettyTransport t = track(NettyTransport.builder().options(options()).proxy("127.0.0.1", proxy.port()).proxyCredentials("user", "secret-pw"));
    Throwable e = catchThrowable(() -> t.execute(request(URI.create("https://example.invalid/x")).build()));
    assertThat(e).isInstanceOf(IOException.class).hasMessageContaining("407").hasMessageNotContaining("secret-pw");
    assertThat(proxy.heads.get(0)).startsWith("CONNECT example.invalid:443 HTTP/1.1");
  }

  @Test
  void plainHttpThroughAProxyUsesAbsoluteForm() throws Exception {
    TinyProxy proxy = track(new TinyProxy(null));
    NettyTransport t = track(NettyTransport.builder().options(options()).proxy("127.0.0.1", proxy.port()).proxyCredentials("user", "pass"));
    try (HttpResponse r = t.execute(request(URI.create("http://target.invalid:8080/v1/models?x=1")).build())) {
      assertThat(utf8(r.body().readAllBytes())).isEqualTo("GET http://target.invalid:8080/v1/models?x=1 HTTP/1.1");
    }
    assertThat(proxy.heads.get(0)).containsIgnoringCase("Proxy-Authorization: Basic dXNlcjpwYXNz").containsIgnoringCase("Host: target.invalid:8080");
  }
}
