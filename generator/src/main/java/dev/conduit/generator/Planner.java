package dev.conduit.generator;

import dev.conduit.generator.ModelPlan.Kind;
import dev.conduit.generator.ModelPlan.Prop;
import dev.conduit.generator.Types.ClassName;
import dev.conduit.generator.Types.TypeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the Java shape of every schema: which become classes (objects, open enums, union
 * interfaces), where they live, and what each property's getter returns.
 */
final class Planner {
  /** The shallow shape of a schema node. */
  enum Shape { OBJECT, ENUM, CONST, UNION, MIXED, STRING, LONG, DOUBLE, BOOLEAN, ARRAY, MAP, ANY, FILE, NULL }

  /** Where an inline schema's class goes: nested in {@code owner}, or top-level in {@code pkg}. */
  static final class Ctx {
    final ModelPlan owner;
    final String pkg;
    final String topName;
    final String component;

    Ctx(ModelPlan owner, String pkg, String topName, String component) {
      this.owner = owner;
      this.pkg = pkg;
      this.topName = topName;
      this.component = component;
    }
  }

  private final Spec spec;
  private final Map<String, String> componentPackage;
  private final Map<String, ClassName> coreTypes;
  private final Set<String> multipartComponents;
  private final Set<String> strictComponents;
  private final Map<String, String> representative;
  private final Map<String, TypeRef> componentTypes = new HashMap<>();
  private final Map<String, Shape> shapes = new HashMap<>();
  final Map<String, ModelPlan> componentPlans = new LinkedHashMap<>();
  final Map<ClassName, ModelPlan> plansByClass = new HashMap<>();
  final List<ModelPlan> tops = new ArrayList<>();
  private final Set<String> takenTop = new HashSet<>();
  private final Map<String, TypeRef> unionCache = new HashMap<>();
  private final Map<String, TypeRef> inlineCache = new HashMap<>();
  /** Canonical text of a schema node (refs by representative, descriptions dropped), for reuse. */
  java.util.function.Function<Object, String> canonical = o -> null;

  Planner(Spec spec, Map<String, String> componentPackage, Map<String, ClassName> coreTypes,
      Set<String> multipartComponents, Set<String> strictComponents, Map<String, String> representative) {
    this.spec = spec;
    this.representative = representative;
    this.componentPackage = componentPackage;
    this.coreTypes = coreTypes;
    this.multipartComponents = multipartComponents;
    this.strictComponents = strictComponents;
    for (ClassName c : coreTypes.values()) {
      takenTop.add(c.canonical());
    }
  }

  void planAllComponents() {
    for (String name : spec.schemas.keySet()) {
      component(name);
    }
  }

  /** Returns the class that represents a component schema (generated or hand-written), or null. */
  ClassName classOf(String component) {
    TypeRef t = component(component);
    return t.cls;
  }

  boolean isCore(ClassName c) {
    return coreTypes.containsValue(c);
  }

  // ---- shapes -----------------------------------------------------------------------------------

  Shape shape(Map<String, Object> node) {
    String ref = Spec.refName(node);
    if (ref != null) {
      Shape s = shapes.get(ref);
      if (s == null) {
        shapes.put(ref, Shape.OBJECT); // provisional, breaks cycles
        s = shape(spec.schema(ref));
        shapes.put(ref, s);
      }
      return s;
    }
    if (node.containsKey("$recursiveRef")) {
      return Shape.OBJECT;
    }
    if (!Spec.map(node, "properties").isEmpty()) {
      return Shape.OBJECT;
    }
    List<Map<String, Object>> alts = alternatives(node);
    if (alts != null) {
      List<Map<String, Object>> nonNull = nonNull(alts);
      if (nonNull.isEmpty()) {
        return Shape.NULL;
      }
      if (nonNull.size() == 1) {
        return shape(nonNull.get(0));
      }
      for (Map<String, Object> a : nonNull) {
        Shape s = shape(a);
        if (s != Shape.OBJECT && s != Shape.UNION) {
          return Shape.MIXED;
        }
      }
      return Shape.UNION;
    }
    if (node.containsKey("allOf")) {
      List<Object> parts = Spec.list(node, "allOf");
      if (parts.size() == 1 && !node.containsKey("properties")) {
        return shape(Spec.cast(parts.get(0)));
      }
      return Shape.OBJECT;
    }
    if (node.containsKey("enum")) {
      List<Object> values = new ArrayList<>(Spec.list(node, "enum"));
      values.removeIf(v -> v == null);
      if (!values.isEmpty() && !(values.get(0) instanceof String)) {
        return values.get(0) instanceof Boolean ? Shape.BOOLEAN : values.get(0) instanceof Double ? Shape.DOUBLE : Shape.LONG;
      }
      return values.size() == 1 ? Shape.CONST : Shape.ENUM;
    }
    if (node.containsKey("const")) {
      return Shape.CONST;
    }
    String type = type(node);
    if (type == null) {
      if (node.containsKey("properties")) {
        return Shape.OBJECT;
      }
      if (node.containsKey("items")) {
        return Shape.ARRAY;
      }
      return Shape.ANY;
    }
    switch (type) {
      case "string":
        return "binary".equals(node.get("format")) ? Shape.FILE : Shape.STRING;
      case "integer":
        return Shape.LONG;
      case "number":
        return Shape.DOUBLE;
      case "boolean":
        return Shape.BOOLEAN;
      case "null":
        return Shape.NULL;
      case "array":
        return Shape.ARRAY;
      case "object":
        if (!Spec.map(node, "properties").isEmpty()) {
          return Shape.OBJECT;
        }
        return Shape.MAP;
      default:
        return Shape.ANY;
    }
  }

