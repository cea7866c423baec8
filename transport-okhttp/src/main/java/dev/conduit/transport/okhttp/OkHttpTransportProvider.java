package dev.conduit.transport.okhttp;

import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportProvider;

/**
 * Makes {@link OkHttpTransport} discoverable through {@link java.util.ServiceLoader} under the name
 * {@code "okhttp"}, with priority {@value #PRIORITY}: when it is on the class or module path it is
 * preferred to the JDK transport.
 *
 * <p>It is registered both in {@code module-info} ({@code provides}) and in {@code
 * META-INF/services}. It touches no OkHttp class before {@link #create}, so discovery works even
 * when OkHttp or Kotlin's standard library is missing or broken on the classpath; the failure then
 * surfaces from {@code create}.
 */
public final class OkHttpTransportProvider implements TransportProvider {
  /** The priority of this provider among discovered transports. */
  public static final int PRIORITY = 300;

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public OkHttpTransportProvider() {}

  /** Returns {@code "okhttp"}. */
  @Override
  public String name() {
    return "okhttp";
  }

  /** Returns {@value #PRIORITY}. */
  @Override
  public int priority() {
    return PRIORITY;
  }

  /** Returns {@link OkHttpTransport#create(TransportOptions) OkHttpTransport.create(options)}. */
  @Override
  public Transport create(TransportOptions options) {
    return OkHttpTransport.create(options);
  }

  @Override
  public String toString() {
    return "OkHttpTransportProvider{name=okhttp, priority=" + PRIORITY + "}";
  }
}
