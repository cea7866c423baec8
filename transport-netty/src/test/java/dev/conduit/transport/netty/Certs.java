package dev.conduit.transport.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates made by the JDK's {@code keytool} (from {@code java.home}) into a temp
 * PKCS12 store, cached per JVM.
 */
final class Certs {
  private static final char[] PASSWORD = "conduit-test".toCharArray();
  private static final Map<String, Certs> CACHE = new ConcurrentHashMap<>();

  final KeyStore keyStore;
  final X509Certificate certificate;

  private Certs(KeyStore keyStore, X509Certificate certificate) {
    this.keyStore = keyStore;
    this.certificate = certificate;
  }

  /** Valid for localhost and 127.0.0.1. */
  static Certs localhost() {
    return of("localhost", "dns:localhost,ip:127.0.0.1");
  }

  static Certs of(String cn, String san) {
    return CACHE.computeIfAbsent(cn + "|" + san, k -> generate(cn, san));
  }

  SSLContext serverContext() {
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, PASSWORD);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Netty client context trusting exactly this certificate. */
  SslContext trustingClient() {
    try {
      return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(certificate).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Certs generate(String cn, String san) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("conduit-netty-tls");
      Path store = dir.resolve("server.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      List<String> command =
          List.of(
              keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-genkeypair", "-alias", "server",
              "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn, "-ext", "SAN=" + san,
              "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
              "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD), "-noprompt");
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
      return new Certs(ks, (X509Certificate) ks.getCertificate("server"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
          // temp files
        }
      }
    }
  }
}
