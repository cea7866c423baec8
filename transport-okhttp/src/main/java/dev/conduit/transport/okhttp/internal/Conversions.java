package dev.conduit.transport.okhttp.internal;

import dev.conduit.http.Headers;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.RequestBody;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/** Translations between Conduit's HTTP types and OkHttp's. */
public final class Conversions {
  /**
   * Header names OkHttp derives itself from the URL, the body and its connection management;
   * values a caller sets would be overridden or corrupt the framing, so they are dropped. {@code
   * Expect: 100-continue} on a request with a body is kept: OkHttp implements it.
   */
  static final Set<String> MANAGED =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "upgrade");

  /** Methods OkHttp refuses without a body; Conduit sends an empty one. */
  private static final Set<String> REQUIRE_BODY = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");

  /** Idempotent methods (RFC 9110 §9.2.2): OkHttp may resend them on a fresh connection. */
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  private static final byte[] EMPTY = new byte[0];

  private Conversions() {}

  /** Returns true if {@code method} is idempotent, so a silent resend cannot duplicate an effect. */
  public static boolean isIdempotent(String method) {
    return IDEMPOTENT.contains(method);
  }

  /**
   * Returns the OkHttp request for {@code request}, tagged with {@code exchange}. The body's media
   * type is the request's {@code Content-Type} header if set, else the body's content type; it is
   * sent once, by OkHttp.
   *
   * @throws IllegalArgumentException if the URI is not http(s), or a header value holds a control
   *     or non-ASCII character (the message names the header, never its value)
   */
  public static Request toOkHttp(HttpRequest request, Exchange exchange) {
    okhttp3.Headers.Builder headers = new okhttp3.Headers.Builder();
    RequestBody body = request.body();
    String contentType = null;
    for (Map.Entry<String, List<String>> e : request.headers().toMap().entrySet()) {
      String name = e.getKey();
      List<String> values = e.getValue();
      if (MANAGED.contains(name)) {
        if (name.equals("expect") && body != null && contains100Continue(values)) {
          headers.add("Expect", "100-continue");
        }
        continue;
      }
      if (name.equals("content-type") && body != null) {
        contentType = values.get(0);
        continue;
      }
      for (String v : values) {
        checkValue(name, v);
        headers.add(name, v);
      }
    }
    okhttp3.RequestBody okBody = null;
    if (body != null) {
      String type = contentType != null ? contentType : body.contentType();
      MediaType mediaType = null;
      if (type != null) {
        checkValue("content-type", type);
        mediaType = MediaType.parse(type);
        if (mediaType == null) {
          headers.add("Content-Type", type); // not parseable: send it verbatim, as a plain header
        }
      }
      okBody = new StreamingRequestBody(body, mediaType, exchange);
    } else if (REQUIRE_BODY.contains(request.method())) {
      okBody = okhttp3.RequestBody.create(EMPTY, contentType == null ? null : MediaType.parse(contentType));
    }
    return new Request.Builder()
        .url(url(request.uri()))
        .headers(headers.build())
        .method(request.method(), okBody)
        .tag(Exchange.class, exchange)
        .build();
  }

  /** Returns OkHttp's response headers as Conduit headers; names it cannot hold are skipped. */
  public static Headers toHeaders(okhttp3.Headers headers) {
    Headers.Builder b = Headers.builder();
    for (int i = 0, n = headers.size(); i < n; i++) {
      try {
        b.add(headers.name(i), headers.value(i));
      } catch (IllegalArgumentException malformedName) {
        // OkHttp reads response headers leniently; Conduit's names are strict. Drop the odd one.
      }
    }
    return b.build();
  }

  static HttpUrl url(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("unsupported URI scheme (expected http or https): " + scheme);
    }
    HttpUrl url = HttpUrl.parse(uri.toString());
    if (url == null) {
      // Name the host only: the URI's user info or query may hold credentials.
      throw new IllegalArgumentException("OkHttp cannot parse the URI of host " + uri.getHost());
    }
    return url;
  }

  private static boolean contains100Continue(List<String> values) {
    for (String v : values) {
      if (v.trim().equalsIgnoreCase("100-continue")) {
        return true;
      }
    }
    return false;
  }

  /** Rejects what OkHttp rejects, without echoing the value (it may be a credential). */
  private static void checkValue(String name, @Nullable String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
        throw new IllegalArgumentException(
            "unexpected char 0x" + Integer.toHexString(c) + " at " + i + " in the value of header " + name);
      }
    }
  }
}