  private static String type(Map<String, Object> node) {
    Object t = node.get("type");
    if (t instanceof List) {
      for (Object o : (List<?>) t) {
        if (!"null".equals(o)) {
          return String.valueOf(o);
        }
      }
      return "null";
    }
    return t == null ? null : String.valueOf(t);
  }

  static List<Map<String, Object>> alternatives(Map<String, Object> node) {
    Object o = node.containsKey("oneOf") ? node.get("oneOf") : node.get("anyOf");
    if (!(o instanceof List)) {
      return null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object a : (List<?>) o) {
      out.add(Spec.cast(a));
    }
    return out;
  }

  private static boolean isNullType(Map<String, Object> a) {
    if ("null".equals(a.get("type"))) {
      return true;
    }
    List<Object> e = Spec.list(a, "enum");
    return !e.isEmpty() && e.stream().allMatch(v -> v == null);
  }

  private static List<Map<String, Object>> nonNull(List<Map<String, Object>> alts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> a : alts) {
      if (!isNullType(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /** True if a node allows JSON null. */
  boolean nullable(Map<String, Object> node) {
    if (Spec.bool(node, "nullable")) {
      return true;
    }
    Object t = node.get("type");
    if (t instanceof List && ((List<?>) t).contains("null")) {
      return true;
    }
    if (Spec.list(node, "enum").contains(null)) {
      return true;
    }
    List<Map<String, Object>> alts = alternatives(node);
    if (alts != null) {
      for (Map<String, Object> a : alts) {
        if (isNullType(a) || Spec.bool(a, "nullable")) {
          return true;
        }
      }
    }
    String ref = Spec.refName(node);
    if (ref != null) {
      Map<String, Object> target = spec.schema(ref);
      List<Map<String, Object>> ta = alternatives(target);
      if (ta != null && nonNull(ta).size() == 1 && ta.size() == 2) {
        return true;
      }
    }
    return false;
  }

  /** Returns the single value a node allows (a one-value enum or a const), or null. */
  String constOf(Map<String, Object> node) {
    Map<String, Object> n = node;
    if (Spec.refName(n) != null) {
      n = spec.deref(n);
    }
    if (n.containsKey("const") && n.get("const") instanceof String) {
      return (String) n.get("const");
    }
    List<Object> values = new ArrayList<>(Spec.list(n, "enum"));
    values.removeIf(v -> v == null);
    if (values.size() == 1 && values.get(0) instanceof String) {
      return (String) values.get(0);
    }
    return null;
  }

  /** Returns all string values a node allows when it is an enum or a const; else empty. */
  List<String> valuesOf(Map<String, Object> node) {
    Map<String, Object> n = spec.deref(node);
    List<String> out = new ArrayList<>();
    if (n.get("const") instanceof String) {
      out.add((String) n.get("const"));
    }
    for (Object v : Spec.list(n, "enum")) {
      if (v instanceof String) {
        out.add((String) v);
      }
    }
    return out;
  }

  /** The properties of an object schema, allOf parts merged, and which are required. */
  static final class Props {
    final Map<String, Map<String, Object>> props = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    String description;
  }

  Props props(Map<String, Object> node) {
    Props p = new Props();
    collect(node, p, new HashSet<>());
    return p;
  }

  private void collect(Map<String, Object> node, Props p, Set<String> seen) {
    String ref = Spec.refName(node);
    if (ref != null) {
      if (seen.add(ref)) {
        collect(spec.schema(ref), p, seen);
      }
      return;
    }
    if (p.description == null && node.get("description") instanceof String) {
      p.description = (String) node.get("description");
    }
    for (Object part : Spec.list(node, "allOf")) {
      collect(Spec.cast(part), p, seen);
    }
    Map<String, Object> wrapped = nullableWrapped(node);
    if (wrapped != null) {
      collect(wrapped, p, seen);
    }
    for (Map.Entry<String, Object> e : Spec.map(node, "properties").entrySet()) {
      p.props.put(e.getKey(), e.getValue() instanceof Map ? Spec.cast(e.getValue()) : Map.of());
    }
    for (Object r : Spec.list(node, "required")) {
      p.required.add(String.valueOf(r));
    }
  }

  /**
   * Returns the one alternative of a schema that is only "this or null" ({@code anyOf: [X, null]}
   * without properties of its own), or null for any other schema. Its shape is the shape of X, so
   * its properties and values are X's.
   */
  private static Map<String, Object> nullableWrapped(Map<String, Object> node) {
    if (node.containsKey("properties") || node.containsKey("allOf") || node.containsKey("enum")) {
      return null;
    }
    List<Map<String, Object>> alts = alternatives(node);
    if (alts == null) {
      return null;
    }
    List<Map<String, Object>> nn = nonNull(alts);
    return nn.size() == 1 && alts.size() > 1 ? nn.get(0) : null;
  }

  boolean containsBinary(Map<String, Object> node) {
    Map<String, Object> n = spec.deref(node);
    if ("binary".equals(n.get("format"))) {
      return true;
    }
    List<Map<String, Object>> alts = alternatives(n);
    if (alts != null) {
      for (Map<String, Object> a : alts) {
        if (containsBinary(a)) {
          return true;
        }
      }
    }
    if ("array".equals(type(n)) && n.get("items") instanceof Map) {
      return containsBinary(Spec.cast(n.get("items")));
    }
    return false;
  }

  private boolean allowsArray(Map<String, Object> node) {
    Map<String, Object> n = spec.deref(node);
    if ("array".equals(type(n))) {
      return true;
    }
    List<Map<String, Object>> alts = alternatives(n);
    if (alts != null) {
      for (Map<String, Object> a : alts) {
        if (allowsArray(a)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- components -------------------------------------------------------------------------------

  String packageOf(String component) {
    String p = componentPackage.get(component);
    if (p == null) {
      throw new IllegalStateException("no package for " + component);
    }
    return p;
  }

  /** Reserves a unique top-level class name in {@code pkg}. */
  String uniqueTop(String pkg, String wanted) {
    String n = wanted;
    for (int i = 2; !takenTop.add(pkg + "." + n); i++) {
      n = wanted + i;
    }
    return n;
  }

  TypeRef component(String name) {
    TypeRef t = componentTypes.get(name);
    if (t != null) {
      return t;
    }
    String rep = representative.getOrDefault(name, name);
    if (!rep.equals(name) && !coreTypes.containsKey(name)) {
      t = component(rep);
      componentTypes.put(name, t);
      return t;
    }
    ClassName core = coreTypes.get(name);
    if (core != null) {
      Shape coreShape = shape(Map.of("$ref", "#/components/schemas/" + name));
      t = coreShape == Shape.ENUM ? TypeRef.enumOf(core) : coreShape == Shape.UNION ? TypeRef.union(core) : TypeRef.model(core);
      componentTypes.put(name, t);
      return t;
    }
    Map<String, Object> node = spec.schema(name);
    Shape s = shape(Map.of("$ref", "#/components/schemas/" + name));
    String pkg = packageOf(name);
    switch (s) {
      case OBJECT: {
        ClassName cn = ClassName.of(pkg, uniqueTop(pkg, Names.className(name)));
        t = TypeRef.model(cn);
        componentTypes.put(name, t);
        ModelPlan p = newTop(Kind.OBJECT, cn, name);
        componentPlans.put(name, p);
        p.multipart = multipartComponents.contains(name);
        p.strict = strictComponents.contains(name);
        fillObject(p, node, name);
        return t;
      }
      case ENUM: {
        ClassName cn = ClassName.of(pkg, uniqueTop(pkg, Names.className(name)));
        t = TypeRef.enumOf(cn);
        componentTypes.put(name, t);
        ModelPlan p = newTop(Kind.ENUM, cn, name);
        componentPlans.put(name, p);
        fillEnum(p, node);
        return t;
      }
      case UNION: {
        List<Map<String, Object>> alts = alternatives(node);
        if (alts == null) {
          // a one-part allOf or similar wrapper around a union
          break;
        }
        ClassName cn = ClassName.of(pkg, uniqueTop(pkg, Names.className(name)));
        t = TypeRef.union(cn);
        componentTypes.put(name, t);
        ModelPlan p = newTop(Kind.UNION, cn, name);
        componentPlans.put(name, p);
        p.description = str(node, "description");
        fillUnion(p, node, nonNull(alts), new Ctx(p, pkg, cn.simple(), name));
        String key = unionKey(nonNull(alts));
        if (key != null) {
          unionCache.putIfAbsent(key, t);
        }
        return t;
      }
      default:
        break;
    }
    componentTypes.put(name, TypeRef.ANY); // provisional, for cycles through aliases
    t = type(node, new Ctx(null, pkg, Names.className(name), name), name);
    componentTypes.put(name, t);
    return t;
  }

  private ModelPlan newTop(Kind kind, ClassName cn, String specName) {
    ModelPlan p = new ModelPlan(kind, cn, specName, null);
    tops.add(p);
    plansByClass.put(cn, p);
    return p;
  }

  /** Creates the class of an inline schema per {@code ctx}. */
  private ModelPlan newInline(Kind kind, Ctx ctx, String hint) {
    String wanted = Names.pascal(hint);
    if (ctx.owner == null || kind == Kind.UNION) {
      String base = ctx.owner == null ? ctx.topName : ctx.owner.top().name.simple() + wanted;
      if (ctx.owner == null && takenTop.contains(ctx.pkg + "." + base)) {
        base = base + wanted;
      }
      ClassName cn = ClassName.of(ctx.pkg, uniqueTop(ctx.pkg, base));
      return newTop(kind, cn, ctx.component != null ? ctx.component : cn.simple());
    }
    ModelPlan owner = ctx.owner;
    String n = owner.reserveNested(wanted);
    ModelPlan p = new ModelPlan(kind, owner.name.nested(n), owner.specName + "." + hint, owner);
    owner.nested.add(p);
    plansByClass.put(p.name, p);
    return p;
  }

  // ---- objects ----------------------------------------------------------------------------------

  void fillObject(ModelPlan p, Map<String, Object> node, String component) {
    Props ps = props(node);
    p.description = ps.description;
    p.deprecated = Spec.bool(node, "deprecated");
    Ctx ctx = new Ctx(p, p.name.pkg, p.name.top().simple(), component);
    for (Map.Entry<String, Map<String, Object>> e : ps.props.entrySet()) {
      String wire = e.getKey();
      Map<String, Object> pn = e.getValue();
      Prop prop = new Prop();
      prop.wire = wire;
      prop.java = p.reserveMember(wire);
      prop.required = ps.required.contains(wire);
      prop.nullable = !prop.required || nullable(pn);
      prop.description = str(pn, "description");
      if (prop.description == null && Spec.refName(pn) != null) {
        prop.description = str(spec.deref(pn), "description");
      }
      prop.deprecated = Spec.bool(pn, "deprecated");
      if (p.multipart && containsBinary(pn)) {
        prop.file = true;
        prop.fileList = allowsArray(pn);
        prop.type = TypeRef.FILE;
      } else {
        String c = constOf(pn);
        if (c != null) {
          prop.constValue = c;
          prop.type = TypeRef.STRING;
        } else {
          prop.type = type(pn, ctx, wire);
        }
      }
      p.props.add(prop);
    }
  }

  // ---- enums ------------------------------------------------------------------------------------

  void fillEnum(ModelPlan p, Map<String, Object> node) {
    p.description = str(node, "description");
    Map<String, Object> wrapped = nullableWrapped(node);
    if (wrapped != null) {
      fillEnum(p, spec.deref(wrapped));
      if (p.description == null) {
        p.description = str(node, "description");
      }
      return;
    }
    for (Object v : Spec.list(node, "enum")) {
      if (v instanceof String && !p.values.contains(v)) {
        p.values.add((String) v);
      }
    }
  }

  // ---- unions -----------------------------------------------------------------------------------

  private String unionKey(List<Map<String, Object>> alts) {
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> a : alts) {
      String r = Spec.refName(a);
      if (r == null) {
        return null;
      }
      sb.append(representative.getOrDefault(r, r)).append('|');
    }
    return sb.toString();
  }

  /** A variant of a union: its class and its (merged) properties. */
  private static final class Variant {
    final ClassName cls;
    final Props props;

    Variant(ClassName cls, Props props) {
      this.cls = cls;
      this.props = props;
    }
  }

  void fillUnion(ModelPlan u, Map<String, Object> node, List<Map<String, Object>> alts, Ctx ctx) {
    String disc = null;
    Map<String, Object> d = Spec.map(node, "discriminator");
    if (d.get("propertyName") instanceof String) {
      disc = (String) d.get("propertyName");
    }
    // first pass: find the variants' property sets to pick a discriminator for inline variants' names
    List<Object[]> raw = new ArrayList<>();
    flatten(alts, raw, new HashSet<>());
    if (disc == null) {
      disc = detectDiscriminator(raw);
    }
    List<Variant> variants = new ArrayList<>();
    int i = 1;
    for (Object[] r : raw) {
      String ref = (String) r[0];
      @SuppressWarnings("unchecked")
      Map<String, Object> alt = (Map<String, Object>) r[1];
      Props props = props(alt);
      ClassName cls;
      if (ref != null) {
        TypeRef t = component(ref);
        if (t.kind != Types.Kind.MODEL || isCore(t.cls)) {
          // a hand-written class cannot implement a generated union: that variant decodes to Unknown
          continue;
        }
        cls = t.cls;
        ModelPlan vp = plansByClass.get(cls);
        if (vp == null || vp.kind != Kind.OBJECT) {
          continue;
        }
        vp.interfaces.add(u.name);
      } else {
        String hint = null;
        if (disc != null && props.props.containsKey(disc)) {
          hint = constOf(props.props.get(disc));
        }
        if (hint == null) {
          hint = str(alt, "title");
        }
        if (hint == null) {
          hint = "Variant" + i;
        }
        String n = u.reserveNested(Names.pascal(hint));
        ModelPlan v = new ModelPlan(Kind.OBJECT, u.name.nested(n), u.specName + "." + hint, u);
        u.nested.add(v);
        plansByClass.put(v.name, v);
        fillObject(v, alt, ctx.component);
        v.interfaces.add(u.name);
        cls = v.name;
      }
      i++;
      if (!u.variants.contains(cls)) {
        u.variants.add(cls);
        variants.add(new Variant(cls, props));
      }
    }
    u.discriminator = disc;
    if (disc != null) {
      boolean allRequiredConst = !variants.isEmpty();
      for (Variant v : variants) {
        Map<String, Object> dp = v.props.props.get(disc);
        List<String> values = dp == null ? List.of() : valuesOf(dp);
        boolean required = v.props.required.contains(disc);
        if (dp == null || values.size() != 1 || !required) {
          allRequiredConst = false;
        }
        for (String value : values) {
          u.cases.putIfAbsent(value, v.cls);
        }
        if ((dp == null || !required) && u.fallback == null) {
          u.fallback = v.cls;
        }
      }
      u.discriminatorGetter = allRequiredConst;
    } else {
      List<Variant> sorted = new ArrayList<>(variants);
      sorted.sort(Comparator.comparingInt((Variant v) -> -v.props.required.size()));
      for (Variant v : sorted) {
        u.structural.add(new ModelPlan.Structural(v.cls, new ArrayList<>(v.props.required)));
      }
    }
  }

  /** Expands alternatives that are themselves unions of objects into their variants. */
  private void flatten(List<Map<String, Object>> alts, List<Object[]> out, Set<String> seen) {
    for (Map<String, Object> a : alts) {
      String ref = Spec.refName(a);
      Map<String, Object> target = ref == null ? a : spec.schema(ref);
      List<Map<String, Object>> sub = alternatives(target);
      if (sub != null && shape(a) == Shape.UNION) {
        if (ref == null || seen.add(ref)) {
          flatten(nonNull(sub), out, seen);
        }
        continue;
      }
      if (sub != null && nonNull(sub).size() == 1) {
        flatten(nonNull(sub), out, seen);
        continue;
      }
      out.add(new Object[] {ref, a});
    }
  }

  private String detectDiscriminator(List<Object[]> raw) {
    for (String candidate : List.of("type", "object", "event", "role", "kind")) {
      boolean all = !raw.isEmpty();
      Set<String> seen = new HashSet<>();
      for (Object[] r : raw) {
        @SuppressWarnings("unchecked")
        Props p = props((Map<String, Object>) r[1]);
        Map<String, Object> dp = p.props.get(candidate);
        List<String> values = dp == null ? List.of() : valuesOf(dp);
        if (values.isEmpty()) {
          all = false;
          break;
        }
        for (String v : values) {
          if (!seen.add(v)) {
            all = false;
          }
        }
      }
      if (all) {
        return candidate;
      }
    }
    return null;
  }

  // ---- property types ---------------------------------------------------------------------------

  TypeRef type(Map<String, Object> node, Ctx ctx, String hint) {
    String ref = Spec.refName(node);
    if (ref != null) {
      return component(ref);
    }
    if (node.containsKey("$recursiveRef")) {
      return ctx.component != null ? component(ctx.component) : TypeRef.ANY;
    }
    List<Map<String, Object>> alts = alternatives(node);
    if (alts != null) {
      List<Map<String, Object>> nn = nonNull(alts);
      if (nn.isEmpty()) {
        return TypeRef.ANY;
      }
      if (nn.size() == 1) {
        return type(nn.get(0), ctx, hint);
      }
      Shape s = shape(node);
      if (s == Shape.UNION) {
        String key = unionKey(nn);
        if (key != null && unionCache.containsKey(key)) {
          return unionCache.get(key);
        }
        ModelPlan u = newInline(Kind.UNION, ctx, Names.singular(hint));
        TypeRef t = TypeRef.union(u.name);
        if (key != null) {
          unionCache.put(key, t);
        }
        u.description = str(node, "description");
        fillUnion(u, node, nn, new Ctx(u, u.name.pkg, u.name.simple(), ctx.component));
        return t;
      }
      return mixed(nn, ctx, hint);
    }
    if (node.containsKey("allOf") && !node.containsKey("properties")) {
      List<Object> parts = Spec.list(node, "allOf");
      if (parts.size() == 1) {
        return type(Spec.cast(parts.get(0)), ctx, hint);
      }
    }
    Shape s = shape(node);
    String reuseKey = null;
    if (s == Shape.ENUM || s == Shape.OBJECT) {
      String c = canonical.apply(node);
      if (c != null) {
        reuseKey = ctx.pkg + "|" + (c.contains("$recursiveRef") ? ctx.component + "|" : "") + c;
        TypeRef cached = inlineCache.get(reuseKey);
        if (cached != null) {
          return cached;
        }
      }
    }
    switch (s) {
      case ENUM: {
        ModelPlan e = newInline(Kind.ENUM, ctx, hint);
        TypeRef t = TypeRef.enumOf(e.name);
        if (reuseKey != null) {
          inlineCache.put(reuseKey, t);
        }
        fillEnum(e, node);
        return t;
      }
      case CONST:
      case STRING:
        return TypeRef.STRING;
      case FILE:
        return TypeRef.FILE;
      case LONG:
        return TypeRef.LONG;
      case DOUBLE:
        return TypeRef.DOUBLE;
      case BOOLEAN:
        return TypeRef.BOOLEAN;
      case ARRAY: {
        Object items = node.get("items");
        if (!(items instanceof Map)) {
          return TypeRef.list(TypeRef.ANY);
        }
        return TypeRef.list(type(Spec.cast(items), ctx, Names.singular(hint)));
      }
      case MAP: {
        Object ap = node.get("additionalProperties");
        if (ap instanceof Map) {
          Shape es = shape(Spec.cast(ap));
          if (es == Shape.STRING || es == Shape.CONST) {
            return TypeRef.map(TypeRef.STRING);
          }
        }
        return TypeRef.map(TypeRef.ANY);
      }
      case OBJECT: {
        ModelPlan o = newInline(Kind.OBJECT, ctx, hint);
        TypeRef t = TypeRef.model(o.name);
        if (reuseKey != null) {
          inlineCache.put(reuseKey, t);
        }
        fillObject(o, node, ctx.component);
        return t;
      }
      default:
        return TypeRef.any(null);
    }
  }

  /** The type of a union of different JSON kinds. */
  private TypeRef mixed(List<Map<String, Object>> alts, Ctx ctx, String hint) {
    Map<String, Object> enumAlt = null;
    boolean stringsOnly = true;
    List<String> kinds = new ArrayList<>();
    for (Map<String, Object> a : alts) {
      Shape s = shape(a);
      kinds.add(describe(a, s));
      if (s == Shape.ENUM) {
        if (enumAlt == null) {
          enumAlt = a;
        }
      } else if (s != Shape.STRING && s != Shape.CONST) {
        stringsOnly = false;
      }
    }
    if (stringsOnly) {
      return enumAlt != null ? type(enumAlt, ctx, hint) : TypeRef.STRING;
    }
    return TypeRef.any(String.join(", ", kinds));
  }

  private String describe(Map<String, Object> a, Shape s) {
    String ref = Spec.refName(a);
    switch (s) {
      case OBJECT:
      case UNION:
        return ref != null ? "an object ({@code " + ref + "})" : "an object";
      case ARRAY: {
        Object items = spec.deref(a).get("items");
        if (items instanceof Map) {
          Map<String, Object> im = Spec.cast(items);
          String ir = Spec.refName(im);
          return "an array of " + (ir != null ? "{@code " + ir + "}" : String.valueOf(shape(im)).toLowerCase(java.util.Locale.ROOT)) ;
        }
        return "an array";
      }
      case ENUM:
      case CONST:
        return "one of " + String.join(", ", valuesOf(a).stream().map(v -> "{@code \"" + v + "\"}").toList());
      case MAP:
        return "an object";
      default:
        return "a " + s.toString().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof String ? (String) v : null;
  }

  /**
   * Marks the classes users build: those reachable from request bodies and parameter sets (through
   * property types, list and map elements, and union variants). Only they get builders.
   */
  void markBuildable(List<ClassName> roots) {
    List<ModelPlan> work = new ArrayList<>();
    for (ClassName c : roots) {
      ModelPlan p = plansByClass.get(c);
      if (p != null) {
        work.add(p);
      }
    }
    Set<ModelPlan> seen = new HashSet<>();
    while (!work.isEmpty()) {
      ModelPlan p = work.remove(work.size() - 1);
      if (!seen.add(p)) {
        continue;
      }
      p.buildable = true;
      for (Prop prop : p.props) {
        for (TypeRef t = prop.type; t != null; t = t.elem) {
          if (t.cls != null && plansByClass.containsKey(t.cls)) {
            work.add(plansByClass.get(t.cls));
          }
        }
      }
      for (ClassName v : p.variants) {
        if (plansByClass.containsKey(v)) {
          work.add(plansByClass.get(v));
        }
      }
    }
  }

  /** Creates the class of a request body, response or parameter set that the spec declares inline. */
  ModelPlan synthetic(String pkg, String wantedName, Map<String, Object> node, boolean multipart, boolean strict,
      String specName) {
    ClassName cn = ClassName.of(pkg, uniqueTop(pkg, wantedName));
    ModelPlan p = newTop(Kind.OBJECT, cn, specName);
    p.multipart = multipart;
    p.strict = strict;
    fillObject(p, node, null);
    return p;
  }

  /** Creates a class for the parameters (query and header) of an operation. */
  ModelPlan parameters(String pkg, String wantedName, List<Map<String, Object>> params, String specName) {
    ClassName cn = ClassName.of(pkg, uniqueTop(pkg, wantedName));
    ModelPlan p = newTop(Kind.OBJECT, cn, specName);
    p.strict = true;
    Ctx ctx = new Ctx(p, pkg, cn.simple(), null);
    for (Map<String, Object> param : params) {
      Map<String, Object> schema = Spec.map(param, "schema");
      Prop prop = new Prop();
      prop.wire = Spec.str(param, "name");
      prop.java = p.reserveMember(prop.wire);
      prop.required = Spec.bool(param, "required");
      prop.nullable = !prop.required;
      prop.description = str(param, "description");
      if (prop.description == null) {
        prop.description = str(schema, "description");
      }
      prop.deprecated = Spec.bool(param, "deprecated");
      prop.type = type(schema, ctx, prop.wire);
      p.props.add(prop);
    }
    return p;
  }
}
