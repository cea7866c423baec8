package dev.conduit.internal.schema;

import static dev.conduit.internal.schema.JsonSchemaGenerator.rawClass;
import static dev.conduit.internal.schema.JsonSchemaGenerator.typeName;

import dev.conduit.structured.Description;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One schema derivation for one root record; not thread-safe, used once. Walks the record graph into
 * mutable maps, then copies the result into an unmodifiable tree, inlining described {@code $ref}s
 * and keeping only the {@code $defs} still referenced.
 */
final class SchemaWalk {
  private static final String ROOT_REF = "#";
  private static final String DEFS_PREFIX = "#/$defs/";

  private static final Map<Class<?>, String> SCALARS = Map.ofEntries(
      Map.entry(String.class, "string"),
      Map.entry(char.class, "string"),
      Map.entry(Character.class, "string"),
      Map.entry(boolean.class, "boolean"),
      Map.entry(Boolean.class, "boolean"),
      Map.entry(byte.class, "integer"),
      Map.entry(Byte.class, "integer"),
      Map.entry(short.class, "integer"),
      Map.entry(Short.class, "integer"),
      Map.entry(int.class, "integer"),
      Map.entry(Integer.class, "integer"),
      Map.entry(long.class, "integer"),
      Map.entry(Long.class, "integer"),
      Map.entry(BigInteger.class, "integer"),
      Map.entry(float.class, "number"),
      Map.entry(Float.class, "number"),
      Map.entry(double.class, "number"),
      Map.entry(Double.class, "number"),
      Map.entry(BigDecimal.class, "number"));

