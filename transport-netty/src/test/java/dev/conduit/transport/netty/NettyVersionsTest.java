package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.transport.netty.internal.NettyVersions;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check that every Netty artifact is of one 4.2.x version. */
class NettyVersionsTest {
  @Test
  void theTestClassPathPasses() {
    assertThat(NettyVersions.builtAgainst()).isEqualTo(io.netty.util.Version.identify().get("netty-common").artifactVersion());
    assertThat(NettyVersions.builtAgainst()).startsWith("4.2.");
    assertThatCode(() -> NettyVersions.check(getClass().getClassLoader())).doesNotThrowAnyException();
  }

  @Test
  void aStrayArtifactOfAnotherVersionIsNamed(@TempDir Path dir) throws Exception {
    Path meta = Files.createDirectories(dir.resolve("META-INF"));
    String a = "netty-codec-foo";
    Files.writeString(
        meta.resolve("io.netty.versions.properties"),
        a + ".version=4.1.99.Final\n" + a + ".buildDate=2024-01-01 00\\:00\\:00 +0000\n" + a + ".commitDate=2024-01-01 00\\:00\\:00 +0000\n"
            + a + ".shortCommitHash=abc\n" + a + ".longCommitHash=abcdef\n" + a + ".repoStatus=clean\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Throwable e = catchThrowable(() -> NettyVersions.check(loader));
      assertThat(e)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("netty-codec-foo 4.1.99.Final")
          .hasMessageContaining("netty-common " + NettyVersions.builtAgainst())
          .hasMessageContaining("expected " + NettyVersions.builtAgainst())
          .hasMessageContaining("mixed versions")
          .hasMessageContaining("io.netty:netty-bom");
    }
  }

  @Test
  void aWholeClassPathOfTheWrongLineIsNamed() throws Exception {
    Map<String, String> found = Map.of("netty-common", "4.1.118.Final", "netty-codec-http", "4.1.118.Final");
    Throwable e = catchThrowable(() -> check(found));
    assertThat(e).isInstanceOf(ConfigurationException.class).hasMessageContaining("found 4.1.118.Final, which is not a 4.2 release");
  }

  @Test
  void independentlyVersionedArtifactsAreIgnored() throws Exception {
    Map<String, String> found =
        Map.of("netty-common", "4.2.20.Final", "netty-buffer", "4.2.20.Final", "netty-tcnative-classes", "2.0.70.Final",
            "netty-incubator-transport-classes-io_uring", "0.0.26.Final");
    assertThatCode(() -> check(found)).doesNotThrowAnyException();
    assertThatCode(() -> check(Map.of())).doesNotThrowAnyException();
  }

  /** Calls the package-private {@code check(Map)} of the internal class. */
  private static void check(Map<String, String> found) throws Throwable {
    java.lang.reflect.Method m = NettyVersions.class.getDeclaredMethod("check", Map.class);
    m.setAccessible(true);
    try {
      m.invoke(null, found);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
