package dev.conduit.internal.pipeline;

import dev.conduit.http.Headers;
import dev.conduit.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conduit's HTTP logging (logger {@code dev.conduit.http}): DEBUG one line per attempt and per
 * response; TRACE adds headers and bodies. Secrets are masked: credential headers, JSON fields with
 * secret-sounding names, and the API key itself wherever it appears.
 */
final class HttpLog {
  static final Logger log = LoggerFactory.getLogger("dev.conduit.http");
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "api-key", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "openai-api-key", "webhook-secret");
  private static final Pattern SECRET_JSON_FIELD = Pattern.compile(
      "(\"[^\"]*(?:api[_-]?key|secret|password|token|authorization)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
      Pattern.CASE_INSENSITIVE);
  private static final int MAX_BODY_LOG = 16 * 1024;

  private final @Nullable String apiKey;

  HttpLog(@Nullable String apiKey) {
    this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
  }

  void request(HttpRequest request, int attempt, @Nullable byte[] body) {
    if (log.isDebugEnabled()) {
      log.debug("--> {} {} (attempt {})", request.method(), scrub(request.uri().toString()), attempt);
    }
    if (log.isTraceEnabled()) {
      log.trace("--> headers {}", headers(request.headers()));
      if (body != null) {
        log.trace("--> body {}", body(body));
      }
    }
  }

  void response(HttpRequest request, int status, Headers headers, int attempt, long startNanos) {
    if (log.isDebugEnabled()) {
      log.debug("<-- {} {} {} (request id {}, attempt {}, {} ms)", status, request.method(), scrub(request.uri().getPath()),
          headers.first("x-request-id"), attempt, (System.nanoTime() - startNanos) / 1_000_000);
    }
    if (log.isTraceEnabled()) {
      log.trace("<-- headers {}", headers(headers));
    }
  }

  void responseBody(byte[] body) {
    if (log.isTraceEnabled()) {
      log.trace("<-- body {}", body(body));
    }
  }

  void failure(HttpRequest request, Throwable failure, int attempt, long startNanos) {
    if (log.isDebugEnabled()) {
      log.debug("<-- FAILED {} {} (attempt {}, {} ms): {}", request.method(), scrub(request.uri().getPath()), attempt,
          (System.nanoTime() - startNanos) / 1_000_000, scrub(String.valueOf(failure)));
    }
  }

  void retry(HttpRequest request, int attempt, long delayMillis, String reason) {
    if (log.isDebugEnabled()) {
      log.debug("retrying {} {} in {} ms after {} (attempt {} failed)", request.method(), scrub(request.uri().getPath()),
          delayMillis, scrub(reason), attempt);
    }
  }

  String headers(Headers headers) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, List<String>> e : headers.toMap().entrySet()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append('=');
      sb.append(SECRET_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)) ? "***" : scrub(String.join(",", e.getValue())));
    }
    return sb.append('}').toString();
  }

  String body(byte[] body) {
    int n = Math.min(body.length, MAX_BODY_LOG);
    String text = new String(body, 0, n, StandardCharsets.UTF_8);
    Matcher m = SECRET_JSON_FIELD.matcher(text);
    text = m.replaceAll("$1\"***\"");
    text = scrub(text);
    return body.length > n ? text + "… (" + body.length + " bytes)" : text;
  }

  /** Returns {@code body} with every occurrence of the API key replaced, for error bodies a server echoed it in. */
  byte[] scrub(byte[] body) {
    if (apiKey == null || body.length < apiKey.length()) {
      return body;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return text.contains(apiKey) ? text.replace(apiKey, "***").getBytes(StandardCharsets.UTF_8) : body;
  }

  /** Removes the API key from any text that is about to be logged. */
  String scrub(String text) {
    return apiKey == null ? text : text.replace(apiKey, "***");
  }
}
