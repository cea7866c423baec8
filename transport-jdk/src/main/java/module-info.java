/**
 * Conduit's transport on the JDK's own {@code java.net.http.HttpClient}: no third-party
 * dependencies, native asynchronous I/O, HTTP/2 and TLS through a user-supplied client builder.
 * Selected under the name {@code "jdk"}.
 */
module dev.conduit.transport.jdk {
  requires transitive dev.conduit;
  requires transitive java.net.http;

  exports dev.conduit.transport.jdk;

  provides dev.conduit.http.TransportProvider with
      dev.conduit.transport.jdk.JdkTransportProvider;
}
