package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.Transport;
import dev.conduit.http.TransportProvider;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Discovery: the provider is found, and it does not need Netty until it creates a transport. */
class NettyTransportProviderTest extends TestBase {
  @Test
  void serviceLoaderFindsNetty() {
    TransportProvider p =
        ServiceLoader.load(TransportProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(x -> x.name().equals("netty"))
            .collect(Collectors.toList())
            .get(0);
    assertThat(p).isInstanceOf(NettyTransportProvider.class);
    assertThat(p.priority()).isEqualTo(200);
    try (Transport t = p.create(options())) {
      assertThat(t).isInstanceOf(NettyTransport.class);
    }
  }

  /**
   * In a class loader holding this module and the API but no Netty at all, the provider loads and
   * answers its name and priority; {@code create} fails with a {@code ConfigurationException} that
   * says what to add.
   */
  @Test
  void providerTouchesNoNettyClassBeforeCreate() throws Exception {
    URL module = NettyTransportProvider.class.getProtectionDomain().getCodeSource().getLocation();
    URL api = TransportProvider.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {module, api}, ClassLoader.getPlatformClassLoader())) {
      Class<?> providerClass = Class.forName(NettyTransportProvider.class.getName(), true, isolated);
      Object provider = providerClass.getConstructor().newInstance();
      assertThat(providerClass.getMethod("name").invoke(provider)).isEqualTo("netty");
      assertThat(providerClass.getMethod("priority").invoke(provider)).isEqualTo(200);
      assertThat(isolated.getResource("io/netty/util/Version.class")).isNull();

      Class<?> optionsClass = Class.forName("dev.conduit.http.TransportOptions", true, isolated);
      Object options = optionsClass.getMethod("defaults").invoke(null);
      Throwable failure = null;
      try {
        providerClass.getMethod("create", optionsClass).invoke(provider, options);
      } catch (InvocationTargetException e) {
        failure = e.getCause();
      }
      assertThat(failure).isNotNull();
      assertThat(failure.getClass().getName()).isEqualTo("dev.conduit.errors.ConfigurationException");
      assertThat(failure.getMessage()).contains("Netty 4.2").contains("io.netty:netty-codec-http");
    }
  }
}
