package dev.conduit.http;

/**
 * Creates {@link Transport}s; found through {@link java.util.ServiceLoader}. A provider must not touch
 * its HTTP library's classes before {@link #create} so that discovery never fails on a broken
 * classpath.
 */
public interface TransportProvider {
  /** Returns the short name users select it by, e.g. {@code "jdk"}, {@code "okhttp"}, {@code "netty"}. */
  String name();

  /** Returns the priority among discovered providers; the highest wins. */
  int priority();

  /** Returns a new transport configured with {@code options}. */
  Transport create(TransportOptions options);
}
