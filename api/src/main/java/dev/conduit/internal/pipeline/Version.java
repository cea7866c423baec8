package dev.conduit.internal.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Conduit's version, read from the filtered {@code version.properties} resource. */
public final class Version {
  /** The version of conduit-api, e.g. {@code 0.1.0}; "unknown" if the resource is missing. */
  public static final String VERSION = load();

  private Version() {}

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/conduit/internal/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
