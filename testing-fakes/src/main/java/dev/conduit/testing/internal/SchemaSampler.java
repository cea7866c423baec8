package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Produces a deterministic JSON value (tree form) that conforms to a JSON Schema of the kind used
 * for structured outputs and function parameters: {@code type} (also as a list), {@code properties}
 * (all of them are filled, as strict mode requires), {@code items}, {@code enum}, {@code const},
 * {@code anyOf}/{@code oneOf}/{@code allOf}, local {@code $ref}s, string {@code format}s and numeric
 * and length bounds. {@code pattern} is not honoured.
 */
public final class SchemaSampler {
  private static final int MAX_DEPTH = 12;

  private final Map<String, @Nullable Object> root;

  private SchemaSampler(Map<String, @Nullable Object> root) {
    this.root = root;
  }

  /** Returns a value conforming to {@code schema}; a null schema means "any", sampled as an empty object. */
  public static @Nullable Object sample(@Nullable Map<String, @Nullable Object> schema) {
    if (schema == null) {
      return new LinkedHashMap<String, Object>();
    }
    return new SchemaSampler(schema).value(schema, null, 0);
  }

  private @Nullable Object value(Map<String, @Nullable Object> schema, @Nullable String name, int depth) {
    Map<String, @Nullable Object> s = resolve(schema, 0);
    if (s.containsKey("const")) {
      return Json.copy(s.get("const"));
    }
    List<@Nullable Object> en = Json.listAt(s, "enum");
    if (en != null && !en.isEmpty()) {
      for (Object v : en) {
        if (v != null) {
          return Json.copy(v);
        }
      }
      return null;
    }
    if (s.containsKey("default") && depth > 0 && s.get("default") != null) {
      return Json.copy(s.get("default"));
    }
    for (String union : new String[] {"anyOf", "oneOf"}) {
      List<Map<String, @Nullable Object>> branches = Json.objects(Json.listAt(s, union));
      if (!branches.isEmpty()) {
        Map<String, @Nullable Object> pick = branches.get(0);
        for (Map<String, @Nullable Object> b : branches) {
          if (!"null".equals(resolve(b, 0).get("type"))) {
            pick = b;
            break;
          }
        }
        return value(pick, name, depth + 1);
      }
    }
    List<Map<String, @Nullable Object>> all = Json.objects(Json.listAt(s, "allOf"));
    if (!all.isEmpty()) {
      Map<String, @Nullable Object> merged = new LinkedHashMap<>(s);
      merged.remove("allOf");
      Map<String, @Nullable Object> props = new LinkedHashMap<>();
      Map<String, @Nullable Object> own = Json.objAt(s, "properties");
      if (own != null) {
        props.putAll(own);
      }
      for (Map<String, @Nullable Object> b : all) {
        Map<String, @Nullable Object> rb = resolve(b, 0);
        rb.forEach(merged::putIfAbsent);
        Map<String, @Nullable Object> bp = Json.objAt(rb, "properties");
        if (bp != null) {
          props.putAll(bp);
        }
      }
      if (!props.isEmpty()) {
        merged.put("properties", props);
        merged.putIfAbsent("type", "object");
      }
      return value(merged, name, depth + 1);
    }
    String type = type(s);
    if (depth > MAX_DEPTH) {
      return shallow(type, s);
    }
    switch (type) {
      case "object":
        return object(s, depth);
      case "array":
        return array(s, name, depth);
      case "string":
        return string(s, name);
      case "integer":
        return integer(s);
      case "number":
        return number(s);
      case "boolean":
        return Boolean.TRUE;
      case "null":
        return null;
      default:
        return new LinkedHashMap<String, Object>();
    }
  }

