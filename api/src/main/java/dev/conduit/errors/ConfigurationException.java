package dev.conduit.errors;

import org.jspecify.annotations.Nullable;

/**
 * The client cannot be built as configured: no transport or codec on the classpath, an unknown name,
 * a missing API key or base URL. The message says what was found and what to add.
 */
public class ConfigurationException extends OpenAIException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
