package dev.conduit.transport.okhttp.internal;

import dev.conduit.http.Timeouts;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The two interceptors Conduit adds to every client it sends through. Both act only on requests
 * tagged with an {@link Exchange}; anything else passes through untouched.
 */
public final class Interceptors {
  private Interceptors() {}

  /**
   * The last application interceptor: applies the request's connect, read and write timeouts and
   * its retry policy to this call through OkHttp's chain (so no client is derived per call), and
   * starts the connect clock.
   *
   * <p>OkHttp's read timeout also bounds the wait for response headers, so the chain gets the
   * larger of {@code read} and {@code response}; the body's own source gets {@code read} once the
   * headers are in (see {@link #NETWORK}).
   */
  public static final Interceptor APPLICATION =
      chain -> {
        Exchange exchange = chain.request().tag(Exchange.class);
        if (exchange == null) {
          return chain.proceed(chain.request());
        }
        Timeouts t = exchange.timeouts();
        Interceptor.Chain c =
            chain
                .withConnectTimeout(Timers.millis(t.connect()), TimeUnit.MILLISECONDS)
                .withReadTimeout(Timers.millis(headerWait(t)), TimeUnit.MILLISECONDS)
                .withWriteTimeout(Timers.millis(t.write()), TimeUnit.MILLISECONDS)
                .withRetryOnConnectionFailure(exchange.retryOnConnectionFailure());
        exchange.enterApplication();
        try {
          Response response = c.proceed(c.request());
          exchange.exitApplication(null);
          return response;
        } catch (IOException e) {
          exchange.exitApplication(e);
          throw e;
        } catch (RuntimeException | Error e) {
          exchange.exitApplication(new IOException(e));
          throw e;
        }
      };

  /**
   * The last network interceptor: marks the connection as ready (stopping the connect clock),
   * starts the response clock once the request is sent, and when the headers arrive sets the body
   * source's timeout to the request's {@code read} timeout.
   */
  public static final Interceptor NETWORK =
      chain -> {
        Request request = chain.request();
        Exchange exchange = request.tag(Exchange.class);
        if (exchange == null) {
          return chain.proceed(request);
        }
        boolean hasBody = request.body() != null;
        exchange.enterNetwork(!hasBody || "100-continue".equalsIgnoreCase(request.header("Expect")));
        Response response;
        try {
          response = chain.proceed(request);
        } catch (IOException e) {
          exchange.exitNetwork(e);
          throw e;
        } catch (RuntimeException | Error e) {
          exchange.exitNetwork(null);
          throw e;
        }
        exchange.exitNetwork(null);
        Duration read = exchange.timeouts().read();
        if (Timers.millis(read) != chain.readTimeoutMillis()) {
          response.body().source().timeout().timeout(Timers.millis(read), TimeUnit.MILLISECONDS);
        }
        return response;
      };

  /** Returns how long OkHttp may wait for a read while headers are due: null for no limit. */
  private static @Nullable Duration headerWait(Timeouts t) {
    Duration read = t.read();
    Duration response = t.response();
    if (read == null || response == null) {
      return null; // the unbounded one decides; the response clock still guards the headers
    }
    return read.compareTo(response) >= 0 ? read : response;
  }
}
