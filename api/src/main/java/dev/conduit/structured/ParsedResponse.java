package dev.conduit.structured;

import dev.conduit.models.responses.Response;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Responses API answer to a structured-output request: the decoded value, or the model's refusal.
 *
 * <pre>{@code
 * ParsedResponse<Recipe> r = client.responses().parse(params, Recipe.class);
 * if (r.refusal() != null) { ... } else { Recipe recipe = r.output(); }
 * }</pre>
 *
 * @param <T> the type the output was decoded as
 */
public final class ParsedResponse<T> {
  private final Response response;
  private final @Nullable T output;
  private final @Nullable String refusal;

  public ParsedResponse(Response response, @Nullable T output, @Nullable String refusal) {
    this.response = Objects.requireNonNull(response, "response == null");
    this.output = output;
    this.refusal = refusal;
  }

  /** Returns the whole response. */
  public Response response() {
    return response;
  }

  /** Returns the decoded output, or null if the model refused (see {@link #refusal()}). */
  public @Nullable T output() {
    return output;
  }

  /** Returns the model's refusal message, or null if it answered. */
  public @Nullable String refusal() {
    return refusal;
  }

  /** Returns true if the model refused instead of answering. */
  public boolean isRefusal() {
    return refusal != null;
  }

  @Override
  public String toString() {
    return refusal != null ? "ParsedResponse{refusal=" + refusal + "}" : "ParsedResponse{output=" + output + "}";
  }
}
