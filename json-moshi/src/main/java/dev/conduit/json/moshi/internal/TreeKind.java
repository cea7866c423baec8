package dev.conduit.json.moshi.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Java types that bind to the JSON tree form instead of to Moshi's own map/list/number adapters. */
public enum TreeKind {
  /** {@code Object}: any JSON value. */
  ANY("a JSON value"),
  /** {@code Map<String, Object>} and its raw or wildcard forms: a JSON object. */
  OBJECT("an object"),
  /** {@code List<Object>}, {@code Collection<Object>} and raw or wildcard forms: a JSON array. */
  ARRAY("an array");

  final String description;

  TreeKind(String description) {
    this.description = description;
  }

  /** Returns the tree kind {@code type} binds to, or null if it is not a tree type. */
  public static @Nullable TreeKind of(Type type) {
    if (type == Object.class) return ANY;
    if (type instanceof Class<?> raw) {
      if (isMap(raw)) return OBJECT;
      if (isList(raw)) return ARRAY;
      return null;
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] args = parameterized.getActualTypeArguments();
      if (isMap(raw) && args.length == 2 && (args[0] == String.class || isObject(args[0]))
          && isObject(args[1])) {
        return OBJECT;
      }
      if (isList(raw) && args.length == 1 && isObject(args[0])) return ARRAY;
      return null;
    }
    if (type instanceof WildcardType && isObject(type)) return ANY;
    return null;
  }

  private static boolean isMap(Class<?> raw) {
    return raw == Map.class || raw == LinkedHashMap.class || raw == HashMap.class;
  }

  private static boolean isList(Class<?> raw) {
    return raw == List.class || raw == ArrayList.class || raw == Collection.class
        || raw == Iterable.class;
  }

  private static boolean isObject(Type type) {
    if (type == Object.class) return true;
    return type instanceof WildcardType wildcard
        && wildcard.getLowerBounds().length == 0
        && wildcard.getUpperBounds().length == 1
        && wildcard.getUpperBounds()[0] == Object.class;
  }
}
