package dev.conduit.transport.netty;

import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.testing.kit.transport.TransportContract;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import javax.net.ssl.SSLContext;

/** Runs the transport contract kit against {@link NettyTransport}. */
class NettyTransportContractTest extends TransportContract {
  @Override
  protected Transport newTransport(TransportOptions options) {
    return NettyTransport.create(options);
  }

  @Override
  protected Transport newTransport(TransportOptions options, SSLContext sslContext) {
    return NettyTransport.builder()
        .options(options)
        .sslContext(new JdkSslContext(sslContext, true, null, IdentityCipherSuiteFilter.INSTANCE, null, ClientAuth.NONE, null, false))
        .build();
  }
}
