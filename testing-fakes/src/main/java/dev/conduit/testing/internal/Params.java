package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request validation with the real API's messages, parameter names and codes. */
public final class Params {
  private Params() {}

  /** The JSON type a parameter accepts (null is always accepted for an optional parameter). */
  public enum Type {
    STRING("a string"),
    INTEGER("an integer"),
    NUMBER("a decimal"),
    BOOLEAN("a boolean"),
    OBJECT("an object"),
    ARRAY("an array"),
    STRING_OR_ARRAY("one of a string or an array"),
    STRING_OR_OBJECT("one of a string or an object"),
    ANY("any value");

    final String expected;

    Type(String expected) {
      this.expected = expected;
    }

    boolean accepts(Object v) {
      switch (this) {
        case STRING: return v instanceof String;
        case INTEGER: return v instanceof Long || (v instanceof Double && (Double) v == Math.rint((Double) v));
        case NUMBER: return v instanceof Number;
        case BOOLEAN: return v instanceof Boolean;
        case OBJECT: return v instanceof Map;
        case ARRAY: return v instanceof List;
        case STRING_OR_ARRAY: return v instanceof String || v instanceof List;
        case STRING_OR_OBJECT: return v instanceof String || v instanceof Map;
        default: return true;
      }
    }
  }

  /** Parses a JSON request body that must be an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, @Nullable Object> body(IncomingRequest req, Codec codec) {
    Object tree;
    try {
      tree = req.body().length == 0 ? null : codec.read(req.body());
    } catch (RuntimeException e) {
      throw ApiError.invalid("We could not parse the JSON body of your request. (HINT: This likely means you aren't using "
          + "your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. "
          + "If you have trouble figuring out how to fix this, please contact us through our help center at "
          + "help.openai.com.)", null, null);
    }
    if (tree == null) {
      return new java.util.LinkedHashMap<>();
    }
    if (!(tree instanceof Map)) {
      throw ApiError.invalid("Invalid type for body: expected an object, but got " + Json.typeName(tree) + " instead.",
          null, "invalid_type");
    }
    return (Map<String, @Nullable Object>) tree;
  }

  /** Returns {@code raw} as a JSON object, or fails naming parameter {@code at} if it is something else. */
  @SuppressWarnings("unchecked")
  public static Map<String, @Nullable Object> object(@Nullable Object raw, String at) {
    if (!(raw instanceof Map)) {
      throw ApiError.invalidType(at, Type.OBJECT.expected, raw);
    }
    return (Map<String, @Nullable Object>) raw;
  }

  /** Rejects unknown parameters, missing required ones and values of the wrong type. */
  public static void check(Map<String, @Nullable Object> body, Map<String, Type> known, String... required) {
    checkNested(body, "", known, required);
  }

  /**
   * Like {@link #check(Map, Map, String...)} for an object nested in the body at {@code at} (such as
   * {@code chunking_strategy.static}); errors name the parameter by its whole path.
   */
  public static void checkNested(Map<String, @Nullable Object> object, String at, Map<String, Type> known,
      String... required) {
    String prefix = at.isEmpty() ? "" : at + ".";
    for (String r : required) {
      if (object.get(r) == null) {
        throw ApiError.missing(prefix + r);
      }
    }
    for (Map.Entry<String, @Nullable Object> e : object.entrySet()) {
      Type t = known.get(e.getKey());
      if (t == null) {
        throw ApiError.invalid("Unknown parameter: '" + prefix + e.getKey() + "'.", prefix + e.getKey(), "unknown_parameter");
      }
      if (e.getValue() != null && !t.accepts(e.getValue())) {
        throw ApiError.invalidType(prefix + e.getKey(), t.expected, e.getValue());
      }
    }
  }

  /** Rejects a decimal parameter outside {@code [min, max]}. */
  public static void range(Map<String, @Nullable Object> body, String key, double min, double max) {
    range(body, key, min, max, "decimal");
  }

  /** Rejects an integer parameter outside {@code [min, max]}. */
  public static void rangeInt(Map<String, @Nullable Object> body, String key, long min, long max) {
    range(body, key, min, max, "integer");
  }

  private static void range(Map<String, @Nullable Object> body, String key, double min, double max, String kind) {
    Object v = body.get(key);
    if (v instanceof Number) {
      range(key, ((Number) v).doubleValue(), min, max, kind);
    }
  }

  private static void range(String key, double d, double min, double max, String kind) {
    String got = num(d);
    if (d < min) {
      throw ApiError.invalid("Invalid '" + key + "': " + kind + " below minimum value. Expected a value >= " + num(min)
          + ", but got " + got + " instead.", key, kind + "_below_min_value");
    }
    if (d > max) {
      throw ApiError.invalid("Invalid '" + key + "': " + kind + " above maximum value. Expected a value <= " + num(max)
          + ", but got " + got + " instead.", key, kind + "_above_max_value");
    }
  }

