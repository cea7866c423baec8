package dev.conduit.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable HTTP request as a {@link Transport} receives it: method, absolute URI, headers, an
 * optional body and the timeouts to apply to this exchange.
 *
 * <p>The {@linkplain #timeouts() timeouts} are already resolved (client defaults with per-call
 * overrides applied); a transport honours {@code connect}, {@code response}, {@code read},
 * {@code write} and {@code pool}, and may ignore {@code call}, which Conduit enforces itself.
 */
public final class HttpRequest {
  private final String method;
  private final URI uri;
  private final Headers headers;
  private final @Nullable RequestBody body;
  private final Timeouts timeouts;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.uri = Objects.requireNonNull(b.uri, "uri == null");
    this.headers = b.headers.build();
    this.body = b.body;
    this.timeouts = b.timeouts;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this request. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.method = method;
    b.uri = uri;
    b.headers = headers.newBuilder();
    b.body = body;
    b.timeouts = timeouts;
    return b;
  }

  /** Returns the upper-case method, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  public Headers headers() {
    return headers;
  }

  /** Returns the body, or null for a request without one. */
  public @Nullable RequestBody body() {
    return body;
  }

  public Timeouts timeouts() {
    return timeouts;
  }

  /** Returns method and URI only; headers and body may hold secrets and are never printed. */
  @Override
  public String toString() {
    return method + " " + uri;
  }

  /** A mutable builder of {@link HttpRequest}. */
  public static final class Builder {
    private String method = "GET";
    private @Nullable URI uri;
    private Headers.Builder headers = Headers.builder();
    private @Nullable RequestBody body;
    private Timeouts timeouts = Timeouts.defaults();

    private Builder() {}

    public Builder method(String method, @Nullable RequestBody body) {
      Objects.requireNonNull(method, "method == null");
      String m = method.toUpperCase(Locale.ROOT);
      if (body != null && (m.equals("GET") || m.equals("HEAD"))) {
        throw new IllegalArgumentException("method " + m + " must not have a request body");
      }
      this.method = m;
      this.body = body;
      return this;
    }

    public Builder uri(URI uri) {
      Objects.requireNonNull(uri, "uri == null");
      if (!uri.isAbsolute()) {
        throw new IllegalArgumentException("uri is not absolute: " + uri);
      }
      this.uri = uri;
      return this;
    }

    public Builder header(String name, String value) {
      headers.set(name, value);
      return this;
    }

    public Builder addHeader(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Builder removeHeader(String name) {
      headers.remove(name);
      return this;
    }

    public Builder headers(Headers headers) {
      this.headers = headers.newBuilder();
      return this;
    }

    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts == null");
      return this;
    }

    /** @throws IllegalStateException if no URI was set */
    public HttpRequest build() {
      if (uri == null) {
        throw new IllegalStateException("uri == null");
      }
      return new HttpRequest(this);
    }
  }
}
