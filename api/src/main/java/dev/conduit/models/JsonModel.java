package dev.conduit.models;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The base of every API object: an immutable, typed view over the JSON object it was decoded from
 * or built as.
 *
 * <p>Because the JSON object itself is kept, nothing a server sends is lost: fields this version of
 * Conduit does not know are readable with {@link #jsonField(String)} and are sent back unchanged when
 * the object is re-serialized; a present {@code null} stays distinct from an absent field
 * ({@link #hasField(String)}). Decoding never fails because a provider omitted a field: a typed
 * getter of a required field that is absent (or holds the wrong JSON type) throws
 * {@link InvalidResponseException} naming the field, and the rest of the object stays usable.
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares the JSON content.
 */
public abstract class JsonModel {
  private final Map<String, @Nullable Object> json;

  /** For subclasses: {@code json} must already be frozen (deeply unmodifiable). */
  protected JsonModel(Map<String, @Nullable Object> json) {
    this.json = Objects.requireNonNull(json, "json == null");
  }

  /** Returns the whole JSON object, including fields unknown to this class; unmodifiable. */
  public final Map<String, @Nullable Object> toJson() {
    return json;
  }

  /**
   * Returns a field in JSON tree form (see {@link dev.conduit.json.JsonCodec}), known or not, or null
   * if it is absent or null.
   */
  public final @Nullable Object jsonField(String name) {
    return json.get(name);
  }

  /** Returns true if the JSON object has {@code name}, even with a null value. */
  public final boolean hasField(String name) {
    return json.containsKey(name);
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass() && ((JsonModel) o).json.equals(json);
  }

  @Override
  public final int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + Json.toDebugString(json, 200);
  }

  // ---- typed reads for subclasses -----------------------------------------------------------

  private String where(String name) {
    return getClass().getSimpleName() + "." + name;
  }

  // The type checks below name the field only when they fail: building the name eagerly cost
  // a string concatenation on every getter call (a tenth of a streamed event's CPU time).

  private String where(String name, int index) {
    return index < 0 ? where(name) : where(name) + "[" + index + "]";
  }

  private String asString(@Nullable Object v, String name, int index) {
    return v instanceof String ? (String) v : Json.asString(v, where(name, index));
  }

  private long asLong(@Nullable Object v, String name, int index) {
    return v instanceof Long ? (Long) v : Json.asLong(v, where(name, index));
  }

  private double asDouble(@Nullable Object v, String name, int index) {
    return v instanceof Double ? (Double) v : Json.asDouble(v, where(name, index));
  }

  private boolean asBoolean(@Nullable Object v, String name, int index) {
    return v instanceof Boolean ? (Boolean) v : Json.asBoolean(v, where(name, index));
  }

  @SuppressWarnings("unchecked")
  private Map<String, @Nullable Object> asObject(@Nullable Object v, String name, int index) {
    return v instanceof Map ? (Map<String, @Nullable Object>) v : Json.asObject(v, where(name, index));
  }

  @SuppressWarnings("unchecked")
  private List<@Nullable Object> asArray(@Nullable Object v, String name, int index) {
    return v instanceof List ? (List<@Nullable Object>) v : Json.asArray(v, where(name, index));
  }

  private Object required(String name) {
    Object v = json.get(name);
    if (v == null) {
      throw new InvalidResponseException(
          where(name) + " is " + (json.containsKey(name) ? "null" : "absent") + " in the JSON, but the API declares it required",
          0, null, "", null);
    }
    return v;
  }

  protected final String string(String name) {
    return asString(required(name), name, -1);
  }

  protected final @Nullable String stringOrNull(String name) {
    Object v = json.get(name);
    return v == null ? null : asString(v, name, -1);
  }

  protected final long longValue(String name) {
    return asLong(required(name), name, -1);
  }

  protected final @Nullable Long longOrNull(String name) {
    Object v = json.get(name);
    return v == null ? null : asLong(v, name, -1);
  }

  protected final double doubleValue(String name) {
    return asDouble(required(name), name, -1);
  }

  protected final @Nullable Double doubleOrNull(String name) {
    Object v = json.get(name);
    return v == null ? null : asDouble(v, name, -1);
  }

  protected final boolean booleanValue(String name) {
    return asBoolean(required(name), name, -1);
  }

  protected final @Nullable Boolean booleanOrNull(String name) {
    Object v = json.get(name);
    return v == null ? null : asBoolean(v, name, -1);
  }

  protected final <T> T object(String name, Function<Map<String, @Nullable Object>, T> factory) {
    return factory.apply(asObject(required(name), name, -1));
  }

  protected final <T> @Nullable T objectOrNull(String name, Function<Map<String, @Nullable Object>, T> factory) {
    Object v = json.get(name);
    return v == null ? null : factory.apply(asObject(v, name, -1));
  }

  protected final <E extends OpenEnum> E enumValue(String name, Function<String, E> factory) {
    return factory.apply(string(name));
  }

  protected final <E extends OpenEnum> @Nullable E enumOrNull(String name, Function<String, E> factory) {
    String s = stringOrNull(name);
    return s == null ? null : factory.apply(s);
  }

  /** Returns a list of objects; an absent or null field reads as an empty list. */
  protected final <T> List<T> objectList(String name, Function<Map<String, @Nullable Object>, T> factory) {
    Object v = json.get(name);
    if (v == null) {
      return List.of();
    }
    List<@Nullable Object> raw = asArray(v, name, -1);
    List<T> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(factory.apply(asObject(raw.get(i), name, i)));
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns a list of strings; an absent or null field reads as an empty list. */
  protected final List<String> stringList(String name) {
    Object v = json.get(name);
    if (v == null) {
      return List.of();
    }
    List<@Nullable Object> raw = asArray(v, name, -1);
    List<String> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(asString(raw.get(i), name, i));
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns a required object field as its JSON tree, for a generated getter to view as a model. */
  protected final Map<String, @Nullable Object> objectTree(String name) {
    return asObject(required(name), name, -1);
  }

  /** Returns an object field as its JSON tree, or null if it is absent or null. */
  protected final @Nullable Map<String, @Nullable Object> objectTreeOrNull(String name) {
    Object v = json.get(name);
    return v == null ? null : asObject(v, name, -1);
  }

  /** Returns a list of integers; an absent or null field reads as an empty list. */
  protected final List<Long> longList(String name) {
    List<@Nullable Object> raw = anyList(name);
    List<Long> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(asLong(raw.get(i), name, i));
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns a list of numbers; an absent or null field reads as an empty list. */
  protected final List<Double> doubleList(String name) {
    List<@Nullable Object> raw = anyList(name);
    List<Double> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(asDouble(raw.get(i), name, i));
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns a list of open-enum values; an absent or null field reads as an empty list. */
  protected final <E extends OpenEnum> List<E> enumList(String name, Function<String, E> factory) {
    List<@Nullable Object> raw = anyList(name);
    List<E> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(factory.apply(asString(raw.get(i), name, i)));
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns a list of JSON trees as they are (unmodifiable); an absent or null field reads as empty. */
  protected final List<@Nullable Object> anyList(String name) {
    Object v = json.get(name);
    return v == null ? List.of() : asArray(v, name, -1);
  }

  /** Returns an object field as an unmodifiable map of trees; absent or null reads as empty. */
  protected final Map<String, @Nullable Object> mapOrEmpty(String name) {
    Object v = json.get(name);
    return v == null ? Map.of() : asObject(v, name, -1);
  }

  /** Returns a map of string values (e.g. {@code metadata}); absent or null reads as empty. */
  protected final Map<String, String> stringMap(String name) {
    Map<String, @Nullable Object> raw = mapOrEmpty(name);
    Map<String, String> out = new LinkedHashMap<>();
    raw.forEach((k, val) -> out.put(k, val instanceof String ? (String) val : Json.asString(val, where(name) + "." + k)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * A builder of a {@link JsonModel}. Typed setters store JSON trees; {@link #putJsonField} sets any
   * field, known or not, which is how to send a parameter this version of Conduit does not know yet.
   *
   * @param <B> the concrete builder type
   * @param <M> the model type built
   */
  public abstract static class Builder<B extends Builder<B, M>, M extends JsonModel> {
    /** The JSON object being built; typed setters of subclasses write to it. */
    protected final Map<String, @Nullable Object> json;

    protected Builder() {
      this.json = new LinkedHashMap<>();
    }

    protected Builder(JsonModel from) {
      this.json = new LinkedHashMap<>(from.toJson());
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /**
     * Sets a typed field: {@code value} is converted to its JSON form; null removes the field (use
     * {@link #putJsonField} to send an explicit JSON null).
     */
    protected final B set(String name, @Nullable Object value) {
      if (value == null) {
        json.remove(name);
      } else {
        json.put(name, Json.toTree(value));
      }
      return self();
    }

    /** Appends {@code value} to the JSON array in field {@code name}, creating it if needed. */
    protected final B append(String name, Object value) {
      Objects.requireNonNull(value, name + " element == null");
      Object existing = json.get(name);
      List<@Nullable Object> list = new ArrayList<>();
      if (existing instanceof List) {
        list.addAll((List<?>) existing);
      }
      list.add(Json.toTree(value));
      json.put(name, Collections.unmodifiableList(list));
      return self();
    }

    /**
     * Sets field {@code name} to {@code value}, converted to JSON (models, open enums, maps, lists,
     * strings, numbers, booleans); null sends an explicit JSON {@code null}.
     *
     * @throws IllegalArgumentException if {@code value} has no JSON form
     */
    public final B putJsonField(String name, @Nullable Object value) {
      Objects.requireNonNull(name, "name == null");
      json.put(name, Json.toTree(value));
      return self();
    }

    /** Removes field {@code name}, known or not. */
    public final B removeJsonField(String name) {
      json.remove(name);
      return self();
    }

    /** Throws {@link IllegalStateException} naming {@code name} if it was not set. */
    protected final void require(String name) {
      if (!json.containsKey(name)) {
        throw new IllegalStateException(name + " is required but was not set");
      }
    }

    /** Returns a frozen copy of the fields set so far, for {@link #build()}. */
    protected final Map<String, @Nullable Object> frozenJson() {
      return Json.freezeMap(new LinkedHashMap<>(json));
    }

    /** Returns the immutable model. */
    public abstract M build();
  }
}
