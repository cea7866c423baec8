package dev.conduit.json;

import dev.conduit.errors.OpenAIException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link JsonCodec} for malformed JSON, JSON that ends early, or JSON that does not fit
 * the requested type. The message names the JSON path where the codec knows it. When the bytes came
 * from an HTTP response, Conduit rethrows it as an {@link dev.conduit.errors.InvalidResponseException}
 * carrying the status, request id and a snippet of the body.
 */
public class CodecException extends OpenAIException {
  private static final long serialVersionUID = 1L;

  public CodecException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
