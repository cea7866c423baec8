package dev.conduit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.ConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import dev.conduit.testing.support.Trees;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Argument checks and small contracts of the public types. */
class PublicApiTest {
  @Test
  void faultsValidateTheirArguments() {
    assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
    assertThatThrownBy(() -> Fault.status(429, "retry-after")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.htmlError(600)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.slowDrip(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.delay(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Fault.delay(Duration.ZERO).withBody("x")).isInstanceOf(IllegalStateException.class);
    assertThat(Fault.status(429, "retry-after-ms", "5").withDelay(Duration.ofMillis(7)).toString())
        .isEqualTo("Fault{status, status=429, headers=[retry-after-ms, 5], delay=PT0.007S}");
    assertThat(Fault.slowDrip(8, Duration.ofMillis(2)).toString()).contains("8 bytes every PT0.002S");
  }

  @Test
  void repliesValidateAndCompose() {
    assertThatThrownBy(() -> FakeReply.text(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeReply.toolCall("f", null)).isInstanceOf(NullPointerException.class);
    FakeReply r = FakeReply.reasoning("r").plus(FakeReply.text("t")).plus(FakeReply.toolCall("f", "{}"));
    assertThat(r.parts()).hasSize(3);
    assertThat(r.toString()).contains("Reasoning[text=r]").contains("ToolCall[name=f, arguments={}]");
  }

  @Test
  void fakeValidatesItsArguments() {
    try (FakeOpenAI fake = FakeOpenAI.inMemory()) {
      assertThatThrownBy(() -> fake.injectFault(Fault.delay(Duration.ZERO), 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fake.injectFault("/v1/x", Fault.delay(Duration.ZERO), 0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fake.injectFault("v1/x", Fault.delay(Duration.ZERO)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fake.reply((FakeReply) null)).isInstanceOf(NullPointerException.class);
      assertThat(fake.apiKey()).startsWith("sk-");
      assertThat(fake.toString()).isEqualTo("FakeOpenAI{in_memory, http://fake-openai.invalid/v1}");
    }
    assertThatThrownBy(() -> FakeOpenAI.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeOpenAI.builder().threads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeOpenAI.builder().apiKey(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void handedInCodecAndClockAreUsed() throws Exception {
    Clock fixed = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    try (FakeOpenAI fake = FakeOpenAI.builder().codec(Trees.CODEC).clock(fixed).build();
        var http = new dev.conduit.testing.support.TransportHttp(fake.transport(), fake.baseUrl(), false)) {
      var r = http.send("POST", "/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"t\"}".getBytes(
          java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json");
      assertThat(Trees.object(r.body())).containsEntry("created_at", 1_700_000_000L);
      assertThat(fake.lastRequest().receivedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }
  }

  @Test
  void withoutACodecOnTheClasspathTheErrorSaysWhatToAdd() throws Exception {
    URL[] onlyApiAndFake = {
      FakeOpenAI.class.getProtectionDomain().getCodeSource().getLocation(),
      ConfigurationException.class.getProtectionDomain().getCodeSource().getLocation(),
      org.jspecify.annotations.Nullable.class.getProtectionDomain().getCodeSource().getLocation(),
    };
    Thread t = Thread.currentThread();
    ClassLoader saved = t.getContextClassLoader();
    try (URLClassLoader isolated = new URLClassLoader(onlyApiAndFake, ClassLoader.getPlatformClassLoader())) {
      t.setContextClassLoader(isolated);
      Method inMemory = isolated.loadClass(FakeOpenAI.class.getName()).getMethod("inMemory");
      assertThatThrownBy(() -> inMemory.invoke(null)).isInstanceOf(InvocationTargetException.class).cause()
          .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(ConfigurationException.class.getName()))
          .hasMessageContaining("conduit-json-moshi").hasMessageContaining("codec(");
    } finally {
      t.setContextClassLoader(saved);
    }
  }
}
