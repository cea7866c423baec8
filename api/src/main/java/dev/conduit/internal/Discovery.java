package dev.conduit.internal;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.http.TransportProvider;
import dev.conduit.json.JsonCodecProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds transport and JSON codec providers through {@link ServiceLoader}, following DESIGN §2: a
 * name (from the builder, then the system property, then the environment) selects a provider; else
 * the highest priority wins. A provider that fails to load is skipped with a warning.
 */
public final class Discovery {
  private static final Logger log = LoggerFactory.getLogger("dev.conduit.discovery");

  /** What to look up: one SPI's names, properties and artifact hints. */
  static final class Spi<P> {
    final Class<P> type;
    final String noun;
    final String property;
    final String envVar;
    final String hint;
    final Function<P, String> name;
    final ToIntFunction<P> priority;

    Spi(Class<P> type, String noun, String property, String envVar, String hint, Function<P, String> name, ToIntFunction<P> priority) {
      this.type = type;
      this.noun = noun;
      this.property = property;
      this.envVar = envVar;
      this.hint = hint;
      this.name = name;
      this.priority = priority;
    }
  }

  static final Spi<TransportProvider> TRANSPORTS =
      new Spi<>(TransportProvider.class, "transport", "conduit.transport", "CONDUIT_TRANSPORT",
          "add one of dev.conduit:conduit-transport-jdk (no dependencies), dev.conduit:conduit-transport-okhttp or dev.conduit:conduit-transport-netty to the classpath",
          TransportProvider::name, TransportProvider::priority);

  static final Spi<JsonCodecProvider> CODECS =
      new Spi<>(JsonCodecProvider.class, "JSON codec", "conduit.json", "CONDUIT_JSON",
          "add dev.conduit:conduit-json-moshi to the classpath",
          JsonCodecProvider::name, JsonCodecProvider::priority);

  private Discovery() {}

  /** Returns the transport provider to use; see the class documentation. */
  public static TransportProvider transportProvider(@Nullable String builderName, Environment env) {
    return choose(TRANSPORTS, builderName, env);
  }

  /** Returns the JSON codec provider to use; see the class documentation. */
  public static JsonCodecProvider codecProvider(@Nullable String builderName, Environment env) {
    return choose(CODECS, builderName, env);
  }

  static <P> P choose(Spi<P> spi, @Nullable String builderName, Environment env) {
    return pick(spi, load(spi), builderName, env);
  }

  /** Chooses among {@code found} (sorted by priority, highest first). */
  static <P> P pick(Spi<P> spi, List<P> found, @Nullable String builderName, Environment env) {
    String source = "the client builder";
    String wanted = builderName;
    if (wanted == null) {
      wanted = env.property(spi.property);
      source = "system property " + spi.property;
    }
    if (wanted == null) {
      wanted = env.variable(spi.envVar);
      source = "environment variable " + spi.envVar;
    }
    for (P p : found) {
      log.debug("found {} provider '{}' (priority {}, {})", spi.noun, spi.name.apply(p), spi.priority.applyAsInt(p), p.getClass().getName());
    }
    if (wanted != null && !wanted.isBlank()) {
      for (P p : found) {
        if (spi.name.apply(p).equalsIgnoreCase(wanted.trim())) {
          log.debug("using {} '{}', named by {}", spi.noun, spi.name.apply(p), source);
          return p;
        }
      }
      throw new ConfigurationException("No " + spi.noun + " named '" + wanted.trim() + "' (named by " + source + "). Found: "
          + describe(spi, found) + ". To use it, add dev.conduit:conduit-" + (spi == TRANSPORTS ? "transport-" : "json-")
          + wanted.trim().toLowerCase(java.util.Locale.ROOT) + " to the classpath, or name one of those found.");
    }
    if (found.isEmpty()) {
      throw new ConfigurationException("No Conduit " + spi.noun + " found on the classpath: " + spi.hint
          + ", or hand an instance to OpenAIClient.builder().");
    }
    P best = found.get(0);
    log.debug("using {} '{}' (highest priority of {})", spi.noun, spi.name.apply(best), describe(spi, found));
    return best;
  }

  private static <P> String describe(Spi<P> spi, List<P> found) {
    if (found.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (P p : found) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(spi.name.apply(p)).append(" (priority ").append(spi.priority.applyAsInt(p)).append(')');
    }
    return sb.toString();
  }

  /** Loads every provider from api's own class loader, then the context class loader; deduplicated, sorted by priority (highest first, then name). */
  static <P> List<P> load(Spi<P> spi) {
    Map<String, P> byClass = new LinkedHashMap<>();
    loadInto(spi, ServiceLoader.load(spi.type, Discovery.class.getClassLoader()), byClass);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != Discovery.class.getClassLoader()) {
      loadInto(spi, ServiceLoader.load(spi.type, context), byClass);
    }
    List<P> list = new ArrayList<>(byClass.values());
    list.sort(Comparator.<P>comparingInt(p -> -spi.priority.applyAsInt(p)).thenComparing(spi.name));
    return list;
  }

  private static <P> void loadInto(Spi<P> spi, ServiceLoader<P> loader, Map<String, P> out) {
    Iterator<P> it = loader.iterator();
    while (true) {
      P p;
      try {
        if (!it.hasNext()) {
          return;
        }
        p = it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        log.warn("skipping a {} provider that failed to load: {}", spi.noun, e.toString());
        continue;
      }
      out.putIfAbsent(p.getClass().getName(), p);
    }
  }

  /** Where names come from; replaceable in tests. */
  public interface Environment {
    @Nullable String property(String name);

    @Nullable String variable(String name);

    /** The process's system properties and environment. */
    Environment SYSTEM = new Environment() {
      @Override
      public @Nullable String property(String name) {
        return System.getProperty(name);
      }

      @Override
      public @Nullable String variable(String name) {
        return System.getenv(name);
      }
    };
  }
}
