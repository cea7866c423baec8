package dev.conduit.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.http.Transport;
import dev.conduit.http.TransportProvider;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Discovery of {@link OkHttpTransportProvider} through {@link ServiceLoader}. */
class OkHttpTransportProviderTest extends TestSupport {

  @Test
  void serviceLoaderFindsItWithItsNameAndPriority() {
    List<TransportProvider> found =
        ServiceLoader.load(TransportProvider.class).stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
    assertThat(found).hasAtLeastOneElementOfType(OkHttpTransportProvider.class);
    TransportProvider p = found.stream().filter(x -> x instanceof OkHttpTransportProvider).findFirst().orElseThrow();
    assertThat(p.name()).isEqualTo("okhttp");
    assertThat(p.priority()).isEqualTo(300).isGreaterThan(100); // ahead of the JDK transport
    assertThat(p.toString()).contains("okhttp");
  }

  @Test
  void selectedByNameItCreatesAWorkingTransport() throws Exception {
    Servers.Http s = http().record("/d", 200, utf8("discovered"));
    TransportProvider p =
        ServiceLoader.load(TransportProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(x -> x.name().equalsIgnoreCase("OKHTTP"))
            .findFirst()
            .orElseThrow();
    Transport t = track(p.create(options()));
    assertThat(t).isInstanceOf(OkHttpTransport.class);
    assertThat(utf8(readAll(t.execute(request(s.uri("/d")).build())))).isEqualTo("discovered");
  }

  /**
   * With only Conduit's API and this module's classes visible (no OkHttp, no Kotlin), the provider
   * still loads and answers name and priority; only {@code create} fails.
   */
  @Test
  void theProviderTouchesNoOkHttpClassBeforeCreate() throws Exception {
    URL api = TransportProvider.class.getProtectionDomain().getCodeSource().getLocation();
    URL mine = OkHttpTransportProvider.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {api, mine}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> isolated.loadClass("okhttp3.OkHttpClient")).isInstanceOf(ClassNotFoundException.class);
      Class<?> spi = isolated.loadClass(TransportProvider.class.getName());
      Object provider =
          ServiceLoader.load(spi, isolated).stream()
              .map(ServiceLoader.Provider::get)
              .filter(o -> o.getClass().getName().equals(OkHttpTransportProvider.class.getName()))
              .findFirst()
              .orElseThrow();
      assertThat(provider.getClass().getClassLoader()).isSameAs(isolated);
      assertThat(spi.getMethod("name").invoke(provider)).isEqualTo("okhttp");
      assertThat(spi.getMethod("priority").invoke(provider)).isEqualTo(300);
      Class<?> options = isolated.loadClass("dev.conduit.http.TransportOptions");
      Object defaults = options.getMethod("defaults").invoke(null);
      assertThatThrownBy(() -> spi.getMethod("create", options).invoke(provider, defaults))
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .isInstanceOf(NoClassDefFoundError.class);
    }
  }
}
