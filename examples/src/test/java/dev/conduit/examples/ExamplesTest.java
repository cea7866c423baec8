package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.FakeOpenAI;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every example runs end to end against the embedded fake, and prints what it should. */
class ExamplesTest {
  private FakeOpenAI fake;
  private ByteArrayOutputStream bytes;
  private ExampleSession session;

  @BeforeEach
  void setUp() {
    fake = FakeOpenAI.start();
    bytes = new ByteArrayOutputStream();
    session = ExampleSession.over(fake, new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void tearDown() {
    session.close();
    fake.close();
  }

  private String run(Consumer<ExampleSession> example) {
    example.accept(session);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quickstartStreamsAnAnswer() {
    String out = run(Quickstart::run);
    assertThat(out).contains("small libraries").containsPattern("\\[\\d+ tokens]");
    assertThat(fake.lastRequest().bodyUtf8()).contains("\"stream\":true");
  }

  @Test
  void streaming() {
    assertThat(run(Streaming::run)).contains("response.created", "response.output_text.delta", "response.completed",
        "final text:", "chunks; final message:");
  }

  @Test
  void async() {
    String out = run(AsyncExample::run);
    assertThat(out.lines().filter(l -> l.startsWith("answer: "))).hasSize(3);
  }

  @Test
  void structuredOutput() {
    assertThat(run(StructuredOutput::run)).containsPattern(".+ \\(\\d+ min\\), \\d+ ingredients, \\d+ steps");
  }

  @Test
  void functionTools() {
    assertThat(run(FunctionTools::run)).contains("model called get_weather for ").contains("answer: ");
  }

  @Test
  void pagination() {
    String out = run(Pagination::run);
    assertThat(out).contains("first page: 2 files, more: true", "5 files in all");
  }

  @Test
  void errorHandling() {
    assertThat(run(ErrorHandling::run)).contains("after retries: ", "not found: status 404", "rate limited, not retried",
        "timed out: the response timeout fired");
  }

  @Test
  void fileUpload() {
    assertThat(run(FileUpload::run)).contains("uploaded file-", "purpose batch", "content: {\"custom_id\"", "deleted: true");
  }

  @Test
  void kotlinCoroutines() {
    assertThat(run(KotlinCoroutines::run)).contains("answer: ", "in parallel: ", "model: ");
  }

  @Test
  void chooseTransport() {
    assertThat(run(ChooseTransport::run)).contains("transport=jdk", "by name:", "models reachable:", "own HttpClient.Builder");
  }
}
