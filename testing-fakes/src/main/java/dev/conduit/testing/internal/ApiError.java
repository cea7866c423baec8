package dev.conduit.testing.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An error the fake answers with, in the real API's shape {@code {"error":{message,type,param,code}}}. */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final @Nullable String param;
  private final @Nullable String code;

  public ApiError(int status, String message, String type, @Nullable String param, @Nullable String code) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
  }

  /** A 400 {@code invalid_request_error}. */
  public static ApiError invalid(String message, @Nullable String param, @Nullable String code) {
    return new ApiError(400, message, "invalid_request_error", param, code);
  }

  /** A 404 {@code invalid_request_error}. */
  public static ApiError notFound(String message, @Nullable String param, @Nullable String code) {
    return new ApiError(404, message, "invalid_request_error", param, code);
  }

  /** A 400 for a parameter of the wrong JSON type. */
  public static ApiError invalidType(String param, String expected, @Nullable Object got) {
    return invalid("Invalid type for '" + param + "': expected " + expected + ", but got " + Json.typeName(got) + " instead.",
        param, "invalid_type");
  }

  /** A 400 for a required parameter that is absent. */
  public static ApiError missing(String param) {
    return invalid("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
  }

  /** A 400 for a value outside the accepted set. */
  public static ApiError invalidValue(String param, @Nullable Object value, String detail) {
    return invalid("Invalid value: '" + value + "'. " + detail, param, "invalid_value");
  }

  public int status() {
    return status;
  }

  /** Returns the body {@code {"error":{...}}}. */
  public Map<String, @Nullable Object> body() {
    return Json.obj("error", Json.obj("message", getMessage(), "type", type, "param", param, "code", code));
  }

  /** Returns the realistic error body the real API sends with {@code status} when nothing more specific applies. */
  public static Map<String, @Nullable Object> defaultBody(int status) {
    switch (status) {
      case 400:
        return invalid("Invalid request.", null, null).body();
      case 401:
        return new ApiError(401, "Incorrect API key provided: sk-fake***. You can find your API key at "
            + "https://platform.openai.com/account/api-keys.", "invalid_request_error", null, "invalid_api_key").body();
      case 403:
        return new ApiError(403, "You are not allowed to sample from this model", "invalid_request_error", null, null).body();
      case 404:
        return notFound("The requested resource was not found.", null, null).body();
      case 409:
        return new ApiError(409, "The operation conflicts with the current state of the resource.", "invalid_request_error",
            null, "conflict").body();
      case 422:
        return new ApiError(422, "The request could not be processed.", "invalid_request_error", null, null).body();
      case 429:
        return new ApiError(429, "Rate limit reached for requests. Limit: 500, Used: 500, Requested: 1. Please try again in "
            + "120ms. Visit https://platform.openai.com/account/rate-limits to learn more.", "requests", null,
            "rate_limit_exceeded").body();
      case 503:
        return new ApiError(503, "The engine is currently overloaded, please try again later.", "server_error", null, null)
            .body();
      default:
        if (status >= 500) {
          return new ApiError(status, "The server had an error while processing your request. Sorry about that!",
              "server_error", null, null).body();
        }
        return new ApiError(status, "The request failed with status " + status + ".", "invalid_request_error", null, null)
            .body();
    }
  }
}
