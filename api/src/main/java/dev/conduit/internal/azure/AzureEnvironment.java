package dev.conduit.internal.azure;

import dev.conduit.OpenAIClient;
import dev.conduit.errors.ConfigurationException;
import dev.conduit.internal.Discovery;
import org.jspecify.annotations.Nullable;

/**
 * Reads Azure OpenAI's usual environment variables into a client builder: {@code AZURE_OPENAI_ENDPOINT}
 * (required), {@code OPENAI_API_VERSION} (the versioned, deployment-based API when set, else the v1
 * surface) and {@code AZURE_OPENAI_API_KEY} (sent as {@code api-key}).
 */
public final class AzureEnvironment {
  static final String ENDPOINT = "AZURE_OPENAI_ENDPOINT";
  static final String API_KEY = "AZURE_OPENAI_API_KEY";
  static final String API_VERSION = "OPENAI_API_VERSION";

  private AzureEnvironment() {}

  /**
   * Configures {@code builder} for Azure from {@code env}.
   *
   * @param keyRequired whether a missing {@code AZURE_OPENAI_API_KEY} is an error (it is not when the
   *     caller will authenticate otherwise, e.g. with a Microsoft Entra token header)
   * @throws ConfigurationException if {@code AZURE_OPENAI_ENDPOINT} is unset or not a URL, or the key
   *     is required and unset
   */
  public static OpenAIClient.Builder apply(OpenAIClient.Builder builder, Discovery.Environment env, boolean keyRequired) {
    String endpoint = value(env, ENDPOINT);
    if (endpoint == null) {
      throw new ConfigurationException("No Azure OpenAI endpoint: set " + ENDPOINT
          + " (e.g. https://my-resource.openai.azure.com), or call azure(endpoint, apiVersion) on the builder");
    }
    String version = value(env, API_VERSION);
    try {
      if (version == null) {
        builder.azure(endpoint);
      } else {
        builder.azure(endpoint, version);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(ENDPOINT + " or " + API_VERSION + " is not usable: " + e.getMessage(), e);
    }
    String key = value(env, API_KEY);
    if (key != null) {
      builder.apiKey(key);
    } else if (keyRequired) {
      throw new ConfigurationException("No Azure OpenAI API key: set " + API_KEY
          + ", or build with OpenAIClient.builder().fromAzureEnv() and authenticate another way");
    }
    return builder;
  }

  private static @Nullable String value(Discovery.Environment env, String name) {
    String v = env.variable(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
