package dev.conduit.transport.netty.internal;

import dev.conduit.errors.ConfigurationException;
import io.netty.util.Version;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks, before any other Netty class is touched, that the Netty artifacts on the class path are
 * all of one 4.2.x version. Mixed Netty versions fail in obscure ways ({@code NoSuchMethodError}
 * deep in a pipeline), so the transport refuses to start with a message that names them instead.
 *
 * <p>Only {@code io.netty.util.Version} is used, a class every Netty 4 release has. Artifacts that
 * are versioned on their own ({@code netty-tcnative*}, {@code netty-incubator-*}, {@code
 * netty-jni-util}) are ignored, and nothing is checked when no version metadata is found at all
 * (a shaded jar that dropped {@code META-INF/io.netty.versions.properties}).
 */
public final class NettyVersions {
  /** The major.minor line this transport needs. */
  static final String LINE = "4.2.";

  private static final String BUILT_AGAINST = readBuildVersion();

  private NettyVersions() {}

  /** Returns the Netty version this module was built against, e.g. {@code 4.2.20.Final}. */
  public static String builtAgainst() {
    return BUILT_AGAINST;
  }

  /**
   * Checks the Netty artifacts visible to {@code loader}.
   *
   * @throws ConfigurationException if they are not all of one 4.2.x version
   */
  public static void check(ClassLoader loader) {
    Map<String, String> found = new TreeMap<>();
    for (Map.Entry<String, Version> e : Version.identify(loader).entrySet()) {
      found.put(e.getKey(), e.getValue().artifactVersion());
    }
    check(found);
  }

  /**
   * Checks {@code found}, artifact id to version.
   *
   * @throws ConfigurationException if they are not all of one 4.2.x version
   */
  static void check(Map<String, String> found) {
    Map<String, String> relevant = new TreeMap<>();
    found.forEach(
        (artifact, version) -> {
          if (artifact.startsWith("netty-")
              && !artifact.startsWith("netty-tcnative")
              && !artifact.startsWith("netty-incubator")
              && !artifact.equals("netty-jni-util")) {
            relevant.put(artifact, version);
          }
        });
    if (relevant.isEmpty()) {
      return;
    }
    long distinct = relevant.values().stream().distinct().count();
    boolean allOnLine = relevant.values().stream().allMatch(v -> v.startsWith(LINE));
    if (distinct == 1 && allOnLine) {
      return;
    }
    String listed =
        relevant.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    String problem =
        distinct == 1
            ? "found " + relevant.values().iterator().next() + ", which is not a 4.2 release"
            : "found mixed versions";
    throw new ConfigurationException(
        "conduit-transport-netty needs all Netty artifacts at one and the same 4.2.x version (expected "
            + BUILT_AGAINST
            + ", the version it was built against), but "
            + problem
            + ": "
            + listed
            + ". Align them, for example by importing io.netty:netty-bom:"
            + BUILT_AGAINST
            + " in your build's dependency management.");
  }

  private static String readBuildVersion() {
    Properties p = new Properties();
    try (InputStream in = NettyVersions.class.getResourceAsStream("netty-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // Fall through to the generic description.
    }
    String v = p.getProperty("netty.version", "");
    return v.isEmpty() || v.startsWith("$") ? LINE + "x" : v;
  }
}