  private Map<String, @Nullable Object> object(Map<String, @Nullable Object> s, int depth) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    Map<String, @Nullable Object> props = Json.objAt(s, "properties");
    if (props != null) {
      for (Map.Entry<String, @Nullable Object> e : props.entrySet()) {
        if (e.getValue() instanceof Map) {
          @SuppressWarnings("unchecked")
          Map<String, @Nullable Object> ps = (Map<String, @Nullable Object>) e.getValue();
          out.put(e.getKey(), value(ps, e.getKey(), depth + 1));
        } else {
          out.put(e.getKey(), e.getKey());
        }
      }
    }
    return out;
  }

  private List<@Nullable Object> array(Map<String, @Nullable Object> s, @Nullable String name, int depth) {
    List<@Nullable Object> out = new ArrayList<>();
    long min = Json.longAt(s, "minItems", 0);
    long max = Json.longAt(s, "maxItems", Long.MAX_VALUE);
    long n = Math.min(Math.max(min, 1), max);
    List<Map<String, @Nullable Object>> prefix = Json.objects(Json.listAt(s, "prefixItems"));
    Map<String, @Nullable Object> items = Json.objAt(s, "items");
    for (int i = 0; i < n; i++) {
      Map<String, @Nullable Object> item = i < prefix.size() ? prefix.get(i) : items;
      out.add(item == null ? "item" : value(item, name, depth + 1));
    }
    return out;
  }

  private static String string(Map<String, @Nullable Object> s, @Nullable String name) {
    String format = Json.strAt(s, "format");
    String v;
    if (format == null) {
      v = name == null ? "string" : name;
    } else {
      switch (format) {
        case "date-time": v = "2025-01-01T00:00:00Z"; break;
        case "date": v = "2025-01-01"; break;
        case "time": v = "12:00:00"; break;
        case "duration": v = "P1D"; break;
        case "email": v = "user@example.com"; break;
        case "hostname": v = "example.com"; break;
        case "ipv4": v = "127.0.0.1"; break;
        case "ipv6": v = "::1"; break;
        case "uuid": v = "00000000-0000-4000-8000-000000000000"; break;
        case "uri": case "url": case "iri": v = "https://example.com/"; break;
        default: v = name == null ? "string" : name;
      }
    }
    long min = Json.longAt(s, "minLength", 0);
    long max = Json.longAt(s, "maxLength", Long.MAX_VALUE);
    StringBuilder sb = new StringBuilder(v);
    while (sb.length() < min) {
      sb.append('x');
    }
    if (sb.length() > max) {
      sb.setLength((int) max);
    }
    return sb.toString();
  }

  private static Long integer(Map<String, @Nullable Object> s) {
    double lo = bound(s, "minimum", "exclusiveMinimum", true);
    double hi = bound(s, "maximum", "exclusiveMaximum", false);
    long v = 0;
    if (!Double.isNaN(lo) && v < lo) {
      v = (long) Math.ceil(lo);
    }
    if (!Double.isNaN(hi) && v > hi) {
      v = (long) Math.floor(hi);
    }
    return v;
  }

  private static Double number(Map<String, @Nullable Object> s) {
    double lo = bound(s, "minimum", "exclusiveMinimum", true);
    double hi = bound(s, "maximum", "exclusiveMaximum", false);
    double v = 0.0;
    if (!Double.isNaN(lo) && v < lo) {
      v = lo;
    }
    if (!Double.isNaN(hi) && v > hi) {
      v = hi;
    }
    return v;
  }

  private static double bound(Map<String, @Nullable Object> s, String inclusive, String exclusive, boolean lower) {
    Object inc = s.get(inclusive);
    Object exc = s.get(exclusive);
    if (exc instanceof Number) {
      double e = ((Number) exc).doubleValue();
      return lower ? (e == Math.rint(e) ? e + 1 : e + 0.5) : (e == Math.rint(e) ? e - 1 : e - 0.5);
    }
    return inc instanceof Number ? ((Number) inc).doubleValue() : Double.NaN;
  }

  private static @Nullable Object shallow(String type, Map<String, @Nullable Object> s) {
    switch (type) {
      case "array": return new ArrayList<>();
      case "string": return string(s, null);
      case "integer": return integer(s);
      case "number": return number(s);
      case "boolean": return Boolean.TRUE;
      case "null": return null;
      default: return new LinkedHashMap<String, Object>();
    }
  }

  private static String type(Map<String, @Nullable Object> s) {
    Object t = s.get("type");
    if (t instanceof String) {
      return (String) t;
    }
    if (t instanceof List) {
      String first = null;
      for (Object o : (List<?>) t) {
        if (o instanceof String && !"null".equals(o)) {
          return (String) o;
        }
        if (o instanceof String && first == null) {
          first = (String) o;
        }
      }
      return first == null ? "object" : first;
    }
    if (s.containsKey("properties")) {
      return "object";
    }
    if (s.containsKey("items") || s.containsKey("prefixItems")) {
      return "array";
    }
    return "object";
  }

  private Map<String, @Nullable Object> resolve(Map<String, @Nullable Object> schema, int hops) {
    String ref = Json.strAt(schema, "$ref");
    if (ref == null || hops > 32) {
      return schema;
    }
    if (!ref.startsWith("#")) {
      return new LinkedHashMap<>(); // remote refs are not followed: any value
    }
    Object at = root;
    for (String token : ref.substring(1).split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      String key = token.replace("~1", "/").replace("~0", "~");
      at = at instanceof Map ? ((Map<?, ?>) at).get(key) : null;
    }
    if (!(at instanceof Map)) {
      return new LinkedHashMap<>();
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> target = (Map<String, @Nullable Object>) at;
    if (schema.size() > 1) {
      Map<String, @Nullable Object> merged = new LinkedHashMap<>(resolve(target, hops + 1));
      schema.forEach((k, v) -> {
        if (!k.equals("$ref")) {
          merged.put(k, v);
        }
      });
      return merged;
    }
    return resolve(target, hops + 1);
  }
}
