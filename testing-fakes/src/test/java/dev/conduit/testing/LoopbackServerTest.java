package dev.conduit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testing.support.HttpClientHttp;
import dev.conduit.testing.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loopback server on the wire: framing, keep-alive, request bodies, resets, shutdown. */
class LoopbackServerTest {
  private final FakeOpenAI fake = FakeOpenAI.start();

  @AfterEach
  void close() {
    fake.close();
  }

  private Socket connect() throws IOException {
    URI base = URI.create(fake.baseUrl());
    Socket s = new Socket(base.getHost(), base.getPort());
    s.setSoTimeout(5000);
    return s;
  }

  /** Reads one response (status line, headers, body by content-length or chunked) and returns it raw. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("EOF in head: " + head);
      }
      head.write(c);
    }
    String h = head.toString(StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(h);
    int cl = h.indexOf("content-length: ");
    if (cl >= 0) {
      int len = Integer.parseInt(h.substring(cl + 16, h.indexOf("\r\n", cl)));
      out.append(new String(in.readNBytes(len), StandardCharsets.UTF_8));
    } else {
      while (true) {
        String line = line(in);
        out.append(line).append("\r\n");
        int size = Integer.parseInt(line, 16);
        byte[] chunk = in.readNBytes(size + 2);
        out.append(new String(chunk, StandardCharsets.UTF_8));
        if (size == 0) {
          break;
        }
      }
    }
    return out.toString();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        throw new IOException("EOF");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Test
  void keepsConnectionsAliveAndParsesChunkedAndExpectContinueBodies() throws Exception {
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write("GET /v1/models/gpt-4o HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String first = readResponse(in);
      assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").contains("connection: keep-alive\r\n").contains("date: ")
          .contains("\"id\":\"gpt-4o\"");

      String json = "{\"model\":\"text-embedding-3-small\",\"input\":\"chunked\"}";
      out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(10) + "\r\n" + json.substring(0, 10) + "\r\n"
          + Integer.toHexString(json.length() - 10) + ";ext=1\r\n" + json.substring(10) + "\r\n0\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK").contains("\"object\":\"embedding\"");
      assertThat(fake.lastRequest().bodyUtf8()).isEqualTo(json);

      out.write(("POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
          + "Content-Length: " + json.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(line(in)).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(line(in)).isEmpty();
      out.write(json.getBytes(StandardCharsets.US_ASCII));
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK");

      out.write("GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readResponse(in)).contains("connection: close\r\n");
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(fake.journal()).hasSize(4);
  }

  @Test
  void headAnswersCarryNoBody() throws Exception {
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write("HEAD /v1/models HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/models/o3 HTTP/1.1\r\nHost: x\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.read());
      }
      assertThat(head.toString()).startsWith("HTTP/1.1 404 Not Found").contains("content-length: ");
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK").contains("\"id\":\"o3\"");
    }
  }

  @Test
  void streamsAreChunkedOneEventPerChunk() throws Exception {
    try (Socket s = connect()) {
      String json = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi you\"}]}";
      s.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: " + json.length()
          + "\r\n\r\n" + json).getBytes(StandardCharsets.US_ASCII));
      String raw = readResponse(s.getInputStream());
      assertThat(raw).contains("transfer-encoding: chunked\r\n").contains("content-type: text/event-stream; charset=utf-8")
          .doesNotContain("content-length").endsWith("data: [DONE]\n\n\r\n0\r\n\r\n");
      String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
      List<String> sizes = new ArrayList<>();
      for (String l : body.split("\r\n")) {
        if (l.matches("[0-9a-f]+")) {
          sizes.add(l);
        }
      }
      assertThat(sizes).hasSize(1 + 2 + 1 + 1 + 1); // role, 2 deltas, finish, [DONE], terminator
    }
  }

  @Test
  void resetSendsARst() throws Exception {
    fake.injectFault(Fault.resetMidBody());
    try (Socket s = connect()) {
      s.getOutputStream().write("GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      byte[] buf = new byte[65536];
      assertThatThrownBy(() -> {
        while (in.read(buf) >= 0) {
          // read until the reset
        }
      }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
  }

  @Test
  void malformedRequestsGetA400AndAClose() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String raw = readResponse(s.getInputStream());
      assertThat(raw).startsWith("HTTP/1.1 400 Bad Request").contains("\"type\":\"invalid_request_error\"");
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void closingTheFakeEndsStalledExchangesAndFreesThePort() throws Exception {
    fake.injectFault(Fault.stallMidBody());
    Socket s = connect();
    s.getOutputStream().write("GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    InputStream in = s.getInputStream();
    CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() -> {
      try {
        int total = 0;
        for (int n; (n = in.read(new byte[4096])) >= 0; ) {
          total += n;
        }
        return total;
      } catch (IOException e) {
        return -1;
      }
    });
    Thread.sleep(150);
    assertThat(tail).isNotDone();
    int port = URI.create(fake.baseUrl()).getPort();
    fake.close();
    assertThat(tail.get(3, TimeUnit.SECONDS)).isNotZero();
    s.close();
    // Nothing listens on the port any more. (Rebinding it, as this test once did, is racy: between
    // the close and the bind, any outgoing connection on the machine may take the freed port as its
    // ephemeral local port, which failed a CI run with "Address already in use".)
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void servesConcurrentClients() throws Exception {
    try (RawHttp http = new HttpClientHttp(fake.baseUrl())) {
      List<CompletableFuture<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String json = "{\"model\":\"gpt-4o\",\"input\":\"n" + i + "\"}";
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            return http.send("POST", "/v1/responses", json.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json").status();
          } catch (IOException e) {
            return -1;
          }
        }));
      }
      for (CompletableFuture<Integer> c : calls) {
        assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo(200);
      }
    }
    assertThat(fake.journal()).hasSize(24);
  }

  @Test
  void listensOnAChosenPortAndSharesStateWithItsTransport() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (FakeOpenAI fixed = FakeOpenAI.builder().mode(FakeOpenAI.Mode.LOOPBACK).port(port).threads(4).build();
        RawHttp http = new HttpClientHttp(fixed.baseUrl())) {
      assertThat(fixed.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/v1");
      assertThat(fixed.mode()).isEqualTo(FakeOpenAI.Mode.LOOPBACK);
      assertThat(fixed.toString()).contains("loopback").contains(Integer.toString(port));
      RawHttp.Response created = http.send("POST", "/v1/responses",
          "{\"model\":\"gpt-4o\",\"input\":\"shared\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
      String id = dev.conduit.testing.support.Trees.at(dev.conduit.testing.support.Trees.object(created.body()), "id");
      try (var r = fixed.transport().execute(dev.conduit.http.HttpRequest.builder()
          .uri(URI.create(fixed.baseUrl() + "/responses/" + id)).build())) {
        assertThat(r.statusCode()).isEqualTo(200);
      }
      assertThatThrownBy(() -> FakeOpenAI.builder().mode(FakeOpenAI.Mode.LOOPBACK).port(port).build())
          .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining(Integer.toString(port));
    }
  }
}
