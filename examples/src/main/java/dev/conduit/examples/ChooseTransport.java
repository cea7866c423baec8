package dev.conduit.examples;

import dev.conduit.OpenAIClient;

/**
 * Choosing a transport: by default the highest-priority transport on the classpath; by name from the
 * builder, {@code -Dconduit.transport} or {@code CONDUIT_TRANSPORT}; or as an instance you configured.
 */
public final class ChooseTransport {
  private ChooseTransport() {}

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    session.out().println("discovered: " + session.client());

    // Explicit choices share nothing with the session's client: each builds its own pool.
    String baseUrl = session.client().baseUrl().toString();
    String key = session.fake() != null ? session.fake().apiKey() : System.getenv("OPENAI_API_KEY");
    try (OpenAIClient jdk = OpenAIClient.builder().baseUrl(baseUrl).apiKey(key).transport("jdk").jsonCodec("moshi").build()) {
      session.out().println("by name: " + jdk);
      session.out().println("models reachable: " + jdk.models().list().data().size());
    }
    java.net.http.HttpClient.Builder custom = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2);
    try (dev.conduit.transport.jdk.JdkTransport transport = dev.conduit.transport.jdk.JdkTransport.create(custom,
            dev.conduit.http.TransportOptions.defaults());
        OpenAIClient own = OpenAIClient.builder().baseUrl(baseUrl).apiKey(key).transport(transport).build()) {
      session.out().println("own HttpClient.Builder (HTTP/2 preferred): " + own.models().list().data().size() + " models");
    }
  }
}
