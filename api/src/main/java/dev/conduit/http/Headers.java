package dev.conduit.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, case-insensitive, multi-valued collection of HTTP header fields, in the order they
 * were added.
 *
 * <p>Names are compared ignoring ASCII case; {@link #names()} returns them lower-cased. Values are
 * kept exactly as given. Instances are thread-safe.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(Collections.emptyMap());

  private final Map<String, List<String>> map; // lower-case name -> values

  private Headers(Map<String, List<String>> map) {
    this.map = map;
  }

  /** Returns a collection with no header fields. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Returns headers built from alternating name/value pairs, e.g. {@code of("a", "1", "b", "2")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected alternating names and values: " + namesAndValues.length);
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /** Returns headers holding every value of {@code multimap}, keyed by (any-case) name. */
  public static Headers of(Map<String, ? extends List<String>> multimap) {
    Builder b = builder();
    multimap.forEach((name, values) -> {
      for (String v : values) {
        b.add(name, v);
      }
    });
    return b.build();
  }

  /** Returns a new empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these headers. */
  public Builder newBuilder() {
    Builder b = new Builder();
    map.forEach((k, v) -> b.map.put(k, new ArrayList<>(v)));
    return b;
  }

  /** Returns the first value of {@code name}, or null if the field is absent. */
  public @Nullable String first(String name) {
    List<String> values = map.get(lower(name));
    return values == null ? null : values.get(0);
  }

  /** Returns every value of {@code name} in order; empty if the field is absent. */
  public List<String> all(String name) {
    List<String> values = map.get(lower(name));
    return values == null ? List.of() : values;
  }

  /** Returns true if at least one value of {@code name} is present. */
  public boolean contains(String name) {
    return map.containsKey(lower(name));
  }

  /** Returns the lower-cased field names, in insertion order. */
  public Set<String> names() {
    return map.keySet();
  }

  /** Returns the fields as an unmodifiable map from lower-cased name to values. */
  public Map<String, List<String>> toMap() {
    return map;
  }

  /** Returns the number of distinct field names. */
  public int size() {
    return map.size();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Headers && ((Headers) o).map.equals(map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  /** Returns the header names only; values may hold secrets and are never printed. */
  @Override
  public String toString() {
    return "Headers" + map.keySet();
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** A mutable builder of {@link Headers}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, List<String>> map = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a value to {@code name}, keeping existing values. */
    public Builder add(String name, String value) {
      checkName(name);
      Objects.requireNonNull(value, "value == null");
      map.computeIfAbsent(lower(name), k -> new ArrayList<>(1)).add(value);
      return this;
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Builder set(String name, String value) {
      checkName(name);
      Objects.requireNonNull(value, "value == null");
      List<String> values = new ArrayList<>(1);
      values.add(value);
      map.put(lower(name), values);
      return this;
    }

    /** Adds every field of {@code headers}, keeping existing values. */
    public Builder addAll(Headers headers) {
      headers.map.forEach((k, vs) -> map.computeIfAbsent(k, x -> new ArrayList<>(vs.size())).addAll(vs));
      return this;
    }

    /** Removes every value of {@code name}. */
    public Builder remove(String name) {
      map.remove(lower(name));
      return this;
    }

    /** Returns the first value currently held for {@code name}, or null. */
    public @Nullable String first(String name) {
      List<String> values = map.get(lower(name));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Returns an immutable snapshot of the fields added so far. */
    public Headers build() {
      if (map.isEmpty()) {
        return EMPTY;
      }
      Map<String, List<String>> copy = new LinkedHashMap<>(map.size() * 2);
      map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new Headers(Collections.unmodifiableMap(copy));
    }

    private static void checkName(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name is empty");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= ' ' || c >= 0x7f || c == ':') {
          throw new IllegalArgumentException("unexpected char 0x" + Integer.toHexString(c) + " in header name: " + name);
        }
      }
    }
  }
}
