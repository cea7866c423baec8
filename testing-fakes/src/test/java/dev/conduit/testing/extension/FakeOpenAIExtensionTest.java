package dev.conduit.testing.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.OpenAIClientAsync;
import dev.conduit.errors.InternalServerException;
import dev.conduit.http.HttpRequest;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.services.ResponseStream;
import dev.conduit.testing.FakeOpenAI;
import dev.conduit.testing.FakeOpenAIExtension;
import dev.conduit.testing.FakeReply;
import dev.conduit.testing.Fault;
import dev.conduit.testing.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension configured by annotations: injection, scopes, modes and retries with the real client. */
@ExtendWith(FakeOpenAIExtension.class)
class FakeOpenAIExtensionTest {
  private static final List<FakeOpenAI> SEEN = new ArrayList<>();
  private FakeOpenAI fromBeforeEach;

  private static ResponseCreateParams hello(String input) {
    return ResponseCreateParams.builder().model("gpt-4o").input(input).build();
  }

  @BeforeEach
  void remember(FakeOpenAI fake) {
    fromBeforeEach = fake;
    SEEN.add(fake);
  }

  @AfterAll
  static void everyTestFakeWasClosed() {
    assertThat(SEEN).isNotEmpty();
    for (FakeOpenAI fake : SEEN) {
      assertThatThrownBy(() -> fake.transport().execute(HttpRequest.builder()
          .uri(URI.create("http://x/v1/models")).build())).isInstanceOf(IOException.class);
    }
  }

  @Test
  void injectsOneFakeAndClientsConfiguredForIt(FakeOpenAI fake, OpenAIClient client, OpenAIClientAsync async)
      throws Exception {
    assertThat(fake).isSameAs(fromBeforeEach);
    assertThat(fake.mode()).isEqualTo(FakeOpenAI.Mode.IN_MEMORY);
    fake.reply(FakeReply.text("scripted"));
    Response r = client.responses().create(hello("hi"));
    assertThat(r.outputText()).isEqualTo("scripted");
    assertThat(async.responses().create(hello("async hi")).get(5, TimeUnit.SECONDS).outputText()).isEqualTo("async hi");
    RecordedRequest last = fake.lastRequest();
    assertThat(last.header("authorization")).isEqualTo("Bearer " + fake.apiKey());
    assertThat(last.bodyJson()).containsEntry("model", "gpt-4o").containsEntry("input", "async hi");
    try (ResponseStream s = client.responses().stream(hello("stream me please"))) {
      assertThat(s.textDeltas().collect(Collectors.joining())).isEqualTo("stream me please");
    }
  }

  @Test
  void retriesFollowTheFakesFaults(FakeOpenAI fake, OpenAIClient client) {
    fake.injectFault(Fault.status(429, "retry-after-ms", "1"));
    assertThat(client.responses().create(hello("after a retry")).outputText()).isEqualTo("after a retry");
    assertThat(fake.journal()).extracting(RecordedRequest::attempt).containsExactly(1, 2);
    assertThat(fake.journal().get(0).idempotencyKey()).isNotNull().isEqualTo(fake.journal().get(1).idempotencyKey());
  }

  @Test
  @FakeOpenAIExtension.Config(maxRetries = 0)
  void methodConfigTurnsRetriesOff(FakeOpenAI fake, OpenAIClient client) {
    fake.injectFault(Fault.status(500));
    assertThatThrownBy(() -> client.responses().create(hello("x"))).isInstanceOf(InternalServerException.class);
    assertThat(fake.journal()).hasSize(1);
  }

  @Nested
  @FakeOpenAIExtension.Config(mode = FakeOpenAI.Mode.LOOPBACK)
  class OnLoopback {
    @Test
    void clientUsesTheDiscoveredTransportOverTheNetwork(FakeOpenAI fake, OpenAIClient client) {
      assertThat(fake.mode()).isEqualTo(FakeOpenAI.Mode.LOOPBACK);
      assertThat(fake.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(client.models().retrieve("gpt-4o-mini").ownedBy()).isEqualTo("system");
      assertThat(fake.lastRequest().header("host")).startsWith("127.0.0.1:");
    }
  }
}
