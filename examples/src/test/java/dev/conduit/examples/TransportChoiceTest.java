package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.OpenAIClient;
import dev.conduit.testing.FakeOpenAI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With jdk, okhttp and netty all on the (test) classpath: a deterministic, logged choice, and each by name. */
class TransportChoiceTest {
  @Test
  void highestPriorityWinsAndTheChoiceIsLogged() throws Exception {
    try (FakeOpenAI fake = FakeOpenAI.start();
        OpenAIClient client = OpenAIClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build()) {
      assertThat(client.toString()).contains("transport=okhttp");
      assertThat(client.models().list().data()).isNotEmpty();
    }
    String log = Files.readString(Path.of("target/examples-test.log"), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("found transport provider 'okhttp' (priority 300", "found transport provider 'netty' (priority 200",
            "found transport provider 'jdk' (priority 100")
        .contains("using transport 'okhttp' (highest priority of okhttp (priority 300), netty (priority 200), jdk (priority 100))");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "okhttp", "netty"})
  void eachCanBeChosenByNameAndServesStreams(String name) {
    try (FakeOpenAI fake = FakeOpenAI.start();
        OpenAIClient client = OpenAIClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).transport(name).build()) {
      assertThat(client.toString()).contains("transport=" + name);
      var params = dev.conduit.models.responses.ResponseCreateParams.builder().model("gpt-5-mini").input("ping").build();
      try (var stream = client.responses().stream(params)) {
        assertThat(stream.finalResponse().outputText()).contains("ping");
      }
      assertThat(client.async().responses().create(params).join().outputText()).contains("ping");
    }
  }
}
