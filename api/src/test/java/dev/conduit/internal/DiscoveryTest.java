package dev.conduit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.errors.ConfigurationException;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportProvider;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** api alone has no providers on its test classpath: discovery must fail clearly and name the artifacts. */
class DiscoveryTest {
  static Discovery.Environment env(Map<String, String> props, Map<String, String> vars) {
    return new Discovery.Environment() {
      @Override
      public @Nullable String property(String name) {
        return props.get(name);
      }

      @Override
      public @Nullable String variable(String name) {
        return vars.get(name);
      }
    };
  }

  @Test
  void noTransportOnTheClasspathNamesTheArtifactsToAdd() {
    assertThatThrownBy(() -> Discovery.transportProvider(null, env(Map.of(), Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No Conduit transport found")
        .hasMessageContaining("dev.conduit:conduit-transport-jdk")
        .hasMessageContaining("conduit-transport-okhttp");
  }

  @Test
  void noCodecOnTheClasspathNamesTheArtifactToAdd() {
    assertThatThrownBy(() -> Discovery.codecProvider(null, env(Map.of(), Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No Conduit JSON codec found")
        .hasMessageContaining("dev.conduit:conduit-json-moshi");
  }

  @Test
  void unknownNameSaysWhereTheNameCameFromAndWhatWasFound() {
    assertThatThrownBy(() -> Discovery.transportProvider(null, env(Map.of("conduit.transport", "grpc"), Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No transport named 'grpc'")
        .hasMessageContaining("system property conduit.transport")
        .hasMessageContaining("Found: none")
        .hasMessageContaining("dev.conduit:conduit-transport-grpc");
    assertThatThrownBy(() -> Discovery.codecProvider(null, env(Map.of(), Map.of("CONDUIT_JSON", "gson"))))
        .hasMessageContaining("environment variable CONDUIT_JSON");
    assertThatThrownBy(() -> Discovery.codecProvider("jackson", env(Map.of("conduit.json", "gson"), Map.of())))
        .hasMessageContaining("'jackson'")
        .hasMessageContaining("the client builder");
  }

  static final class Fake implements TransportProvider {
    final String name;
    final int priority;

    Fake(String name, int priority) {
      this.name = name;
      this.priority = priority;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int priority() {
      return priority;
    }

    @Override
    public Transport create(TransportOptions options) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void choosesByBuilderNameThenPropertyThenEnvThenPriority() {
    List<TransportProvider> found = List.of(new Fake("okhttp", 300), new Fake("netty", 200), new Fake("jdk", 100));
    Discovery.Spi<TransportProvider> spi = Discovery.TRANSPORTS;

    assertThat(Discovery.pick(spi, found, "jdk", env(Map.of("conduit.transport", "netty"), Map.of())).name()).isEqualTo("jdk");
    assertThat(Discovery.pick(spi, found, null, env(Map.of("conduit.transport", "netty"), Map.of("CONDUIT_TRANSPORT", "jdk"))).name())
        .isEqualTo("netty");
    assertThat(Discovery.pick(spi, found, null, env(Map.of(), Map.of("CONDUIT_TRANSPORT", "JDK"))).name()).isEqualTo("jdk");
    assertThat(Discovery.pick(spi, found, null, env(Map.of(), Map.of())).name()).isEqualTo("okhttp");
  }

  @Test
  void clientWithoutKeyForOpenAiIsAConfigurationError() {
    assertThatThrownBy(() -> OpenAIClient.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OPENAI_API_KEY");
  }
}
