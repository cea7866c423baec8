package dev.conduit.generator;

import dev.conduit.generator.ModelPlan.Kind;
import dev.conduit.generator.ModelPlan.Prop;
import dev.conduit.generator.Types.ClassName;
import dev.conduit.generator.Types.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes the source of a top-level model plan and its nested classes. */
final class ModelWriter {
  static final ClassName JSON_MODEL = ClassName.of("dev.conduit.models", "JsonModel");
  static final ClassName OPEN_ENUM = ClassName.of("dev.conduit.models", "OpenEnum");
  static final ClassName JSON = ClassName.of("dev.conduit.internal.json", "Json");
  static final ClassName TAGS = ClassName.of("dev.conduit.internal.json", "Tags");
  static final ClassName FORM_DATA = ClassName.of("dev.conduit.internal.calls", "FormData");
  static final ClassName FILE_UPLOAD = ClassName.of("dev.conduit.core", "FileUpload");
  static final ClassName NULLABLE = ClassName.of("org.jspecify.annotations", "Nullable");
  static final ClassName LIST = ClassName.of("java.util", "List");
  static final ClassName MAP = ClassName.of("java.util", "Map");
  static final ClassName LINKED_HASH_MAP = ClassName.of("java.util", "LinkedHashMap");

  private final String specSha;
  private final Planner planner;
  private JavaFile f;

  ModelWriter(String specSha, Planner planner) {
    this.specSha = specSha;
    this.planner = planner;
  }

  String write(ModelPlan top) {
    Set<String> local = new HashSet<>(top.fileNames);
    f = new JavaFile(top.name.pkg, top.name.simple(), local);
    StringBuilder sb = f.body;
    emit(top, "", sb);
    if (usesDeprecated(top)) {
      f.annotateTop("@SuppressWarnings(\"deprecation\")");
    }
    return f.render(specSha);
  }

  /** True if the file refers to a deprecated type or has a deprecated property or type inside it. */
  private boolean usesDeprecated(ModelPlan top) {
    for (ClassName c : f.referenced) {
      for (ClassName k : List.of(c, c.top())) {
        ModelPlan p = planner.plansByClass.get(k);
        if (p != null && p.deprecated && p != top) {
          return true;
        }
      }
    }
    return hasDeprecatedInside(top, top);
  }

  private static boolean hasDeprecatedInside(ModelPlan p, ModelPlan top) {
    if (p != top && p.deprecated) {
      return true;
    }
    for (Prop prop : p.props) {
      if (prop.deprecated) {
        return true;
      }
    }
    for (ModelPlan n : p.nested) {
      if (hasDeprecatedInside(n, top)) {
        return true;
      }
    }
    return false;
  }

  private String nul() {
    return "@" + f.t(NULLABLE);
  }

  /** Annotates a rendered class type as nullable, where Java allows it: {@code Outer.@Nullable Inner}. */
  private String nullableRef(String rendered) {
    int dot = rendered.lastIndexOf('.');
    return dot < 0 ? nul() + " " + rendered : rendered.substring(0, dot + 1) + nul() + " " + rendered.substring(dot + 1);
  }

  private String jsonMap() {
    return f.t(MAP) + "<String, " + nul() + " Object>";
  }

  private void emit(ModelPlan p, String in, StringBuilder sb) {
    switch (p.kind) {
      case OBJECT:
        emitObject(p, in, sb);
        break;
      case ENUM:
        emitEnum(p, in, sb);
        break;
      case UNION:
        emitUnion(p, in, sb);
        break;
      default:
        throw new IllegalStateException();
    }
  }

  private String generatedTag(ModelPlan p) {
    return "@generated from the OpenAPI schema {@code " + Javadoc.escape(p.specName) + "}";
  }

  private String staticKw(ModelPlan p) {
    return p.parent != null && p.parent.kind != Kind.UNION ? "static " : "";
  }

  // ---- objects ----------------------------------------------------------------------------------

