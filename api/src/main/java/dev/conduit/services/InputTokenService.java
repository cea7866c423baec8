package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.models.responses.InputTokenCount;
import dev.conduit.models.responses.InputTokenCountParams;

/**
 * The {@code /responses/input_tokens} endpoint: counts the input tokens of a response request
 * without running the model. Obtain with {@code client.responses().inputTokens()}.
 */
public interface InputTokenService {
  /** Returns how many input tokens a response with {@code params} would read. */
  InputTokenCount count(InputTokenCountParams params, RequestOptions options);

  /** Returns how many input tokens a response with {@code params} would read. */
  default InputTokenCount count(InputTokenCountParams params) {
    return count(params, RequestOptions.none());
  }
}
