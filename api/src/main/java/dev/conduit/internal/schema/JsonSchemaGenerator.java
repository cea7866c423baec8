package dev.conduit.internal.schema;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Derives the JSON Schemas that OpenAI's strict structured outputs and strict function tools accept
 * from Java records.
 *
 * <p>The root is a record; each record becomes {@code {"type":"object","properties":{...},
 * "required":[every component],"additionalProperties":false}} with properties named exactly like the
 * record components, in declaration order. Strings and {@code char} map to {@code string}, {@code
 * boolean} to {@code boolean}, integral types and {@code BigInteger} to {@code integer}, floating
 * types and {@code BigDecimal} to {@code number}, enums to a string {@code enum} of constant names,
 * and {@code List}, {@code Set}, {@code Collection} and arrays to {@code array}. Nested records go to
 * {@code $defs} at the root and are referenced by {@code $ref} ({@code "#"} for the root itself), so
 * recursive records work. A component or element carrying any annotation named {@code Nullable}
 * (type-use, such as JSpecify's, or declaration, such as JSR 305's) also admits {@code null} and
 * stays required. {@link dev.conduit.structured.Description} adds descriptions; because strict mode
 * does not take a {@code $ref} with sibling keywords, a described reference to a record is inlined.
 *
 * <p>Schemas are JSON trees (see {@link dev.conduit.json.JsonCodec}) made deeply unmodifiable. An
 * instance is thread-safe and caches the schema of each type it has seen.
 */
public final class JsonSchemaGenerator {
  private static final int MAX_NAME_LENGTH = 64;

  private final ConcurrentHashMap<Type, Map<String, Object>> cache = new ConcurrentHashMap<>();

  /** Creates a generator with an empty cache. */
  public JsonSchemaGenerator() {}

  /**
   * Returns the strict JSON Schema of {@code type}, for a {@code json_schema} response format.
   *
   * @throws IllegalArgumentException if {@code type} is not a non-generic record, or if a type it
   *     uses cannot be expressed in strict mode; the message names the type and the component path
   */
  public Map<String, Object> strictSchema(Type type) {
    Objects.requireNonNull(type, "type == null");
    return cached(type, "structured output");
  }

  /**
   * Returns the strict JSON Schema of a function tool's arguments, described by {@code recordType}.
   * It is the same schema as {@link #strictSchema}.
   *
   * @throws IllegalArgumentException as {@link #strictSchema} does
   */
  public Map<String, Object> functionParameters(Type recordType) {
    Objects.requireNonNull(recordType, "recordType == null");
    return cached(recordType, "function tool's parameters");
  }

  /**
   * Returns a schema or function name for {@code type}: its simple class name with every character
   * outside {@code [A-Za-z0-9_-]} replaced by {@code _}, cut to 64 characters.
   *
   * @throws IllegalArgumentException if {@code type} is neither a class nor a parameterized type
   */
  public static String schemaName(Type type) {
    Objects.requireNonNull(type, "type == null");
    Class<?> raw = rawClass(type);
    if (raw == null) {
      throw new IllegalArgumentException("not a class or parameterized type: " + type);
    }
    String simple = raw.getSimpleName();
    StringBuilder name = new StringBuilder(Math.min(simple.length(), MAX_NAME_LENGTH));
    for (int i = 0; i < simple.length() && name.length() < MAX_NAME_LENGTH; i++) {
      char c = simple.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-';
      name.append(allowed ? c : '_');
    }
    return name.length() == 0 ? "schema" : name.toString(); // only anonymous classes have no name
  }

  private Map<String, Object> cached(Type type, String role) {
    Map<String, Object> schema = cache.get(type);
    if (schema != null) {
      return schema;
    }
    // Built outside the map's lock: reflection is slow and may fail; a racing thread's result wins.
    Map<String, Object> built = new SchemaWalk(rootRecord(type, role)).schema();
    Map<String, Object> raced = cache.putIfAbsent(type, built);
    return raced != null ? raced : built;
  }

  private static Class<?> rootRecord(Type type, String role) {
    Class<?> raw = rawClass(type);
    if (raw != null && raw.isRecord()) {
      if (type instanceof ParameterizedType || raw.getTypeParameters().length > 0) {
        throw new IllegalArgumentException("generic record " + typeName(type)
            + " is not supported by strict structured outputs; use a record without type parameters");
      }
      return raw;
    }
    throw new IllegalArgumentException(
        typeName(type) + " is not a record; the root of a " + role + " schema must be a record");
  }

  static @Nullable Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  /** Names a type with simple names, as in {@code Map<String, Object>}, for error messages. */
  static String typeName(Type type) {
    if (type instanceof Class<?> c) {
      return c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
    }
    if (type instanceof ParameterizedType p) {
      StringJoiner args = new StringJoiner(", ", "<", ">");
      for (Type arg : p.getActualTypeArguments()) {
        args.add(typeName(arg));
      }
      return typeName(p.getRawType()) + args;
    }
    if (type instanceof GenericArrayType a) {
      return typeName(a.getGenericComponentType()) + "[]";
    }
    if (type instanceof WildcardType w) {
      if (w.getLowerBounds().length > 0) {
        return "? super " + typeName(w.getLowerBounds()[0]);
      }
      Type upper = w.getUpperBounds()[0];
      return upper == Object.class ? "?" : "? extends " + typeName(upper);
    }
    if (type instanceof TypeVariable<?> v) {
      return v.getName();
    }
    return type.getTypeName();
  }
}
