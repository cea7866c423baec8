package dev.conduit.testing.internal;

import dev.conduit.errors.ConfigurationException;
import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import dev.conduit.json.JsonCodecProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The fake's JSON: a {@link JsonCodec} found through the JSON SPI, with the few calls the fake needs. */
public final class Codec {
  private final JsonCodec codec;

  public Codec(JsonCodec codec) {
    this.codec = codec;
  }

  /**
   * Returns a codec from the highest-priority {@link JsonCodecProvider} visible to this module's or
   * the context class loader.
   *
   * @throws ConfigurationException if there is none
   */
  public static Codec discover() {
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(Codec.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != Codec.class.getClassLoader()) {
      loaders.add(context);
    }
    JsonCodecProvider best = null;
    Set<String> seen = new LinkedHashSet<>();
    for (ClassLoader loader : loaders) {
      Iterator<JsonCodecProvider> it = ServiceLoader.load(JsonCodecProvider.class, loader).iterator();
      while (true) {
        JsonCodecProvider p;
        try {
          if (!it.hasNext()) {
            break;
          }
          p = it.next();
        } catch (ServiceConfigurationError e) {
          continue; // a provider that fails to load is skipped
        }
        if (seen.add(p.getClass().getName()) && (best == null || p.priority() > best.priority())) {
          best = p;
        }
      }
    }
    if (best == null) {
      throw new ConfigurationException("the fake OpenAI server found no JSON codec (no dev.conduit.json.JsonCodecProvider "
          + "on the classpath): add dev.conduit:conduit-json-moshi to the test classpath, or pass one with "
          + "FakeOpenAI.builder().codec(...)");
    }
    return new Codec(best.create());
  }

  public JsonCodec codec() {
    return codec;
  }

  /** Writes a tree as compact JSON. */
  public byte[] write(@Nullable Object tree) {
    return codec.writeTreeToBytes(tree);
  }

  /** Writes a tree as a compact JSON string. */
  public String writeString(@Nullable Object tree) {
    return new String(write(tree), StandardCharsets.UTF_8);
  }

  /** Encodes a user value (record, map, list, ...) with the codec's data binding. */
  public String encodeUser(@Nullable Object value) {
    return new String(codec.encodeToBytes(value), StandardCharsets.UTF_8);
  }

  /** Reads a tree, or throws {@link CodecException} for malformed JSON. */
  public @Nullable Object read(byte[] json) {
    return codec.readTree(json);
  }

  /** Reads a tree from a string, or returns {@code fallback} if it is not well-formed JSON. */
  public @Nullable Object readOr(String json, @Nullable Object fallback) {
    try {
      return codec.readTree(json.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
