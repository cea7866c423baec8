package dev.conduit.testing.kit.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.Timeouts;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * Factories, fixtures and assertions the contract tests share: a loopback server per test, transports
 * closed after each test, requests with generous timeouts unless a test sets its own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class ContractSupport {
  /** Timeouts a test does not exercise are set this high, so they never fire by accident. */
  static final Duration GENEROUS = Duration.ofSeconds(10);
  /** How long tests wait for something that should happen promptly. */
  static final Duration PROMPTLY = Duration.ofSeconds(10);
  /** A header value that must never appear in an exception message. */
  static final String SECRET = "Bearer sk-contract-secret-0123456789";

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  /** A plain HTTP loopback server, started before each test. */
  LoopbackServer server;

  /** Returns a new transport configured with {@code options}. */
  protected abstract Transport newTransport(TransportOptions options);

  /**
   * Returns a new transport configured with {@code options} that uses {@code sslContext} for TLS
   * (its trust managers decide which server certificates are accepted). Hostname verification must
   * stay on. A stack that takes the trust manager separately gets it from {@link
   * TlsCertificates#trustManagerFor(SSLContext)}.
   */
  protected abstract Transport newTransport(TransportOptions options, SSLContext sslContext);

  @BeforeEach
  void startServer() {
    server = track(LoopbackServer.start());
  }

  @AfterEach
  void closeResources() throws Exception {
    while (!resources.isEmpty()) {
      resources.pop().close();
    }
  }

  /** Closes {@code resource} after the test; returns it. */
  <T extends AutoCloseable> T track(T resource) {
    resources.push(resource);
    return resource;
  }

  /** Returns a transport with {@link #options()}, closed after the test. */
  Transport transport() {
    return transport(options());
  }

  /** Returns a transport with {@code options}, closed after the test. */
  Transport transport(TransportOptions options) {
    return track(newTransport(options));
  }

  /** Returns default options with {@link #timeouts()}. */
  static TransportOptions options() {
    return TransportOptions.defaults().withTimeouts(timeouts());
  }

  /** Returns every timeout set to {@link #GENEROUS}. */
  static Timeouts timeouts() {
    return Timeouts.none()
        .withConnect(GENEROUS)
        .withResponse(GENEROUS)
        .withRead(GENEROUS)
        .withWrite(GENEROUS)
        .withPool(GENEROUS);
  }

  /** Returns a GET builder for {@code uri} with {@link #timeouts()} and the secret header. */
  static HttpRequest.Builder request(URI uri) {
    return HttpRequest.builder().uri(uri).timeouts(timeouts()).header("Authorization", SECRET);
  }

  /** Reads the whole body and closes the response. */
  static byte[] readAll(HttpResponse response) throws IOException {
    try (response) {
      return response.body().readAllBytes();
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Waits for {@code future} and returns its value. */
  static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  /** Waits for {@code future} to fail and returns the cause, unwrapped. */
  static Throwable awaitFailure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return unwrap(e);
    }
    throw new AssertionError("expected the future to fail, but it completed normally");
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Asserts that {@code t} is a {@link TransportTimeoutException} of {@code kind} whose message
   * names the kind and the duration, and no header value.
   */
  static void assertTimedOut(Throwable t, Timeouts.Kind kind, Duration timeout) {
    assertThat(t).isInstanceOf(TransportTimeoutException.class);
    TransportTimeoutException e = (TransportTimeoutException) t;
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.getMessage())
        .containsIgnoringCase(kind.label())
        .contains(String.valueOf(timeout.toMillis()))
        .doesNotContain(SECRET)
        .doesNotContain("sk-contract-secret");
  }

  /** Asserts {@code elapsedNanos} is at least about {@code timeout} and well under {@link #PROMPTLY}. */
  static void assertElapsedAbout(long elapsedNanos, Duration timeout) {
    assertThat(Duration.ofNanos(elapsedNanos))
        .isGreaterThanOrEqualTo(timeout.multipliedBy(8).dividedBy(10))
        .isLessThan(timeout.plusSeconds(5));
  }
}