  private void emitObject(ModelPlan p, String in, StringBuilder sb) {
    String name = p.name.simple();
    String doc = Javadoc.html(p.description);
    if (doc.isEmpty()) {
      doc = "The {@code " + Javadoc.escape(p.specName) + "} object.";
    }
    Javadoc.comment(sb, in, doc, generatedTag(p));
    if (p.deprecated) {
      sb.append(in).append("@Deprecated\n");
    }
    List<String> ifaces = new ArrayList<>();
    for (ClassName i : p.interfaces) {
      ifaces.add(f.t(i));
    }
    sb.append(in).append("public ").append(staticKw(p)).append("final class ").append(name).append(" extends ")
        .append(f.t(JSON_MODEL));
    if (!ifaces.isEmpty()) {
      sb.append(" implements ").append(String.join(", ", ifaces));
    }
    sb.append(" {\n");
    String i2 = in + "  ";
    String filesType = p.multipart ? f.t(MAP) + "<String, " + f.t(LIST) + "<" + f.t(FILE_UPLOAD) + ">>" : null;
    if (p.multipart) {
      sb.append(i2).append("private final ").append(filesType).append(" files;\n\n");
      sb.append(i2).append("private ").append(name).append("(").append(jsonMap()).append(" json, ").append(filesType)
          .append(" files) {\n");
      sb.append(i2).append("  super(json);\n").append(i2).append("  this.files = files;\n").append(i2).append("}\n\n");
    } else {
      sb.append(i2).append("private ").append(name).append("(").append(jsonMap()).append(" json) {\n");
      sb.append(i2).append("  super(json);\n").append(i2).append("}\n\n");
    }
    Javadoc.comment(sb, i2, "Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied.");
    sb.append(i2).append("public static ").append(name).append(" fromJson(").append(jsonMap()).append(" json) {\n");
    sb.append(i2).append("  return new ").append(name).append("(").append(f.t(JSON)).append(".freezeMap(json)")
        .append(p.multipart ? ", " + f.t(MAP) + ".of()" : "").append(");\n");
    sb.append(i2).append("}\n\n");
    if (p.buildable) {
      Javadoc.comment(sb, i2, "Returns a new builder.");
      sb.append(i2).append("public static Builder builder() {\n").append(i2).append("  return new Builder();\n")
          .append(i2).append("}\n\n");
      Javadoc.comment(sb, i2, "Returns a builder holding a copy of this object.");
      sb.append(i2).append("public Builder toBuilder() {\n").append(i2).append("  return new Builder(this);\n")
          .append(i2).append("}\n");
    }
    for (Prop prop : p.props) {
      sb.append('\n');
      getter(p, prop, i2, sb);
    }
    if (p.multipart) {
      sb.append('\n');
      Javadoc.comment(sb, i2, "Returns the file parts by field name; the other fields are in {@link #toJson()}.");
      sb.append(i2).append("public ").append(filesType).append(" fileParts() {\n").append(i2).append("  return files;\n")
          .append(i2).append("}\n");
    }
    if (p.buildable) {
      sb.append('\n');
      builder(p, i2, sb);
    }
    for (ModelPlan n : p.nested) {
      sb.append('\n');
      emit(n, i2, sb);
    }
    sb.append(in).append("}\n");
  }

  private String propDoc(Prop prop) {
    String d = Javadoc.html(prop.description);
    String fallback = "Returns {@code " + Javadoc.escape(prop.wire) + "}.";
    StringBuilder sb = new StringBuilder(d.isEmpty() ? fallback : d);
    if (prop.constValue != null) {
      sb.append(d.isEmpty() ? "" : "\n\n<p>").append("Always {@code \"").append(Javadoc.escape(prop.constValue)).append("\"}.");
    }
    if (prop.type.kind == Types.Kind.ANY && prop.type.note != null) {
      sb.append("\n\n<p>As a JSON tree: ").append(prop.type.note).append('.');
    }
    if (prop.type.kind == Types.Kind.LIST || prop.type.kind == Types.Kind.MAP) {
      sb.append(prop.required ? "" : "\n\n<p>Empty when absent.");
    }
    return sb.toString();
  }

