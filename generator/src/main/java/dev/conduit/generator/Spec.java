package dev.conduit.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The OpenAPI document as plain maps and lists, with helpers to read it. */
final class Spec {
  final Map<String, Object> root;
  final Map<String, Object> schemas;
  final String sha256;
  final byte[] bytes;

  private Spec(Map<String, Object> root, byte[] bytes) {
    this.root = root;
    this.bytes = bytes;
    this.schemas = map(map(root, "components"), "schemas");
    this.sha256 = sha256(bytes);
  }

  static Spec load(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(64 * 1024 * 1024);
      options.setMaxAliasesForCollections(1000);
      Yaml yaml = new Yaml(new SafeConstructor(options));
      Object doc;
      try (InputStream in = Files.newInputStream(file)) {
        doc = yaml.load(in);
      }
      return new Spec(cast(doc), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- tree access ------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }

  static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Map ? cast(v) : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof List ? (List<Object>) v : new ArrayList<>();
  }

  static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v);
  }

  static boolean bool(Map<String, Object> m, String key) {
    return Boolean.TRUE.equals(m.get(key));
  }

  /** Returns the component name of a {@code $ref} node, or null. */
  static String refName(Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (!(ref instanceof String)) {
      return null;
    }
    String s = (String) ref;
    String prefix = "#/components/schemas/";
    if (!s.startsWith(prefix)) {
      throw new IllegalStateException("unsupported $ref: " + s);
    }
    return s.substring(prefix.length());
  }

  Map<String, Object> schema(String name) {
    Object s = schemas.get(name);
    if (s == null) {
      throw new IllegalStateException("no schema " + name);
    }
    return cast(s);
  }

  /** Follows {@code $ref}s to the schema they name. */
  Map<String, Object> deref(Map<String, Object> node) {
    Map<String, Object> n = node;
    for (int i = 0; i < 20; i++) {
      String ref = refName(n);
      if (ref == null) {
        return n;
      }
      n = schema(ref);
    }
    throw new IllegalStateException("$ref loop at " + node);
  }

  /** Collects the component names referenced anywhere inside {@code node}. */
  static void refs(Object node, Set<String> out) {
    if (node instanceof Map) {
      Map<String, Object> m = cast(node);
      String ref = m.get("$ref") instanceof String && ((String) m.get("$ref")).startsWith("#/components/schemas/")
          ? refName(m) : null;
      if (ref != null) {
        out.add(ref);
      }
      for (Object v : m.values()) {
        refs(v, out);
      }
    } else if (node instanceof List) {
      for (Object v : (List<?>) node) {
        refs(v, out);
      }
    }
  }

  /** An operation of the spec: method, path and its definition. */
  static final class Operation {
    final String id;
    final String method;
    final String rawPath;
    final String path;
    final Map<String, Object> node;
    final List<Map<String, Object>> parameters;

    Operation(String id, String method, String rawPath, Map<String, Object> node, List<Map<String, Object>> parameters) {
      this.id = id;
      this.method = method;
      this.rawPath = rawPath;
      int q = rawPath.indexOf('?');
      this.path = q < 0 ? rawPath : rawPath.substring(0, q);
      this.node = node;
      this.parameters = parameters;
    }

    boolean deprecated() {
      return bool(node, "deprecated");
    }
  }

  List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    for (Map.Entry<String, Object> p : map(root, "paths").entrySet()) {
      Map<String, Object> item = cast(p.getValue());
      List<Map<String, Object>> shared = new ArrayList<>();
      for (Object o : list(item, "parameters")) {
        shared.add(resolveParameter(cast(o)));
      }
      for (String method : List.of("get", "post", "put", "patch", "delete")) {
        Object o = item.get(method);
        if (o == null) {
          continue;
        }
        Map<String, Object> op = cast(o);
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        for (Map<String, Object> sp : shared) {
          params.put(str(sp, "in") + ":" + str(sp, "name"), sp);
        }
        for (Object po : list(op, "parameters")) {
          Map<String, Object> pm = resolveParameter(cast(po));
          params.put(str(pm, "in") + ":" + str(pm, "name"), pm);
        }
        ops.add(new Operation(str(op, "operationId"), method.toUpperCase(java.util.Locale.ROOT), p.getKey(), op,
            new ArrayList<>(params.values())));
      }
    }
    return ops;
  }

  private Map<String, Object> resolveParameter(Map<String, Object> p) {
    Object ref = p.get("$ref");
    if (ref instanceof String && ((String) ref).startsWith("#/components/parameters/")) {
      return cast(map(map(root, "components"), "parameters").get(((String) ref).substring("#/components/parameters/".length())));
    }
    return p;
  }

  /** Returns the names of the component schemas the webhook payloads use. */
  Set<String> webhookSchemas() {
    Set<String> out = new LinkedHashSet<>();
    refs(map(root, "webhooks"), out);
    return out;
  }
}
