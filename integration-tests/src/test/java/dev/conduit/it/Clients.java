package dev.conduit.it;

import dev.conduit.OpenAIClient;
import java.time.Duration;

/** Clients for the tests: discovered transport and codec, fast retries. */
final class Clients {
  static final String KEY = "sk-test-0123456789";

  private Clients() {}

  static OpenAIClient.Builder builder(ScriptedServer server) {
    return OpenAIClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
  }

  static OpenAIClient client(ScriptedServer server) {
    return builder(server).build();
  }
}
