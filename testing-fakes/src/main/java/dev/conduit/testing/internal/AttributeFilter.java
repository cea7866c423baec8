package dev.conduit.testing.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code filters} of a vector store search, over the {@code attributes} of its files: a
 * comparison ({@code eq}, {@code ne}, {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code in},
 * {@code nin} of {@code key} against {@code value}) or a compound ({@code and}, {@code or}) of
 * filters, nested at will. A file without the key matches no comparison, not even {@code ne} or
 * {@code nin}. Numbers compare by value ({@code 3} equals {@code 3.0}); ordering comparisons need a
 * number on both sides.
 */
final class AttributeFilter {
  private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "nin");
  private static final String SUPPORTED = "Supported values are: 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', "
      + "'and' and 'or'.";

  private final Map<String, @Nullable Object> filter;

  private AttributeFilter(Map<String, @Nullable Object> filter) {
    this.filter = filter;
  }

  /** Validates the {@code filters} parameter found at {@code param}; null when it is absent. */
  static @Nullable AttributeFilter parse(@Nullable Object raw, String param) {
    if (raw == null) {
      return null;
    }
    check(raw, param);
    return new AttributeFilter(Params.object(raw, param));
  }

  private static void check(@Nullable Object raw, String at) {
    Map<String, @Nullable Object> f = Params.object(raw, at);
    Object type = f.get("type");
    if (type == null) {
      throw ApiError.missing(at + ".type");
    }
    if ("and".equals(type) || "or".equals(type)) {
      Params.checkNested(f, at, Map.of("type", Params.Type.STRING, "filters", Params.Type.ARRAY), "filters");
      List<@Nullable Object> nested = Json.listAt(f, "filters");
      for (int i = 0; i < nested.size(); i++) {
        check(nested.get(i), at + ".filters[" + i + "]");
      }
      return;
    }
    if (!COMPARISONS.contains(type)) {
      throw ApiError.invalidValue(at + ".type", type, SUPPORTED);
    }
    Params.checkNested(f, at, Map.of("type", Params.Type.STRING, "key", Params.Type.STRING, "value", Params.Type.ANY),
        "key", "value");
    Object value = f.get("value");
    boolean list = "in".equals(type) || "nin".equals(type);
    if (list != value instanceof List) {
      throw ApiError.invalidType(at + ".value", list ? "an array" : "one of a string, a number or a boolean", value);
    }
    if (list) {
      List<?> values = (List<?>) value;
      for (int i = 0; i < values.size(); i++) {
        if (!(values.get(i) instanceof String || values.get(i) instanceof Number)) {
          throw ApiError.invalidType(at + ".value[" + i + "]", "one of a string or a number", values.get(i));
        }
      }
    } else if (value instanceof Map) {
      throw ApiError.invalidType(at + ".value", "one of a string, a number or a boolean", value);
    }
  }

  /** Returns true if a file with {@code attributes} passes the filter. */
  boolean matches(Map<String, @Nullable Object> attributes) {
    return matches(filter, attributes);
  }

  private static boolean matches(Map<String, @Nullable Object> f, Map<String, @Nullable Object> attributes) {
    String type = Json.strAt(f, "type");
    if ("and".equals(type) || "or".equals(type)) {
      boolean and = type.equals("and");
      for (Map<String, @Nullable Object> nested : Json.objects(Json.listAt(f, "filters"))) {
        if (matches(nested, attributes) != and) {
          return !and;
        }
      }
      return and;
    }
    Object actual = attributes.get(Json.strAt(f, "key"));
    if (actual == null) {
      return false;
    }
    Object expected = f.get("value");
    switch (Objects.requireNonNull(type)) {
      case "eq":
        return same(actual, expected);
      case "ne":
        return !same(actual, expected);
      case "in":
        return ((List<?>) expected).stream().anyMatch(v -> same(actual, v));
      case "nin":
        return ((List<?>) expected).stream().noneMatch(v -> same(actual, v));
      default:
        if (!(actual instanceof Number) || !(expected instanceof Number)) {
          return false;
        }
        int c = Double.compare(((Number) actual).doubleValue(), ((Number) expected).doubleValue());
        return type.equals("gt") ? c > 0 : type.equals("gte") ? c >= 0 : type.equals("lt") ? c < 0 : c <= 0;
    }
  }

  private static boolean same(Object a, @Nullable Object b) {
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    return a.equals(b);
  }
}
