package dev.conduit.it;

import dev.conduit.OpenAIClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The base of tests that talk to a fresh {@link ScriptedServer} through a client of it; both close after each test. */
abstract class LoopbackClientTest {
  ScriptedServer server;
  OpenAIClient client;

  @BeforeEach
  void startServer() throws Exception {
    server = new ScriptedServer();
    client = Clients.client(server);
  }

  @AfterEach
  void stopServer() throws Exception {
    client.close();
    server.close();
  }
}