  private void getter(ModelPlan p, Prop prop, String in, StringBuilder sb) {
    Javadoc.comment(sb, in, propDoc(prop));
    if (prop.deprecated) {
      sb.append(in).append("@Deprecated\n");
    }
    String w = lit(prop.wire);
    boolean opt = prop.nullable;
    String ret;
    String expr;
    String pre = null;
    TypeRef t = prop.type;
    if (prop.file) {
      if (prop.fileList) {
        ret = f.t(LIST) + "<" + f.t(FILE_UPLOAD) + ">";
        expr = f.t(FORM_DATA) + ".all(files, " + w + ")";
      } else {
        ret = opt ? nullableRef(f.t(FILE_UPLOAD)) : f.t(FILE_UPLOAD);
        expr = f.t(FORM_DATA) + (opt ? ".first(files, " : ".one(files, ") + w + ")";
      }
    } else {
      switch (t.kind) {
        case STRING:
          ret = opt ? nul() + " String" : "String";
          expr = (opt ? "stringOrNull(" : "string(") + w + ")";
          break;
        case LONG:
          ret = opt ? nul() + " Long" : "long";
          expr = (opt ? "longOrNull(" : "longValue(") + w + ")";
          break;
        case DOUBLE:
          ret = opt ? nul() + " Double" : "double";
          expr = (opt ? "doubleOrNull(" : "doubleValue(") + w + ")";
          break;
        case BOOLEAN:
          ret = opt ? nul() + " Boolean" : "boolean";
          expr = (opt ? "booleanOrNull(" : "booleanValue(") + w + ")";
          break;
        case ENUM:
          ret = opt ? nullableRef(f.t(t.cls)) : f.t(t.cls);
          expr = opt ? null : f.t(t.cls) + ".of(string(" + w + "))";
          pre = opt ? "String v = stringOrNull(" + w + ");" : null;
          if (opt) {
            expr = "v == null ? null : " + f.t(t.cls) + ".of(v)";
          }
          break;
        case MODEL:
        case UNION:
          ret = opt ? nullableRef(f.t(t.cls)) : f.t(t.cls);
          if (opt) {
            pre = jsonMap().replace(f.t(MAP) + "<", nul() + " " + f.t(MAP) + "<") + " v = objectTreeOrNull(" + w + ");";
            expr = "v == null ? null : " + f.t(t.cls) + ".fromJson(v)";
          } else {
            expr = f.t(t.cls) + ".fromJson(objectTree(" + w + "))";
          }
          break;
        case LIST:
          ret = f.t(LIST) + "<" + elemType(t.elem) + ">";
          expr = listExpr(t.elem, w);
          break;
        case MAP:
          if (t.elem.kind == Types.Kind.STRING) {
            ret = f.t(MAP) + "<String, String>";
            expr = "stringMap(" + w + ")";
          } else {
            ret = jsonMap();
            expr = "mapOrEmpty(" + w + ")";
          }
          break;
        default:
          ret = nul() + " Object";
          expr = "jsonField(" + w + ")";
      }
    }
    sb.append(in).append("public ").append(ret).append(' ').append(prop.java).append("() {\n");
    if (pre != null) {
      sb.append(in).append("  ").append(pre).append('\n');
    }
    sb.append(in).append("  return ").append(expr).append(";\n").append(in).append("}\n");
  }

  private String elemType(TypeRef e) {
    switch (e.kind) {
      case STRING:
        return "String";
      case LONG:
        return "Long";
      case DOUBLE:
        return "Double";
      case ENUM:
      case MODEL:
      case UNION:
        return f.t(e.cls);
      default:
        return nul() + " Object";
    }
  }

  private String listExpr(TypeRef e, String w) {
    switch (e.kind) {
      case STRING:
        return "stringList(" + w + ")";
      case LONG:
        return "longList(" + w + ")";
      case DOUBLE:
        return "doubleList(" + w + ")";
      case ENUM:
        return "enumList(" + w + ", " + f.t(e.cls) + "::of)";
      case MODEL:
      case UNION:
        return "objectList(" + w + ", " + f.t(e.cls) + "::fromJson)";
      default:
        return "anyList(" + w + ")";
    }
  }

