package dev.conduit.internal.pipeline;

import dev.conduit.http.Headers;
import dev.conduit.http.RequestBody;
import dev.conduit.models.JsonModel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One logical API call as a resource describes it: method, path relative to the base URL, query,
 * headers and a JSON or raw body. Immutable; the pipeline turns it into one {@link
 * dev.conduit.http.HttpRequest} per attempt.
 */
public final class ApiRequest {
  final String method;
  final String path;
  final Map<String, List<String>> query;
  final Headers headers;
  final @Nullable Map<String, @Nullable Object> jsonBody;
  final @Nullable RequestBody rawBody;
  final boolean stream;

  private ApiRequest(String method, String path, Map<String, List<String>> query, Headers headers,
      @Nullable Map<String, @Nullable Object> jsonBody, @Nullable RequestBody rawBody, boolean stream) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.jsonBody = jsonBody;
    this.rawBody = rawBody;
    this.stream = stream;
  }

  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, Map.of(), Headers.empty(), null, null, false);
  }

  public static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, Map.of(), Headers.empty(), null, null, false);
  }

  /** A POST with a JSON body built from a model (its whole JSON object, unknown fields included). */
  public static ApiRequest post(String path, JsonModel body) {
    return new ApiRequest("POST", path, Map.of(), Headers.empty(), body.toJson(), null, false);
  }

  /** A POST with a JSON object body given as a tree. */
  public static ApiRequest post(String path, Map<String, @Nullable Object> body) {
    return new ApiRequest("POST", path, Map.of(), Headers.empty(), body, null, false);
  }

  /** A POST with a raw body (multipart uploads). */
  public static ApiRequest post(String path, RequestBody body) {
    return new ApiRequest("POST", path, Map.of(), Headers.empty(), null, body, false);
  }

  /** A POST without a body. */
  public static ApiRequest post(String path) {
    return new ApiRequest("POST", path, Map.of(), Headers.empty(), null, null, false);
  }

  /** Returns a copy that sets the query parameters of {@code params}. */
  public ApiRequest query(Map<String, String> params) {
    Map<String, List<String>> q = new LinkedHashMap<>(query);
    params.forEach((k, v) -> q.put(k, List.of(v)));
    return new ApiRequest(method, path, q, headers, jsonBody, rawBody, stream);
  }

  /** Returns a copy that sets the multi-valued query parameters of {@code params} (e.g. {@code include[]}). */
  public ApiRequest queryMulti(Map<String, ? extends List<String>> params) {
    Map<String, List<String>> q = new LinkedHashMap<>(query);
    params.forEach((k, v) -> q.put(k, List.copyOf(v)));
    return new ApiRequest(method, path, q, headers, jsonBody, rawBody, stream);
  }

  /** Returns a copy with query parameter {@code name} set, or unchanged if {@code value} is null. */
  public ApiRequest query(String name, @Nullable Object value) {
    if (value == null) {
      return this;
    }
    Map<String, List<String>> q = new LinkedHashMap<>(query);
    q.put(name, new ArrayList<>(List.of(String.valueOf(value))));
    return new ApiRequest(method, path, q, headers, jsonBody, rawBody, stream);
  }

  /** Returns a copy with header {@code name} set. */
  public ApiRequest header(String name, String value) {
    return new ApiRequest(method, path, query, headers.newBuilder().set(name, value).build(), jsonBody, rawBody, stream);
  }

  /** Returns a copy that asks for a server-sent event stream ({@code Accept: text/event-stream}). */
  public ApiRequest streaming() {
    return new ApiRequest(method, path, query, headers, jsonBody, rawBody, true);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** Percent-encodes one path segment, e.g. a user-supplied id. */
  public static String segment(String value) {
    Objects.requireNonNull(value, "path parameter == null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("path parameter is empty");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
