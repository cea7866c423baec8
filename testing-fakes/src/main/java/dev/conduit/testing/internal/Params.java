package dev.conduit.testing.internal;

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

  /** Rejects unknown parameters, missing required ones and values of the wrong type. */
  public static void check(Map<String, @Nullable Object> body, Map<String, Type> known, String... required) {
    for (String r : required) {
      if (body.get(r) == null) {
        throw ApiError.missing(r);
      }
    }
    for (Map.Entry<String, @Nullable Object> e : body.entrySet()) {
      Type t = known.get(e.getKey());
      if (t == null) {
        throw ApiError.invalid("Unknown parameter: '" + e.getKey() + "'.", e.getKey(), "unknown_parameter");
      }
      if (e.getValue() != null && !t.accepts(e.getValue())) {
        throw ApiError.invalidType(e.getKey(), t.expected, e.getValue());
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
    if (!(v instanceof Number)) {
      return;
    }
    double d = ((Number) v).doubleValue();
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
    Object m = body.get("metadata");
    if (!(m instanceof Map)) {
      return;
    }
    Map<?, ?> map = (Map<?, ?>) m;
    if (map.size() > 16) {
      throw ApiError.invalid("Invalid 'metadata': too many properties. Expected an object with at most 16 properties, "
          + "but got an object with " + map.size() + " properties instead.", "metadata", "object_above_max_properties");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.length() > 64) {
        throw ApiError.invalid("Invalid 'metadata': string too long. Expected a key with maximum length 64, but got a key "
            + "with length " + key.length() + " instead.", "metadata", "string_above_max_length");
      }
      if (!(e.getValue() instanceof String)) {
        throw ApiError.invalidType("metadata." + key, "a string", e.getValue());
      }
      if (((String) e.getValue()).length() > 512) {
        throw ApiError.invalid("Invalid 'metadata." + key + "': string too long. Expected a string with maximum length 512, "
            + "but got a string with length " + ((String) e.getValue()).length() + " instead.", "metadata." + key,
            "string_above_max_length");
      }
    }
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