  private String setterType(Prop prop) {
    TypeRef t = prop.type;
    boolean opt = prop.nullable;
    if (prop.file) {
      return prop.fileList ? f.t(LIST) + "<" + f.t(FILE_UPLOAD) + ">" : f.t(FILE_UPLOAD);
    }
    switch (t.kind) {
      case STRING:
        return opt ? nul() + " String" : "String";
      case LONG:
        return "long";
      case DOUBLE:
        return "double";
      case BOOLEAN:
        return "boolean";
      case ENUM:
      case MODEL:
      case UNION:
        return opt ? nullableRef(f.t(t.cls)) : f.t(t.cls);
      case LIST:
        switch (t.elem.kind) {
          case ENUM:
          case MODEL:
          case UNION:
            return f.t(LIST) + "<? extends " + f.t(t.elem.cls) + ">";
          case STRING:
            return f.t(LIST) + "<String>";
          case LONG:
            return f.t(LIST) + "<Long>";
          case DOUBLE:
            return f.t(LIST) + "<Double>";
          default:
            return f.t(LIST) + "<?>";
        }
      case MAP:
        return t.elem.kind == Types.Kind.STRING ? f.t(MAP) + "<String, String>" : f.t(MAP) + "<String, ?>";
      default:
        return nul() + " Object";
    }
  }

  private void builder(ModelPlan p, String in, StringBuilder sb) {
    String name = p.name.simple();
    Javadoc.comment(sb, in, "A builder of {@link " + name + "}.");
    sb.append(in).append("public static final class Builder extends ").append(f.t(JSON_MODEL)).append(".Builder<Builder, ")
        .append(name).append("> {\n");
    String i2 = in + "  ";
    String filesType = p.multipart ? f.t(MAP) + "<String, " + f.t(LIST) + "<" + f.t(FILE_UPLOAD) + ">>" : null;
    if (p.multipart) {
      sb.append(i2).append("private final ").append(filesType).append(" files = new ").append(f.t(LINKED_HASH_MAP))
          .append("<>();\n\n");
    }
    sb.append(i2).append("private Builder() {");
    boolean any = false;
    for (Prop prop : p.props) {
      if (prop.constValue != null && !prop.file) {
        sb.append("\n").append(i2).append("  set(").append(lit(prop.wire)).append(", ").append(lit(prop.constValue))
            .append(");");
        any = true;
      }
    }
    sb.append(any ? "\n" + i2 + "}\n\n" : "}\n\n");
    sb.append(i2).append("private Builder(").append(name).append(" from) {\n").append(i2).append("  super(from);\n");
    if (p.multipart) {
      sb.append(i2).append("  files.putAll(from.files);\n");
    }
    sb.append(i2).append("}\n");
    for (Prop prop : p.props) {
      if (prop.constValue != null && !prop.file) {
        continue;
      }
      sb.append('\n');
      Javadoc.comment(sb, i2, "Sets {@link " + name + "#" + prop.java + "() " + Javadoc.escape(prop.wire) + "}"
          + (prop.nullable && !prop.file && isReference(prop) ? "; null removes it." : "."));
      if (prop.deprecated) {
        sb.append(i2).append("@Deprecated\n");
      }
      String param = Names.KEYWORDS.contains(prop.java) ? prop.java + "_" : prop.java;
      sb.append(i2).append("public Builder ").append(prop.java).append("(").append(setterType(prop)).append(' ')
          .append(param).append(") {\n");
      if (prop.file) {
        sb.append(i2).append("  this.files.put(").append(lit(prop.wire)).append(", ")
            .append(prop.fileList ? f.t(LIST) + ".copyOf(" + param + ")" : f.t(LIST) + ".of(" + param + ")")
            .append(");\n").append(i2).append("  return this;\n");
      } else {
        sb.append(i2).append("  return set(").append(lit(prop.wire)).append(", ").append(param).append(");\n");
      }
      sb.append(i2).append("}\n");
    }
    sb.append('\n');
    Javadoc.comment(sb, i2, "Returns the immutable object.",
        p.strict ? "@throws IllegalStateException if a required field was not set" : null);
    sb.append(i2).append("@Override\n");
    sb.append(i2).append("public ").append(name).append(" build() {\n");
    if (p.strict) {
      for (Prop prop : p.props) {
        if (prop.required && prop.constValue == null) {
          if (prop.file) {
            sb.append(i2).append("  ").append(f.t(FORM_DATA)).append(".require(files, ").append(lit(prop.wire)).append(");\n");
          } else {
            sb.append(i2).append("  require(").append(lit(prop.wire)).append(");\n");
          }
        }
      }
    }
    if (p.multipart) {
      sb.append(i2).append("  return new ").append(name).append("(frozenJson(), ").append(f.t(FORM_DATA))
          .append(".freeze(files));\n");
    } else {
      sb.append(i2).append("  return new ").append(name).append("(frozenJson());\n");
    }
    sb.append(i2).append("}\n");
    sb.append(in).append("}\n");
  }

