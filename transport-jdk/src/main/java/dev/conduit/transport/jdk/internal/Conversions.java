package dev.conduit.transport.jdk.internal;

import dev.conduit.http.Headers;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Translations between Conduit's HTTP types and {@code java.net.http}'s. */
public final class Conversions {
  /**
   * Header names the JDK client refuses to let callers set ({@code IllegalArgumentException}); it
   * derives them itself from the URI, the body and its connection management.
   */
  static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private Conversions() {}

  /**
   * Returns the JDK request for {@code request}. Restricted headers are dropped, except that {@code
   * Expect: 100-continue} turns on the JDK's own expect-continue handling. The {@code response}
   * timeout becomes the JDK request timeout.
   *
   * @throws IllegalArgumentException if the JDK rejects the URI, the method or a header value
   */
  public static java.net.http.HttpRequest toJdk(
      HttpRequest request, java.net.http.HttpRequest.@Nullable BodyPublisher body) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri());
    Duration response = request.timeouts().response();
    if (response != null) {
      b.timeout(response);
    }
    for (Map.Entry<String, List<String>> e : request.headers().toMap().entrySet()) {
      String name = e.getKey();
      if (RESTRICTED.contains(name)) {
        if (name.equals("expect") && body != null) {
          for (String v : e.getValue()) {
            if (v.trim().equalsIgnoreCase("100-continue")) {
              b.expectContinue(true);
            }
          }
        }
        continue;
      }
      for (String v : e.getValue()) {
        b.header(name, v);
      }
    }
    if (request.body() != null) {
      String contentType = request.body().contentType();
      if (contentType != null && !request.headers().contains("content-type")) {
        b.header("Content-Type", contentType);
      }
    }
    b.method(
        request.method(), body != null ? body : java.net.http.HttpRequest.BodyPublishers.noBody());
    return b.build();
  }

  /** Returns the JDK's response headers as Conduit headers, without HTTP/2 pseudo-headers. */
  public static Headers toHeaders(HttpHeaders headers) {
    Headers.Builder b = Headers.builder();
    for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
      String name = e.getKey();
      if (name.isEmpty() || name.charAt(0) == ':') {
        continue;
      }
      for (String v : e.getValue()) {
        b.add(name.toLowerCase(Locale.ROOT), v);
      }
    }
    return b.build();
  }

  /**
   * Maps a failure of the JDK's response future to what the SPI promises: Conduit's own recorded
   * failure first (its emulated timeouts, aborts), then the JDK's connect and request timeouts as
   * {@link TransportTimeoutException}s, other {@link IOException}s as they are.
   */
  public static Throwable mapFailure(Throwable t, Exchange exchange, HttpClient client, HttpRequest request) {
    Throwable cause = unwrap(t);
    IOException recorded = exchange.failure();
    if (recorded != null) {
      return recorded;
    }
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof HttpConnectTimeoutException && !connectTimerCouldHaveFired(exchange, client)) {
        // The JDK reports its request timer as a connect timeout when the exchange does not look
        // connected at that instant, which races under load. The client-wide connect timeout cannot
        // have fired yet, so it was the response timer.
        Duration d = request.timeouts().response();
        String after = d == null ? "" : " after " + Timers.format(d);
        return timeout(Timeouts.Kind.RESPONSE, "response timed out" + after + " waiting for response headers", c);
      }
      if (c instanceof HttpConnectTimeoutException) {
        String after = client.connectTimeout().map(Timers::format).map(s -> " after " + s).orElse("");
        return timeout(Timeouts.Kind.CONNECT, "connect timed out" + after, c);
      }
      if (c instanceof HttpTimeoutException) {
        Duration d = request.timeouts().response();
        String after = d == null ? "" : " after " + Timers.format(d);
        return timeout(
            Timeouts.Kind.RESPONSE, "response timed out" + after + " waiting for response headers", c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return cause;
  }

  private static boolean connectTimerCouldHaveFired(Exchange exchange, HttpClient client) {
    Duration connect = client.connectTimeout().orElse(null);
    return connect == null || exchange.elapsed().compareTo(connect) >= 0;
  }

  /** Strips the {@link CompletionException} and {@link ExecutionException} wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static TransportTimeoutException timeout(Timeouts.Kind kind, String message, Throwable cause) {
    TransportTimeoutException e = new TransportTimeoutException(kind, message);
    e.initCause(cause);
    return e;
  }
}
