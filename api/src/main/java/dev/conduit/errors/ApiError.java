package dev.conduit.errors;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The error object an OpenAI-compatible server returns in its body ({@code {"error": {...}}}). Every
 * field may be absent: providers differ in what they fill in.
 */
public final class ApiError {
  private final @Nullable String message;
  private final @Nullable String type;
  private final @Nullable String code;
  private final @Nullable String param;

  public ApiError(@Nullable String message, @Nullable String type, @Nullable String code, @Nullable String param) {
    this.message = message;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  /** Returns the human-readable message, e.g. {@code "Invalid value for 'model'"}. */
  public @Nullable String message() {
    return message;
  }

  /** Returns the error type, e.g. {@code "invalid_request_error"}. */
  public @Nullable String type() {
    return type;
  }

  /** Returns the machine-readable code, e.g. {@code "rate_limit_exceeded"}. */
  public @Nullable String code() {
    return code;
  }

  /** Returns the request parameter at fault, e.g. {@code "model"}. */
  public @Nullable String param() {
    return param;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ApiError)) {
      return false;
    }
    ApiError e = (ApiError) o;
    return Objects.equals(message, e.message) && Objects.equals(type, e.type)
        && Objects.equals(code, e.code) && Objects.equals(param, e.param);
  }

  @Override
  public int hashCode() {
    return Objects.hash(message, type, code, param);
  }

  @Override
  public String toString() {
    return "ApiError{type=" + type + ", code=" + code + ", param=" + param + ", message=" + message + "}";
  }
}
