package dev.conduit.transport.okhttp;

import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.testing.kit.transport.TransportContract;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** Runs the transport contract kit against {@link OkHttpTransport}. */
class OkHttpTransportContractTest extends TransportContract {
  @Override
  protected Transport newTransport(TransportOptions options) {
    return OkHttpTransport.create(options);
  }

  /**
   * OkHttp wants an {@link X509TrustManager} beside the socket factory, and an {@link SSLContext}
   * cannot be asked for its own. The handshake is verified by {@code sslContext}'s trust managers
   * (OkHttp uses the one passed here only to clean chains for certificate pinning, which these
   * tests do not use), and OkHttp's hostname verifier stays on.
   */
  @Override
  protected Transport newTransport(TransportOptions options, SSLContext sslContext) {
    OkHttpClient client =
        new OkHttpClient.Builder().sslSocketFactory(sslContext.getSocketFactory(), jvmDefaultTrustManager()).build();
    return OkHttpTransport.create(client, options);
  }

  private static X509TrustManager jvmDefaultTrustManager() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager) {
          return (X509TrustManager) tm;
        }
      }
      throw new IllegalStateException("no X509TrustManager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