  private static final Set<Class<?>> COLLECTIONS = Set.of(List.class, Set.class, Collection.class);
  private static final Set<Class<?>> OPTIONALS =
      Set.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);

  private final Class<?> root;
  /** The {@code $ref} of each record seen: {@code "#"} for the root, else {@code "#/$defs/Name"}. */
  private final Map<Class<?>, String> refs = new HashMap<>();
  /** Object schemas by {@code $ref}, root first, then definitions in discovery order. */
  private final Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();

  SchemaWalk(Class<?> root) {
    this.root = root;
  }

  Map<String, Object> schema() {
    Map<String, Object> rootBody = new LinkedHashMap<>();
    refs.put(root, ROOT_REF);
    bodies.put(ROOT_REF, rootBody);
    object(rootBody, root, typeName(root));

    Map<String, Object> result = new LinkedHashMap<>(resolve(rootBody));
    Map<String, Object> defs = reachableDefs(result);
    if (!defs.isEmpty()) {
      result.put("$defs", Collections.unmodifiableMap(defs));
    }
    return Collections.unmodifiableMap(result);
  }

  // ---- Walking the record graph ----

  private void object(Map<String, Object> body, Class<?> record, String path) {
    body.put("type", "object");
    String description = description(record);
    if (description != null) {
      body.put("description", description);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    for (RecordComponent component : record.getRecordComponents()) {
      String name = component.getName();
      properties.put(name, property(component, path + "." + name));
      required.add(name);
    }
    body.put("properties", properties);
    body.put("required", required);
    body.put("additionalProperties", Boolean.FALSE);
  }

  private Map<String, Object> property(RecordComponent component, String path) {
    AnnotatedType type = component.getAnnotatedType();
    boolean nullable = isNullable(type) || declaredNullable(component);
    String description = description(component);
    if (description == null) {
      description = description(component.getAccessor());
    }
    return node(type, nullable, description, path);
  }

  private Map<String, Object> node(
      AnnotatedType annotated, boolean nullable, @Nullable String description, String path) {
    Type type = annotated.getType();
    Map<String, Object> schema;
    if (annotated instanceof AnnotatedArrayType array) {
      schema = array(array.getAnnotatedGenericComponentType(), path);
    } else if (type instanceof Class<?> c && SCALARS.containsKey(c)) {
      if (nullable && c.isPrimitive()) {
        throw new IllegalArgumentException(path + ": @Nullable " + c.getName()
            + " can never be null; use " + typeName(boxed(c)));
      }
      schema = typeNode(SCALARS.get(c));
    } else if (type instanceof Class<?> c && c.isEnum()) {
      schema = enumeration(c, path);
      if (description == null) {
        description = description(c);
      }
    } else if (type instanceof Class<?> c && c.isRecord() && c.getTypeParameters().length == 0) {
      schema = reference(c, path);
    } else if (type instanceof ParameterizedType p
        && COLLECTIONS.contains(p.getRawType())
        && annotated instanceof AnnotatedParameterizedType collection) {
      schema = array(collection.getAnnotatedActualTypeArguments()[0], path);
    } else {
      throw unsupported(type, path);
    }
    if (nullable) {
      schema = orNull(schema);
    }
    if (description != null) {
      // A bare $ref keeps its description beside it until resolve() inlines the definition.
      schema = schema.containsKey("$ref") ? withEntry(schema, "description", description)
          : described(schema, description);
    }
    return schema;
  }

  private Map<String, Object> array(AnnotatedType item, String path) {
    Map<String, Object> schema = typeNode("array");
    schema.put("items", node(item, isNullable(item), null, path + "[]"));
    return schema;
  }

  private static Map<String, Object> enumeration(Class<?> type, String path) {
    Object[] constants = type.getEnumConstants();
    if (constants.length == 0) {
      throw new IllegalArgumentException(path + ": enum " + typeName(type)
          + " has no constants; strict structured outputs need at least one value");
    }
    List<Object> names = new ArrayList<>(constants.length);
    for (Object constant : constants) {
      names.add(((Enum<?>) constant).name());
    }
    Map<String, Object> schema = typeNode("string");
    schema.put("enum", names);
    return schema;
  }

  private Map<String, Object> reference(Class<?> record, String path) {
    String ref = refs.get(record);
    if (ref == null) {
      ref = DEFS_PREFIX + definitionName(record);
      refs.put(record, ref);
      Map<String, Object> body = new LinkedHashMap<>();
      bodies.put(ref, body); // registered before the walk so that recursion finds it
      object(body, record, path);
    }
    return withEntry(new LinkedHashMap<>(), "$ref", ref);
  }

  private String definitionName(Class<?> record) {
    String base = JsonSchemaGenerator.schemaName(record);
    String name = base;
    for (int n = 2; bodies.containsKey(DEFS_PREFIX + name); n++) {
      name = base + n;
    }
    return name;
  }

  private static Map<String, Object> orNull(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type instanceof String t && !"array".equals(t) && !"object".equals(t)
        && !schema.containsKey("enum")) {
      schema.put("type", new ArrayList<Object>(List.of(t, "null")));
      return schema;
    }
    List<Object> anyOf = new ArrayList<>(List.of(schema, typeNode("null")));
    return withEntry(new LinkedHashMap<>(), "anyOf", anyOf);
  }

  private static IllegalArgumentException unsupported(Type type, String path) {
    String name = typeName(type);
    String problem;
    Class<?> raw = rawClass(type);
    if (type instanceof WildcardType) {
      problem = "wildcard type " + name + " is not supported by strict structured outputs;"
          + " use a concrete type";
    } else if (type instanceof TypeVariable<?>) {
      problem = "type variable " + name + " is not supported by strict structured outputs;"
          + " use a concrete type";
    } else if (raw == null) {
      problem = name + " is not supported by strict structured outputs";
    } else if (Map.class.isAssignableFrom(raw)) {
      problem = typeName(raw) + " is not supported by strict structured outputs; use a record";
    } else if (OPTIONALS.contains(raw)) {
      problem = typeName(raw) + " is not supported by strict structured outputs;"
          + " use a @Nullable component";
    } else if (raw.isRecord()) {
      problem = "generic record " + name + " is not supported by strict structured outputs;"
          + " use a record without type parameters";
    } else if (COLLECTIONS.contains(raw) && type instanceof Class<?>) {
      problem = "raw " + name + " is not supported by strict structured outputs;"
          + " give the element type, as in " + name + "<String>";
    } else if (Collection.class.isAssignableFrom(raw)) {
      problem = typeName(raw) + " is not supported by strict structured outputs;"
          + " use List, Set or Collection";
    } else if (raw == Object.class) {
      problem = "Object is not supported by strict structured outputs; use a concrete type";
    } else {
      problem = name + " (" + raw.getName() + ") is not a record; strict structured outputs support"
          + " records, enums, strings, numbers, booleans, arrays and collections";
    }
    return new IllegalArgumentException(path + ": " + problem);
  }

  // ---- Resolving into the final tree ----

  /**
   * Copies {@code schema} into an unmodifiable tree, replacing each {@code $ref} that has a
   * description beside it with a copy of the definition carrying that description. A reference back
   * into a definition being inlined stays a bare {@code $ref} and loses its description.
   */
  private Map<String, Object> resolve(Map<String, Object> schema) {
    return resolveMap(schema, new ArrayDeque<>());
  }

  private Map<String, Object> resolveMap(Map<String, Object> schema, Deque<String> inlining) {
    Object ref = schema.get("$ref");
    if (ref instanceof String r && schema.size() > 1) {
      if (inlining.contains(r)) {
        return Collections.unmodifiableMap(withEntry(new LinkedHashMap<>(), "$ref", r));
      }
      inlining.push(r);
      Map<String, Object> definition = resolveMap(bodies.get(r), inlining);
      inlining.pop();
      return Collections.unmodifiableMap(described(definition, (String) schema.get("description")));
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : schema.entrySet()) {
      copy.put(e.getKey(), resolveValue(e.getValue(), inlining));
    }
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private Object resolveValue(Object value, Deque<String> inlining) {
    if (value instanceof Map<?, ?> map) {
      return resolveMap((Map<String, Object>) map, inlining);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(resolveValue(item, inlining));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** Resolves the definitions reachable from {@code rootSchema}, in discovery order. */
  private Map<String, Object> reachableDefs(Map<String, Object> rootSchema) {
    Set<String> reached = new HashSet<>();
    Map<String, Map<String, Object>> resolved = new HashMap<>();
    Deque<Object> pending = new ArrayDeque<>(List.of(rootSchema));
    while (!pending.isEmpty()) {
      Object node = pending.pop();
      if (node instanceof Map<?, ?> map) {
        if (map.get("$ref") instanceof String r && r.startsWith(DEFS_PREFIX) && reached.add(r)) {
          Map<String, Object> definition = resolve(bodies.get(r));
          resolved.put(r, definition);
          pending.push(definition);
        }
        pending.addAll(map.values());
      } else if (node instanceof List<?> list) {
        pending.addAll(list);
      }
    }
    Map<String, Object> defs = new LinkedHashMap<>();
    for (String ref : bodies.keySet()) {
      if (resolved.containsKey(ref)) {
        defs.put(ref.substring(DEFS_PREFIX.length()), resolved.get(ref));
      }
    }
    return defs;
  }

  // ---- Small helpers ----

  private static Map<String, Object> typeNode(String type) {
    return withEntry(new LinkedHashMap<>(), "type", type);
  }

  private static Map<String, Object> withEntry(Map<String, Object> map, String key, Object value) {
    map.put(key, value);
    return map;
  }

  /** Returns a copy of {@code schema} whose description is {@code description}, placed after "type". */
  private static Map<String, Object> described(Map<String, Object> schema, String description) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : schema.entrySet()) {
      if (!e.getKey().equals("description")) {
        copy.put(e.getKey(), e.getValue());
        if (e.getKey().equals("type")) {
          copy.put("description", description);
        }
      }
    }
    copy.putIfAbsent("description", description);
    return copy;
  }

  private static @Nullable String description(AnnotatedElement element) {
    Description d = element.getAnnotation(Description.class);
    return d == null || d.value().isBlank() ? null : d.value();
  }

  /** Whether a declaration annotation named {@code Nullable} sits on the component or its members. */
  private static boolean declaredNullable(RecordComponent component) {
    if (hasNullable(component.getAnnotations())
        || hasNullable(component.getAccessor().getAnnotations())) {
      return true;
    }
    try {
      return hasNullable(
          component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotations());
    } catch (NoSuchFieldException e) {
      return false; // every record component has a field; kept for the checked exception
    }
  }

  private static boolean isNullable(AnnotatedType type) {
    return hasNullable(type.getAnnotations());
  }

  private static boolean hasNullable(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return MethodType.methodType(primitive).wrap().returnType();
  }
}
