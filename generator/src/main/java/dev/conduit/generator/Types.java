package dev.conduit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Names of Java types and the Java shape of a schema. */
final class Types {
  private Types() {}

  /** A class name: package plus the chain of simple names from the top-level class down. */
  static final class ClassName {
    final String pkg;
    final List<String> names;

    ClassName(String pkg, List<String> names) {
      this.pkg = pkg;
      this.names = List.copyOf(names);
    }

    static ClassName of(String pkg, String... names) {
      return new ClassName(pkg, List.of(names));
    }

    static ClassName parse(String canonical) {
      int i = canonical.lastIndexOf('.');
      return of(canonical.substring(0, i), canonical.substring(i + 1));
    }

    ClassName nested(String name) {
      List<String> n = new ArrayList<>(names);
      n.add(name);
      return new ClassName(pkg, n);
    }

    String simple() {
      return names.get(names.size() - 1);
    }

    ClassName top() {
      return names.size() == 1 ? this : of(pkg, names.get(0));
    }

    String canonical() {
      return pkg + "." + String.join(".", names);
    }

    /** The name relative to the top-level class, e.g. {@code Outer.Inner}. */
    String relative() {
      return String.join(".", names);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ClassName && ((ClassName) o).canonical().equals(canonical());
    }

    @Override
    public int hashCode() {
      return canonical().hashCode();
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  enum Kind { STRING, LONG, DOUBLE, BOOLEAN, ENUM, MODEL, UNION, LIST, MAP, ANY, FILE }

  /** The Java shape of a schema. */
  static final class TypeRef {
    final Kind kind;
    final ClassName cls;
    final TypeRef elem;
    /** For ANY: a description of the JSON shapes allowed, for Javadoc. */
    final String note;

    private TypeRef(Kind kind, ClassName cls, TypeRef elem, String note) {
      this.kind = kind;
      this.cls = cls;
      this.elem = elem;
      this.note = note;
    }

    static final TypeRef STRING = new TypeRef(Kind.STRING, null, null, null);
    static final TypeRef LONG = new TypeRef(Kind.LONG, null, null, null);
    static final TypeRef DOUBLE = new TypeRef(Kind.DOUBLE, null, null, null);
    static final TypeRef BOOLEAN = new TypeRef(Kind.BOOLEAN, null, null, null);
    static final TypeRef ANY = new TypeRef(Kind.ANY, null, null, null);
    static final TypeRef FILE = new TypeRef(Kind.FILE, null, null, null);

    static TypeRef any(String note) {
      return new TypeRef(Kind.ANY, null, null, note);
    }

    static TypeRef enumOf(ClassName c) {
      return new TypeRef(Kind.ENUM, c, null, null);
    }

    static TypeRef model(ClassName c) {
      return new TypeRef(Kind.MODEL, c, null, null);
    }

    static TypeRef union(ClassName c) {
      return new TypeRef(Kind.UNION, c, null, null);
    }

    static TypeRef list(TypeRef elem) {
      return new TypeRef(Kind.LIST, null, Objects.requireNonNull(elem), null);
    }

    static TypeRef map(TypeRef elem) {
      return new TypeRef(Kind.MAP, null, Objects.requireNonNull(elem), null);
    }

    boolean isObject() {
      return kind == Kind.MODEL || kind == Kind.UNION;
    }

    @Override
    public String toString() {
      return kind + (cls != null ? "(" + cls + ")" : "") + (elem != null ? "<" + elem + ">" : "");
    }
  }
}
