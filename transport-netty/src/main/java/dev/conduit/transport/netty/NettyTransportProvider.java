package dev.conduit.transport.netty;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportProvider;

/**
 * Makes {@link NettyTransport} discoverable through {@link java.util.ServiceLoader} under the name
 * {@code "netty"}, with priority {@value #PRIORITY}.
 *
 * <p>It is registered both in {@code module-info} ({@code provides}) and in {@code
 * META-INF/services}. It touches no Netty class before {@link #create}, so discovery works even
 * when the Netty jars are missing or mismatched; {@code create} then reports what it found.
 */
public final class NettyTransportProvider implements TransportProvider {
  /** The priority of this provider among discovered transports. */
  public static final int PRIORITY = 200;

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public NettyTransportProvider() {}

  /** Returns {@code "netty"}. */
  @Override
  public String name() {
    return "netty";
  }

  /** Returns {@value #PRIORITY}. */
  @Override
  public int priority() {
    return PRIORITY;
  }

  /**
   * Returns {@link NettyTransport#create(TransportOptions) NettyTransport.create(options)}.
   *
   * @throws ConfigurationException if Netty is missing from the class path, or its artifacts are
   *     not all of one 4.2.x version
   */
  @Override
  public Transport create(TransportOptions options) {
    try {
      return NettyTransport.create(options);
    } catch (NoClassDefFoundError e) {
      throw new ConfigurationException(
          "the \"netty\" transport needs Netty 4.2 on the class path, but " + e.getMessage()
              + " is missing: add io.netty:netty-codec-http and io.netty:netty-handler (for example through"
              + " io.netty:netty-bom), or choose another transport",
          e);
    }
  }

  @Override
  public String toString() {
    return "NettyTransportProvider{name=netty, priority=" + PRIORITY + "}";
  }
}
