package dev.conduit.testing.kit.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Self-signed TLS certificates generated at test time by the JDK's own {@code keytool} (no
 * third-party dependency), with {@link SSLContext}s for the server that presents one and for
 * clients that trust chosen ones. Generated certificates are cached for the life of the JVM.
 */
public final class TlsCertificates {
  private static final char[] PASSWORD = "conduit-test".toCharArray();
  private static final Map<String, TlsCertificates> CACHE = new ConcurrentHashMap<>();
  private static final Map<SSLContext, X509TrustManager> TRUST_MANAGERS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final KeyStore keyStore;
  private final X509Certificate certificate;

  private TlsCertificates(KeyStore keyStore, X509Certificate certificate) {
    this.keyStore = keyStore;
    this.certificate = certificate;
  }

  /** Returns a certificate valid for {@code localhost} and {@code 127.0.0.1}. */
  public static TlsCertificates localhost() {
    return forNames("localhost", "dns:localhost,ip:127.0.0.1");
  }

  /**
   * Returns a certificate for common name {@code cn} with subject alternative names {@code san} in
   * keytool syntax, e.g. {@code "dns:wrong.example"}.
   */
  public static TlsCertificates forNames(String cn, String san) {
    return CACHE.computeIfAbsent(cn + "|" + san, k -> generate(cn, san));
  }

  /** Returns the certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Returns a server context presenting this certificate and its private key. */
  public SSLContext serverContext() {
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, PASSWORD);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a server SSLContext", e);
    }
  }

  /**
   * Returns a client context that trusts exactly {@code certificates} (and no public CA). Its trust
   * manager is available from {@link #trustManagerFor}.
   */
  public static SSLContext trusting(X509Certificate... certificates) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      for (int i = 0; i < certificates.length; i++) {
        trust.setCertificateEntry("trusted-" + i, certificates[i]);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      X509TrustManager tm = null;
      for (TrustManager m : tmf.getTrustManagers()) {
        if (m instanceof X509TrustManager) {
          tm = (X509TrustManager) m;
        }
      }
      if (tm == null) {
        throw new IllegalStateException("no X509TrustManager from " + tmf.getAlgorithm());
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      TRUST_MANAGERS.put(ctx, tm);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a client SSLContext", e);
    }
  }

  /**
   * Returns the trust manager a context from {@link #trusting} was built with, for HTTP stacks that
   * take it separately from the socket factory (OkHttp's {@code sslSocketFactory(factory,
   * trustManager)}, Netty's {@code SslContextBuilder.trustManager}).
   *
   * @throws IllegalArgumentException if {@code context} was not made by {@link #trusting}
   */
  public static X509TrustManager trustManagerFor(SSLContext context) {
    X509TrustManager tm = TRUST_MANAGERS.get(context);
    if (tm == null) {
      throw new IllegalArgumentException("not a context from TlsCertificates.trusting: " + context);
    }
    return tm;
  }

  private static TlsCertificates generate(String cn, String san) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("conduit-tls");
      Path store = dir.resolve("server.p12");
      boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
      List<String> command =
          List.of(
              keytool.toString(),
              "-J-XX:TieredStopAtLevel=1",
              "-genkeypair",
              "-alias", "server",
              "-keyalg", "EC",
              "-groupname", "secp256r1",
              "-dname", "CN=" + cn,
              "-ext", "SAN=" + san,
              "-validity", "2",
              "-storetype", "PKCS12",
              "-keystore", store.toString(),
              "-storepass", new String(PASSWORD),
              "-keypass", new String(PASSWORD),
              "-noprompt");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output;
      try (InputStream in = p.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, PASSWORD);
      }
      return new TlsCertificates(ks, (X509Certificate) ks.getCertificate("server"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the generated key store", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    } finally {
      if (dir != null) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
          // temp files; best effort
        }
      }
    }
  }
}