  private static boolean isReference(Prop prop) {
    switch (prop.type.kind) {
      case LONG:
      case DOUBLE:
      case BOOLEAN:
      case LIST:
      case MAP:
        return false;
      default:
        return true;
    }
  }

  // ---- enums ------------------------------------------------------------------------------------

  private void emitEnum(ModelPlan p, String in, StringBuilder sb) {
    String name = p.name.simple();
    String doc = Javadoc.html(p.description);
    if (doc.isEmpty()) {
      doc = "The values of {@code " + Javadoc.escape(p.specName) + "}.";
    }
    doc += "\n\n<p>Open: a value this version does not know decodes to a new instance instead of failing.";
    Javadoc.comment(sb, in, doc, generatedTag(p));
    sb.append(in).append("public ").append(staticKw(p)).append("final class ").append(name).append(" extends ")
        .append(f.t(OPEN_ENUM)).append(" {\n");
    String i2 = in + "  ";
    List<String> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String v : p.values) {
      String c = Names.constant(v);
      String base = c;
      for (int i = 2; !used.add(c); i++) {
        c = base + "_" + i;
      }
      constants.add(c);
      Javadoc.comment(sb, i2, "{@code \"" + Javadoc.escape(v) + "\"}");
      sb.append(i2).append("public static final ").append(name).append(' ').append(c).append(" = new ").append(name)
          .append("(").append(lit(v)).append(");\n");
    }
    sb.append('\n');
    sb.append(i2).append("private static final ").append(name).append("[] KNOWN = {").append(String.join(", ", constants))
        .append("};\n\n");
    sb.append(i2).append("private ").append(name).append("(String value) {\n").append(i2).append("  super(value);\n")
        .append(i2).append("}\n\n");
    Javadoc.comment(sb, i2, "Returns the constant for {@code value}, or a new instance for a value this version does not know.");
    sb.append(i2).append("public static ").append(name).append(" of(String value) {\n");
    sb.append(i2).append("  for (").append(name).append(" known : KNOWN) {\n");
    sb.append(i2).append("    if (known.value().equals(value)) {\n").append(i2).append("      return known;\n")
        .append(i2).append("    }\n").append(i2).append("  }\n");
    sb.append(i2).append("  return new ").append(name).append("(value);\n").append(i2).append("}\n");
    sb.append(in).append("}\n");
  }

  // ---- unions -----------------------------------------------------------------------------------

  private void emitUnion(ModelPlan p, String in, StringBuilder sb) {
    String name = p.name.simple();
    StringBuilder doc = new StringBuilder(Javadoc.html(p.description));
    if (doc.length() == 0) {
      doc.append("One of several kinds of {@code ").append(Javadoc.escape(p.specName)).append("}.");
    }
    doc.append("\n\n<p>Variants: ");
    List<String> links = new ArrayList<>();
    for (ClassName v : p.variants) {
      links.add("{@link " + f.t(v) + "}");
    }
    doc.append(links.isEmpty() ? "none known" : String.join(", ", links));
    doc.append(p.discriminator != null
        ? ", chosen by {@code " + Javadoc.escape(p.discriminator) + "}"
        : ", chosen by the fields present");
    doc.append(". JSON of any other kind decodes to {@link Unknown}, kept whole.");
    Javadoc.comment(sb, in, doc.toString(), generatedTag(p));
    if (p.deprecated) {
      sb.append(in).append("@Deprecated\n");
    }
    sb.append(in).append("public interface ").append(name).append(" {\n");
    String i2 = in + "  ";
    Javadoc.comment(sb, i2, "Returns the whole JSON object, including fields unknown to this version; unmodifiable.");
    sb.append(i2).append(jsonMap()).append(" toJson();\n");
    String discJava = p.discriminatorGetter ? Names.member(p.discriminator) : null;
    if (discJava != null) {
      sb.append('\n');
      Javadoc.comment(sb, i2, "Returns the {@code " + Javadoc.escape(p.discriminator) + "} that tells the variants apart.");
      sb.append(i2).append("String ").append(discJava).append("();\n");
    }
    sb.append('\n');
    Javadoc.comment(sb, i2, "Returns the variant for {@code json}; never fails: JSON of an unknown kind gives {@link Unknown}.");
    sb.append(i2).append("static ").append(name).append(" fromJson(").append(jsonMap()).append(" json) {\n");
    if (p.discriminator != null) {
      sb.append(i2).append("  switch (").append(f.t(TAGS)).append(".of(json, ").append(lit(p.discriminator)).append(")) {\n");
      for (Map.Entry<String, ClassName> c : p.cases.entrySet()) {
        if (c.getKey().isEmpty()) {
          continue;
        }
        sb.append(i2).append("    case ").append(lit(c.getKey())).append(":\n");
        sb.append(i2).append("      return ").append(f.t(c.getValue())).append(".fromJson(json);\n");
      }
      if (p.fallback != null) {
        sb.append(i2).append("    case \"\":\n");
        sb.append(i2).append("      return ").append(f.t(p.fallback)).append(".fromJson(json);\n");
      }
      sb.append(i2).append("    default:\n").append(i2).append("      return new Unknown(json);\n");
      sb.append(i2).append("  }\n");
    } else {
      for (ModelPlan.Structural s : p.structural) {
        List<String> keys = new ArrayList<>();
        for (String k : s.keys) {
          keys.add(lit(k));
        }
        if (keys.isEmpty()) {
          sb.append(i2).append("  return ").append(f.t(s.variant)).append(".fromJson(json);\n");
          break;
        }
        sb.append(i2).append("  if (").append(f.t(TAGS)).append(".has(json, ").append(String.join(", ", keys)).append(")) {\n");
        sb.append(i2).append("    return ").append(f.t(s.variant)).append(".fromJson(json);\n").append(i2).append("  }\n");
      }
      if (p.structural.isEmpty() || !p.structural.get(p.structural.size() - 1).keys.isEmpty()) {
        sb.append(i2).append("  return new Unknown(json);\n");
      }
    }
    sb.append(i2).append("}\n\n");
    Javadoc.comment(sb, i2, "A variant this version of Conduit does not know; its JSON is kept whole and re-sent unchanged.");
    sb.append(i2).append("final class Unknown extends ").append(f.t(JSON_MODEL)).append(" implements ").append(name)
        .append(" {\n");
    sb.append(i2).append("  private Unknown(").append(jsonMap()).append(" json) {\n");
    sb.append(i2).append("    super(").append(f.t(JSON)).append(".freezeMap(json));\n").append(i2).append("  }\n");
    if (discJava != null) {
      sb.append('\n').append(i2).append("  @Override\n");
      sb.append(i2).append("  public String ").append(discJava).append("() {\n");
      sb.append(i2).append("    return ").append(f.t(TAGS)).append(".of(toJson(), ").append(lit(p.discriminator))
          .append(");\n");
      sb.append(i2).append("  }\n");
    }
    sb.append(i2).append("}\n");
    for (ModelPlan n : p.nested) {
      sb.append('\n');
      emit(n, i2, sb);
    }
    sb.append(in).append("}\n");
  }

  static String lit(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        default:
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }
}
