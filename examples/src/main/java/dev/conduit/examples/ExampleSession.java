package dev.conduit.examples;

import dev.conduit.OpenAIClient;
import dev.conduit.testing.FakeOpenAI;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/**
 * What every example runs against: the real API (or any compatible provider named by
 * {@code OPENAI_BASE_URL}) when {@code OPENAI_API_KEY} is set, else an embedded {@link FakeOpenAI} on
 * loopback. It says which one it uses.
 */
public final class ExampleSession implements AutoCloseable {
  private final OpenAIClient client;
  private final @Nullable FakeOpenAI fake;
  private final String model;
  private final PrintStream out;

  private ExampleSession(OpenAIClient client, @Nullable FakeOpenAI fake, String model, PrintStream out) {
    this.client = client;
    this.fake = fake;
    this.model = model;
    this.out = out;
  }

  /** Opens a session from the environment and prints which backend it uses. */
  public static ExampleSession open() {
    String key = System.getenv("OPENAI_API_KEY");
    String model = System.getenv().getOrDefault("OPENAI_MODEL", "gpt-5-mini");
    if (key == null || key.isBlank()) {
      FakeOpenAI fake = FakeOpenAI.start();
      System.out.println("OPENAI_API_KEY is not set: using an embedded FakeOpenAI at " + fake.baseUrl());
      return new ExampleSession(clientFor(fake), fake, model, System.out);
    }
    OpenAIClient client = OpenAIClient.fromEnv();
    System.out.println("Using the API at " + client.baseUrl() + " with model " + model);
    return new ExampleSession(client, null, model, System.out);
  }

  /** A session over a fake the caller owns (used by the examples' tests). */
  public static ExampleSession over(FakeOpenAI fake, PrintStream out) {
    return new ExampleSession(clientFor(fake), fake, "gpt-5-mini", out);
  }

  private static OpenAIClient clientFor(FakeOpenAI fake) {
    return OpenAIClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
  }

  public OpenAIClient client() {
    return client;
  }

  public String model() {
    return model;
  }

  public PrintStream out() {
    return out;
  }

  /** Returns the embedded fake, or null against a real provider. */
  public @Nullable FakeOpenAI fake() {
    return fake;
  }

  @Override
  public void close() {
    client.close();
    if (fake != null && out == System.out) {
      fake.close();
    }
  }
}
