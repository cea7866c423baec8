package dev.conduit.transport.jdk;

import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.testing.kit.transport.TransportContract;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;

/** Runs the transport contract kit against {@link JdkTransport}. */
class JdkTransportContractTest extends TransportContract {
  @Override
  protected Transport newTransport(TransportOptions options) {
    return JdkTransport.create(options);
  }

  @Override
  protected Transport newTransport(TransportOptions options, SSLContext sslContext) {
    return JdkTransport.create(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(sslContext), options);
  }
}
