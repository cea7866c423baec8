package dev.conduit.testing.support;

import dev.conduit.json.JsonCodec;
import dev.conduit.json.JsonCodecProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** JSON for the tests, through the real Moshi codec found by the JSON SPI. */
public final class Trees {
  public static final JsonCodec CODEC = ServiceLoader.load(JsonCodecProvider.class).findFirst()
      .orElseThrow(() -> new IllegalStateException("no JSON codec on the test classpath")).create();

  private Trees() {}

  public static Object parse(byte[] json) {
    return CODEC.readTree(json);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(byte[] json) {
    return (Map<String, Object>) parse(json);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String json) {
    return (Map<String, Object>) parse(json.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] write(Object tree) {
    return CODEC.writeTreeToBytes(tree);
  }

  /** Walks a path of keys and indexes, e.g. {@code at(tree, "output", 0, "content", 0, "text")}. */
  @SuppressWarnings("unchecked")
  public static <T> T at(Object tree, Object... path) {
    Object at = tree;
    for (Object p : path) {
      if (p instanceof Integer) {
        at = ((List<Object>) at).get((Integer) p);
      } else {
        at = ((Map<String, Object>) at).get((String) p);
      }
    }
    return (T) at;
  }
}
