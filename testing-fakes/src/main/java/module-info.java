/**
 * Conduit's test support: a fake OpenAI server that runs in memory or on a loopback port, with a
 * deterministic model, fault injection, a request journal and a JUnit 5 extension.
 */
module dev.conduit.testing {
  requires transitive dev.conduit;
  requires static transitive org.junit.jupiter.api; // optional: only FakeOpenAIExtension needs it

  exports dev.conduit.testing;

  uses dev.conduit.json.JsonCodecProvider;
}
