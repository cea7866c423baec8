package dev.conduit.generator;

import dev.conduit.generator.Types.ClassName;
import dev.conduit.generator.Types.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A class to emit: an object model, an open enum or a union interface, possibly with nested classes. */
final class ModelPlan {
  enum Kind { OBJECT, ENUM, UNION }

  /** A property of an object model. */
  static final class Prop {
    String wire;
    String java;
    TypeRef type;
    boolean required;
    boolean nullable;
    String description;
    boolean deprecated;
    /** The only value the spec allows, or null. */
    String constValue;
    /** A multipart file field: one file, or several when {@link #fileList}. */
    boolean file;
    boolean fileList;
  }

  /** A case of an untagged union: the variant chosen when the JSON has all of {@code keys}. */
  static final class Structural {
    final ClassName variant;
    final List<String> keys;

    Structural(ClassName variant, List<String> keys) {
      this.variant = variant;
      this.keys = keys;
    }
  }

  final Kind kind;
  final ClassName name;
  /** The spec's name for this type: a component name, or a path like {@code Batch.request_counts}. */
  final String specName;
  final ModelPlan parent;
  final List<ModelPlan> nested = new ArrayList<>();
  /** Simple names taken in this file (shared by a top-level plan and all its nested plans). */
  final Set<String> fileNames;
  String description;
  boolean deprecated;

  // OBJECT
  final List<Prop> props = new ArrayList<>();
  final Set<String> javaNames = new HashSet<>();
  boolean multipart;
  boolean strict;
  /** Users build it (it is reachable from a request): it gets a builder. */
  boolean buildable;
  final Set<ClassName> interfaces = new LinkedHashSet<>();

  // ENUM
  final List<String> values = new ArrayList<>();

  // UNION
  String discriminator;
  final Map<String, ClassName> cases = new LinkedHashMap<>();
  final List<ClassName> variants = new ArrayList<>();
  final List<Structural> structural = new ArrayList<>();
  ClassName fallback;
  boolean discriminatorGetter;

  ModelPlan(Kind kind, ClassName name, String specName, ModelPlan parent) {
    this.kind = kind;
    this.name = name;
    this.specName = specName;
    this.parent = parent;
    this.fileNames = parent == null ? new HashSet<>() : parent.fileNames;
    if (parent == null) {
      fileNames.add(name.simple());
    }
  }

  ModelPlan top() {
    ModelPlan p = this;
    while (p.parent != null) {
      p = p.parent;
    }
    return p;
  }

  /** Reserves a nested simple name unique in this file, derived from {@code wanted}. */
  String reserveNested(String wanted) {
    String base = wanted;
    if (Names.RESERVED_TYPES.contains(base)) {
      base = base + "Value";
    }
    String n = base;
    for (int i = 2; fileNames.contains(n); i++) {
      n = base + i;
    }
    fileNames.add(n);
    return n;
  }

  String reserveMember(String wire) {
    String base = Names.member(wire);
    String n = base;
    for (int i = 2; javaNames.contains(n); i++) {
      n = base + i;
    }
    javaNames.add(n);
    return n;
  }

  Map<String, Prop> propsByWire() {
    Map<String, Prop> m = new LinkedHashMap<>();
    for (Prop p : props) {
      m.put(p.wire, p);
    }
    return m;
  }
}
