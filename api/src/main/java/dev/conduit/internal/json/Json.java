package dev.conduit.internal.json;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.models.JsonModel;
import dev.conduit.models.OpenEnum;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Helpers over the JSON tree form (see {@link dev.conduit.json.JsonCodec}): freezing, converting
 * typed values into trees, and reading typed values out of them with errors that name the field.
 */
public final class Json {
  private static final Class<?> UNMODIFIABLE_MAP = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();
  private static final Class<?> UNMODIFIABLE_LIST = Collections.unmodifiableList(new ArrayList<>()).getClass();

  private Json() {}

  /**
   * Returns {@code tree} made deeply unmodifiable. Maps and lists are wrapped, not copied, so the
   * caller must own them; values frozen before are returned as they are.
   */
  @SuppressWarnings("unchecked")
  public static @Nullable Object freeze(@Nullable Object tree) {
    if (isScalar(tree)) {
      return tree;
    }
    if (tree instanceof Map) {
      return freezeMap((Map<String, @Nullable Object>) tree);
    }
    if (tree instanceof List) {
      return freezeList((List<@Nullable Object>) tree);
    }
    return tree;
  }

  /** Deeply freezes an object tree; see {@link #freeze(Object)}. */
  public static Map<String, @Nullable Object> freezeMap(Map<String, @Nullable Object> map) {
    if (map.getClass() == UNMODIFIABLE_MAP) {
      return map;
    }
    // replaceAll walks a LinkedHashMap's own links: no iterator or entry view per map (this runs
    // once per decoded model, e.g. for every streamed event).
    try {
      map.replaceAll((key, value) -> freeze(value));
    } catch (UnsupportedOperationException immutable) { // e.g. Map.of(...): freeze a copy
      map = new LinkedHashMap<>(map);
      map.replaceAll((key, value) -> freeze(value));
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * True for null and the tree's scalar types, tested by exact class: for a {@code String} or
   * {@code Long}, an {@code instanceof Map} check misses HotSpot's one-entry cache of secondary
   * supertypes and scans the class's interfaces every time, which showed up as a tenth of a
   * streamed event's decoding time.
   */
  private static boolean isScalar(@Nullable Object v) {
    if (v == null) {
      return true;
    }
    Class<?> c = v.getClass();
    return c == String.class || c == Long.class || c == Double.class || c == Boolean.class;
  }

  private static List<@Nullable Object> freezeList(List<@Nullable Object> list) {
    if (list.getClass() == UNMODIFIABLE_LIST) {
      return list;
    }
    for (int i = 0; i < list.size(); i++) {
      Object v = list.get(i);
      Object frozen = freeze(v);
      if (frozen != v) {
        list.set(i, frozen);
      }
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Converts a value a user or a builder supplied into the tree form: models become their JSON
   * object, open enums their string, collections and maps are converted element by element, and
   * numbers are normalised to Long or Double where exact.
   *
   * @throws IllegalArgumentException for a value with no JSON form
   */
  public static @Nullable Object toTree(@Nullable Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof JsonModel) {
      return ((JsonModel) value).toJson();
    }
    if (value instanceof OpenEnum) {
      return ((OpenEnum) value).value();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof BigInteger || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    if (value instanceof Map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("JSON object keys must be strings: " + e.getKey());
        }
        out.put((String) e.getKey(), toTree(e.getValue()));
      }
      return freezeMap(out);
    }
    if (value instanceof Collection) {
      List<@Nullable Object> out = new ArrayList<>(((Collection<?>) value).size());
      for (Object o : (Collection<?>) value) {
        out.add(toTree(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof float[]) {
      float[] a = (float[]) value;
      List<@Nullable Object> out = new ArrayList<>(a.length);
      for (float f : a) {
        out.add((double) f);
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Object[]) {
      List<@Nullable Object> out = new ArrayList<>();
      for (Object o : (Object[]) value) {
        out.add(toTree(o));
      }
      return Collections.unmodifiableList(out);
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }

  /** Returns a short JSON-type name of a tree value for messages: "string", "object", ... */
  public static String typeName(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Map) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    return value.getClass().getSimpleName();
  }

  /** Returns an exception for a field that holds the wrong JSON type. */
  public static InvalidResponseException wrongType(String where, String expected, @Nullable Object actual) {
    return new InvalidResponseException(where + ": expected " + expected + " but was " + typeName(actual), 0, null, "", null);
  }

  /** Returns {@code value} as a string, or throws naming {@code where}. */
  public static String asString(@Nullable Object value, String where) {
    if (value instanceof String) {
      return (String) value;
    }
    throw wrongType(where, "string", value);
  }

  /** Returns {@code value} as a long (integral doubles accepted), or throws naming {@code where}. */
  public static long asLong(@Nullable Object value, String where) {
    if (value instanceof Long || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d)) {
        return (long) d;
      }
    }
    throw wrongType(where, "integer", value);
  }

  /** Returns {@code value} as a double, or throws naming {@code where}. */
  public static double asDouble(@Nullable Object value, String where) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    throw wrongType(where, "number", value);
  }

  /** Returns {@code value} as a boolean, or throws naming {@code where}. */
  public static boolean asBoolean(@Nullable Object value, String where) {
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(where, "boolean", value);
  }

  /** Returns {@code value} as an object tree, or throws naming {@code where}. */
  @SuppressWarnings("unchecked")
  public static Map<String, @Nullable Object> asObject(@Nullable Object value, String where) {
    if (value instanceof Map) {
      return (Map<String, @Nullable Object>) value;
    }
    throw wrongType(where, "object", value);
  }

  /** Returns {@code value} as an array tree, or throws naming {@code where}. */
  @SuppressWarnings("unchecked")
  public static List<@Nullable Object> asArray(@Nullable Object value, String where) {
    if (value instanceof List) {
      return (List<@Nullable Object>) value;
    }
    throw wrongType(where, "array", value);
  }

  /**
   * Writes a tree as JSON text without a codec, for {@code toString()} and messages; strings longer
   * than {@code maxString} chars are shortened.
   */
  public static String toDebugString(@Nullable Object tree, int maxString) {
    StringBuilder sb = new StringBuilder();
    appendDebug(sb, tree, maxString);
    return sb.toString();
  }

  private static void appendDebug(StringBuilder sb, @Nullable Object v, int maxString) {
    if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(e.getKey()).append('=');
        appendDebug(sb, e.getValue(), maxString);
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object o : (List<?>) v) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendDebug(sb, o, maxString);
      }
      sb.append(']');
    } else if (v instanceof String) {
      String s = (String) v;
      if (s.length() > maxString) {
        sb.append('"').append(s, 0, maxString).append("…\"");
      } else {
        sb.append('"').append(s).append('"');
      }
    } else {
      sb.append(v);
    }
  }
}
