package dev.conduit.transport.jdk;

import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportProvider;

/**
 * Makes {@link JdkTransport} discoverable through {@link java.util.ServiceLoader} under the name
 * {@code "jdk"}, with priority {@value #PRIORITY}.
 *
 * <p>It is registered both in {@code module-info} ({@code provides}) and in {@code
 * META-INF/services}. It touches no {@code java.net.http} class before {@link #create}, so
 * discovery works even in a runtime image without the {@code java.net.http} module.
 */
public final class JdkTransportProvider implements TransportProvider {
  /** The priority of this provider among discovered transports. */
  public static final int PRIORITY = 100;

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public JdkTransportProvider() {}

  /** Returns {@code "jdk"}. */
  @Override
  public String name() {
    return "jdk";
  }

  /** Returns {@value #PRIORITY}. */
  @Override
  public int priority() {
    return PRIORITY;
  }

  /** Returns {@link JdkTransport#create(TransportOptions) JdkTransport.create(options)}. */
  @Override
  public Transport create(TransportOptions options) {
    return JdkTransport.create(options);
  }

  @Override
  public String toString() {
    return "JdkTransportProvider{name=jdk, priority=" + PRIORITY + "}";
  }
}