  /**
   * Reads the integer {@code key} of a nested object {@code m} within {@code [min, max]}, or returns
   * {@code fallback} if it is absent and {@code fallback} is not null; errors name it {@code at.key}.
   */
  public static long integer(Map<String, @Nullable Object> m, String at, String key, long min, long max,
      @Nullable Long fallback) {
    String name = at.isEmpty() ? key : at + "." + key;
    Object v = m.get(key);
    if (v == null) {
      if (fallback == null) {
        throw ApiError.missing(name);
      }
      return fallback;
    }
    if (!Type.INTEGER.accepts(v)) {
      throw ApiError.invalidType(name, Type.INTEGER.expected, v);
    }
    range(name, ((Number) v).doubleValue(), min, max, "integer");
    return ((Number) v).longValue();
  }

  /** Rejects a decimal {@code value} of parameter {@code name} outside {@code [min, max]}. */
  public static void decimal(String name, double value, double min, double max) {
    range(name, value, min, max, "decimal");
  }

  /** Rejects an array parameter with fewer than {@code min} or more than {@code max} elements. */
  public static void arrayLength(Map<String, @Nullable Object> body, String key, int min, int max) {
    Object v = body.get(key);
    if (!(v instanceof List)) {
      return;
    }
    int n = ((List<?>) v).size();
    if (n < min) {
      throw ApiError.invalid("Invalid '" + key + "': empty array. Expected an array with minimum length " + min
          + ", but got an empty array instead.", key, "empty_array");
    }
    if (n > max) {
      throw ApiError.invalid("Invalid '" + key + "': array too long. Expected an array with maximum length " + max
          + ", but got an array with length " + n + " instead.", key, "array_above_max_length");
    }
  }

  /** Returns the elements of array parameter {@code key} (empty if absent), rejecting any that is not a string. */
  public static List<String> strings(Map<String, @Nullable Object> body, String key) {
    Object v = body.get(key);
    List<String> out = new ArrayList<>();
    if (v instanceof List) {
      List<?> list = (List<?>) v;
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof String)) {
          throw ApiError.invalidType(key + "[" + i + "]", Type.STRING.expected, list.get(i));
        }
        out.add((String) list.get(i));
      }
    }
    return out;
  }

  /** Reads an integer query parameter within {@code [min, max]}, or {@code fallback} if absent. */
  public static int queryInt(IncomingRequest req, String name, int fallback, int min, int max) {
    String raw = req.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    long v;
    try {
      v = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Invalid type for '" + name + "': expected an integer, but got a string instead.", name,
          "invalid_type");
    }
    if (v < min) {
      throw ApiError.invalid("Invalid '" + name + "': integer below minimum value. Expected a value >= " + min
          + ", but got " + v + " instead.", name, "integer_below_min_value");
    }
    if (v > max) {
      throw ApiError.invalid("Invalid '" + name + "': integer above maximum value. Expected a value <= " + max
          + ", but got " + v + " instead.", name, "integer_above_max_value");
    }
    return (int) v;
  }

  /** Reads {@code order} ({@code asc} or {@code desc}). */
  public static String order(IncomingRequest req, String fallback) {
    String o = req.queryParam("order");
    if (o == null || o.isEmpty()) {
      return fallback;
    }
    if (!o.equals("asc") && !o.equals("desc")) {
      throw ApiError.invalid("Invalid value: '" + o + "'. Supported values are: 'asc' and 'desc'.", "order", "invalid_value");
    }
    return o;
  }

  /** Checks {@code metadata}: at most 16 string values, keys up to 64 and values up to 512 characters. */
  public static void metadata(Map<String, @Nullable Object> body) {
    properties(body, "metadata", false);
  }

  /**
   * Checks {@code attributes} (of vector store files): at most 16 values, each a string up to 512
   * characters, a number or a boolean, under keys up to 64 characters.
   */
  public static void attributes(Map<String, @Nullable Object> body) {
    properties(body, "attributes", true);
  }

  private static void properties(Map<String, @Nullable Object> body, String param, boolean scalars) {
    Object m = body.get(param);
    if (!(m instanceof Map)) {
      return;
    }
    Map<?, ?> map = (Map<?, ?>) m;
    if (map.size() > 16) {
      throw ApiError.invalid("Invalid '" + param + "': too many properties. Expected an object with at most 16 properties, "
          + "but got an object with " + map.size() + " properties instead.", param, "object_above_max_properties");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.length() > 64) {
        throw ApiError.invalid("Invalid '" + param + "': string too long. Expected a key with maximum length 64, but got a "
            + "key with length " + key.length() + " instead.", param, "string_above_max_length");
      }
      Object v = e.getValue();
      if (scalars && (v instanceof Number || v instanceof Boolean)) {
        continue;
      }
      if (!(v instanceof String)) {
        throw ApiError.invalidType(param + "." + key, scalars ? "one of a string, a number or a boolean" : "a string", v);
      }
      if (((String) v).length() > 512) {
        throw ApiError.invalid("Invalid '" + param + "." + key + "': string too long. Expected a string with maximum length "
            + "512, but got a string with length " + ((String) v).length() + " instead.", param + "." + key,
            "string_above_max_length");
      }
    }
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
