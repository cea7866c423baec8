package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builders and readers over the JSON tree form of {@link dev.conduit.json.JsonCodec}. */
public final class Json {
  private Json() {}

  /** Returns a mutable object from alternating keys and values, in that order. */
  public static Map<String, @Nullable Object> obj(@Nullable Object... keysAndValues) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** Returns a mutable list of {@code items}. */
  public static List<@Nullable Object> list(@Nullable Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  /** Returns a deep, mutable copy of a tree. */
  @SuppressWarnings("unchecked")
  public static @Nullable Object copy(@Nullable Object tree) {
    if (tree instanceof Map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      ((Map<String, @Nullable Object>) tree).forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (tree instanceof List) {
      List<@Nullable Object> out = new ArrayList<>();
      for (Object v : (List<@Nullable Object>) tree) {
        out.add(copy(v));
      }
      return out;
    }
    return tree;
  }

  /** Returns a deep copy of an object tree. */
  @SuppressWarnings("unchecked")
  public static Map<String, @Nullable Object> copyObj(Map<String, @Nullable Object> tree) {
    return (Map<String, @Nullable Object>) copy(tree);
  }

  /** Returns {@code m.get(key)} as an object, or null if absent or not an object. */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, @Nullable Object> objAt(@Nullable Map<String, @Nullable Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof Map ? (Map<String, @Nullable Object>) v : null;
  }

  /** Returns {@code m.get(key)} as a list, or null if absent or not a list. */
  @SuppressWarnings("unchecked")
  public static @Nullable List<@Nullable Object> listAt(@Nullable Map<String, @Nullable Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof List ? (List<@Nullable Object>) v : null;
  }

  /** Returns {@code m.get(key)} as a string, or null if absent or not a string. */
  public static @Nullable String strAt(@Nullable Map<String, @Nullable Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof String ? (String) v : null;
  }

  /** Returns {@code m.get(key)} as a long, or {@code fallback} if absent or not an integer. */
  public static long longAt(@Nullable Map<String, @Nullable Object> m, String key, long fallback) {
    Object v = m == null ? null : m.get(key);
    if (v instanceof Long) {
      return (Long) v;
    }
    if (v instanceof Double && (Double) v == Math.rint((Double) v)) {
      return ((Double) v).longValue();
    }
    return fallback;
  }

  /** Returns {@code m.get(key)} as a boolean, or {@code fallback} if absent or not a boolean. */
  public static boolean boolAt(@Nullable Map<String, @Nullable Object> m, String key, boolean fallback) {
    Object v = m == null ? null : m.get(key);
    return v instanceof Boolean ? (Boolean) v : fallback;
  }

  /** Returns the elements of a list that are objects, skipping anything else. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, @Nullable Object>> objects(@Nullable List<@Nullable Object> list) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    if (list != null) {
      for (Object o : list) {
        if (o instanceof Map) {
          out.add((Map<String, @Nullable Object>) o);
        }
      }
    }
    return out;
  }

  /** Returns the JSON type name of a tree value as the real API's messages spell it. */
  public static String typeName(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof Long) {
      return "an integer";
    }
    if (v instanceof Number) {
      return "a decimal";
    }
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "an array";
    }
    return "an unknown value";
  }
}
