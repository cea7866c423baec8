package dev.conduit.internal.pipeline;

import dev.conduit.errors.ApiError;
import dev.conduit.errors.ApiException;
import dev.conduit.errors.AuthenticationException;
import dev.conduit.errors.BadRequestException;
import dev.conduit.errors.ConflictException;
import dev.conduit.errors.InternalServerException;
import dev.conduit.errors.NotFoundException;
import dev.conduit.errors.PermissionDeniedException;
import dev.conduit.errors.RateLimitException;
import dev.conduit.errors.UnexpectedStatusException;
import dev.conduit.errors.UnprocessableEntityException;
import dev.conduit.http.Headers;
import dev.conduit.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns an error status and its body into the matching {@link ApiException} subclass. */
public final class ErrorMapper {
  /** The most body text kept in an exception. */
  static final int SNIPPET_CHARS = 1000;

  private ErrorMapper() {}

  static ApiException toException(int status, Headers headers, byte[] body, JsonCodec codec) {
    ApiError error = parseError(body, codec);
    String snippet = snippet(body);
    switch (status) {
      case 400:
        return new BadRequestException(status, headers, error, snippet);
      case 401:
        return new AuthenticationException(status, headers, error, snippet);
      case 403:
        return new PermissionDeniedException(status, headers, error, snippet);
      case 404:
        return new NotFoundException(status, headers, error, snippet);
      case 409:
        return new ConflictException(status, headers, error, snippet);
      case 422:
        return new UnprocessableEntityException(status, headers, error, snippet);
      case 429:
        return new RateLimitException(status, headers, error, snippet);
      default:
        return status >= 500 && status < 600
            ? new InternalServerException(status, headers, error, snippet)
            : new UnexpectedStatusException(status, headers, error, snippet);
    }
  }

  /**
   * Parses the error object of a body: {@code {"error": {...}}}, {@code {"error": "text"}} or a bare
   * {@code {"message": ...}}; null if the body is not JSON or holds none of these.
   */
  public static @Nullable ApiError parseError(byte[] body, JsonCodec codec) {
    if (body.length == 0) {
      return null;
    }
    Object tree;
    try {
      tree = codec.readTree(body);
    } catch (RuntimeException notJson) {
      return null;
    }
    return errorFromTree(tree);
  }

  /** Reads an error object out of a decoded body or event; see {@link #parseError}. */
  public static @Nullable ApiError errorFromTree(@Nullable Object tree) {
    if (!(tree instanceof Map)) {
      return null;
    }
    Map<?, ?> map = (Map<?, ?>) tree;
    Object error = map.get("error");
    if (error instanceof Map) {
      return fromObject((Map<?, ?>) error);
    }
    if (error instanceof String) {
      return new ApiError((String) error, null, text(map.get("code")), null);
    }
    if (map.get("message") instanceof String) {
      return fromObject(map);
    }
    return null;
  }

  private static ApiError fromObject(Map<?, ?> m) {
    return new ApiError(text(m.get("message")), text(m.get("type")), text(m.get("code")), text(m.get("param")));
  }

  private static @Nullable String text(@Nullable Object v) {
    return v == null ? null : String.valueOf(v);
  }

  /** Returns the start of a body as text, at most {@value #SNIPPET_CHARS} chars, empty if none. */
  public static String snippet(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    int n = Math.min(body.length, SNIPPET_CHARS * 4);
    String s = new String(body, 0, n, StandardCharsets.UTF_8).strip();
    return s.length() > SNIPPET_CHARS ? s.substring(0, SNIPPET_CHARS) + "…" : s;
  }
}
