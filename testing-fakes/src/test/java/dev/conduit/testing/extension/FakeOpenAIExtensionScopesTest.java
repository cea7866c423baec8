package dev.conduit.testing.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.errors.InternalServerException;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.testing.FakeOpenAI;
import dev.conduit.testing.FakeOpenAIExtension;
import dev.conduit.testing.FakeReply;
import dev.conduit.testing.Fault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registered, field-configured extension, and a fake shared by a class through {@code @BeforeAll}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FakeOpenAIExtension.Config(mode = FakeOpenAI.Mode.IN_MEMORY, maxRetries = 5)
class FakeOpenAIExtensionScopesTest {
  @RegisterExtension
  static final FakeOpenAIExtension FAKE = FakeOpenAIExtension.loopback().withMaxRetries(0);

  private static FakeOpenAI shared;

  @BeforeAll
  static void script(FakeOpenAI fake) {
    shared = fake;
    fake.replyWhen(r -> true, FakeReply.text("from @BeforeAll"));
  }

  @Test
  @Order(1)
  void theFieldConfigurationWinsOverAnnotations(FakeOpenAI fake, OpenAIClient client) {
    assertThat(fake).isSameAs(shared);
    assertThat(fake.mode()).isEqualTo(FakeOpenAI.Mode.LOOPBACK);
    fake.injectFault(Fault.status(503));
    assertThatThrownBy(() -> client.responses().create(ResponseCreateParams.builder().model("gpt-4o").input("x").build()))
        .isInstanceOf(InternalServerException.class);
    assertThat(fake.journal()).hasSize(1);
  }

  @Test
  @Order(2)
  void theClassScopedFakeIsSharedAndKeepsItsScript(FakeOpenAI fake, OpenAIClient client) {
    assertThat(fake).isSameAs(shared);
    assertThat(fake.journal()).hasSize(1);
    assertThat(client.responses().create(ResponseCreateParams.builder().model("gpt-4o").input("x").build()).outputText())
        .isEqualTo("from @BeforeAll");
  }

  @Test
  void withMaxRetriesRejectsNegatives() {
    assertThatThrownBy(() -> FakeOpenAIExtension.inMemory().withMaxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
