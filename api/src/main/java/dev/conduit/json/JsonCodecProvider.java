package dev.conduit.json;

/**
 * Creates {@link JsonCodec}s; found through {@link java.util.ServiceLoader}. A provider must not touch
 * its JSON library's classes before {@link #create} so that discovery never fails on a broken
 * classpath.
 */
public interface JsonCodecProvider {
  /** Returns the short name users select it by, e.g. {@code "moshi"}. */
  String name();

  /** Returns the priority among discovered providers; the highest wins. */
  int priority();

  /** Returns a new codec. */
  JsonCodec create();
}
