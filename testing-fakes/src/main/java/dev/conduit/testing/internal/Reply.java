package dev.conduit.testing.internal;

import dev.conduit.http.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a route answers, before any fault is applied: status, headers and the body as parts. A
 * streamed reply has one part per server-sent event and is sent chunked, one flush per event.
 */
public final class Reply {
  public static final String JSON = "application/json";
  public static final String SSE = "text/event-stream; charset=utf-8";

  private final int status;
  private final Headers headers;
  private final List<byte[]> parts;
  private final boolean stream;

  public Reply(int status, Headers headers, List<byte[]> parts, boolean stream) {
    this.status = status;
    this.headers = headers;
    this.parts = List.copyOf(parts);
    this.stream = stream;
  }

  public static Reply json(int status, byte[] body) {
    return new Reply(status, Headers.of("content-type", JSON), List.of(body), false);
  }

  public static Reply sse(List<byte[]> events) {
    return new Reply(200, Headers.of("content-type", SSE, "cache-control", "no-cache"), events, true);
  }

  public static Reply bytes(int status, String contentType, byte[] body) {
    return new Reply(status, Headers.of("content-type", contentType), List.of(body), false);
  }

  public static Reply text(int status, String contentType, String body) {
    return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public int status() {
    return status;
  }

  public Headers headers() {
    return headers;
  }

  public List<byte[]> parts() {
    return parts;
  }

  public boolean stream() {
    return stream;
  }

  /** Returns a copy with {@code extra} headers added. */
  public Reply withHeaders(Headers extra) {
    return new Reply(status, headers.newBuilder().addAll(extra).build(), parts, stream);
  }

  /** Returns the body parts joined. */
  public byte[] body() {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
