package dev.conduit.generator;

import dev.conduit.generator.Api.OpPlan;
import dev.conduit.generator.Api.Route;
import dev.conduit.generator.Api.ServiceNode;
import dev.conduit.generator.ModelPlan.Prop;
import dev.conduit.generator.Types.ClassName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Generates Conduit's models and services from the pinned OpenAPI spec. Run from the repository
 * root with {@code ./mvnw -f generator/pom.xml -q compile exec:java}; the only argument is the
 * repository root.
 */
public final class Main {
  static final String SOURCES = "api/src/main/java";
  static final String SPEC = "spec/openai-openapi.yaml";
  static final String MANIFEST = "spec/generated-manifest.txt";
  /** The generator's own sources, hashed into the manifest so that changing them requires a new run. */
  static final String GENERATOR = "generator/pom.xml+generator/src";

  private final Path root;
  private final Map<String, String> files = new TreeMap<>();
  private final Map<String, String> regions = new TreeMap<>();

  private Main(Path root) {
    this.root = root;
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    new Main(root).run();
  }

  private void run() throws IOException {
    long start = System.nanoTime();
    Spec spec = Spec.load(root.resolve(SPEC));
    Api api = new Api(spec);
    api.dedupe();
    api.assignPackages();
    Planner planner = new Planner(spec, api.componentPackage, Api.CORE_TYPES, api.multipartComponents,
        api.strictComponents, api.representative);
    api.planner = planner;
    planner.canonical = node -> api.canonical(node, null);
    planner.planAllComponents();
    api.planOperations();
    List<ClassName> requestRoots = new ArrayList<>();
    for (OpPlan p : api.plans) {
      for (Api.Body b : p.bodies) {
        if (b.type != null) {
          requestRoots.add(b.type);
        }
      }
      if (p.paramsType != null) {
        requestRoots.add(p.paramsType);
      }
    }
    for (String name : api.strictComponents) {
      ClassName c = planner.classOf(name);
      if (c != null) {
        requestRoots.add(c);
      }
    }
    planner.markBuildable(requestRoots);

    // models
    ModelWriter models = new ModelWriter(spec.sha256, planner);
    Set<String> modelPackages = new TreeSet<>();
    for (ModelPlan top : planner.tops) {
      files.put(SOURCES + "/" + ServiceWriter.path(top.name), models.write(top));
      modelPackages.add(top.name.pkg);
    }
    for (String pkg : modelPackages) {
      files.put(SOURCES + "/" + pkg.replace('.', '/') + "/package-info.java", packageInfo(spec.sha256, pkg,
          "Models of the OpenAI API generated from its OpenAPI spec: immutable views over JSON, with builders."));
    }
    // services
    ServiceWriter services = new ServiceWriter(spec.sha256);
    writeServices(services, api.root);
    files.put(SOURCES + "/dev/conduit/services/admin/package-info.java", packageInfo(spec.sha256,
        "dev.conduit.services.admin", "The organization and project administration API: {@code client.admin()}."));
    files.put(SOURCES + "/" + Api.IMPLS.replace('.', '/') + "/package-info.java", packageInfo(spec.sha256, Api.IMPLS,
        "Internal: generated implementations of the services. Not API."));
    // regions of hand-written files
    regions.put(SOURCES + "/dev/conduit/OpenAIClient.java#generated-accessors", ServiceWriter.accessors(api.root, false));
    regions.put(SOURCES + "/dev/conduit/OpenAIClientAsync.java#generated-accessors", ServiceWriter.accessors(api.root, true));
    StringBuilder exports = new StringBuilder();
    Set<String> exported = new TreeSet<>(modelPackages);
    exported.add("dev.conduit.services.admin");
    String moduleInfo = Files.readString(root.resolve(SOURCES + "/module-info.java"));
    String handWritten = moduleInfo.replace(readRegion(moduleInfo, "generated-exports"), "");
    for (String pkg : exported) {
      if (handWritten.contains("exports " + pkg + ";")) {
        continue;
      }
      exports.append("  exports ").append(pkg).append(";\n");
    }
    regions.put(SOURCES + "/module-info.java#generated-exports", exports.toString());

    files.put("spec/operations.tsv", operationsTsv(api));
    files.put("spec/schemas.tsv", schemasTsv(spec, planner));

    int written = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      written += write(root.resolve(e.getKey()), e.getValue()) ? 1 : 0;
    }
    for (Map.Entry<String, String> e : regions.entrySet()) {
      String[] pr = e.getKey().split("#");
      written += writeRegion(root.resolve(pr[0]), pr[1], e.getValue()) ? 1 : 0;
    }
    int deleted = deleteStale();
    write(root.resolve(MANIFEST), manifest(spec));
    System.out.printf("conduit-generator: %d files (%d changed, %d stale deleted), %d operations, %d schemas, %.1f s%n",
        files.size() + regions.size(), written, deleted, api.plans.size(), spec.schemas.size(),
        (System.nanoTime() - start) / 1e9);
  }

  private void writeServices(ServiceWriter w, ServiceNode node) {
    if (!node.chain.isEmpty()) {
      for (Map.Entry<String, String> e : w.write(node).entrySet()) {
        files.put(SOURCES + "/" + e.getKey(), e.getValue());
      }
    }
    for (ServiceNode c : node.children.values()) {
      writeServices(w, c);
    }
  }

  private static String packageInfo(String sha, String pkg, String doc) {
    return JavaFile.HEADER_PREFIX + " (sha256 " + sha + "). Do not edit.\n"
        + "/**\n * " + doc + "\n *\n * @generated\n */\n"
        + "@NullMarked\npackage " + pkg + ";\n\nimport org.jspecify.annotations.NullMarked;\n";
  }

  /** Writes {@code content} unless the file already holds it; returns true if it wrote. */
  private static boolean write(Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return true;
  }

  /** The bytes with CRLF line ends turned into LF, so that a checkout's line ends do not matter. */
  static byte[] lf(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
  }

  static String beginMarker(String region) {
    return "// <" + region + ">";
  }

  static String endMarker(String region) {
    return "// </" + region + ">";
  }

  private static boolean writeRegion(Path file, String region, String content) throws IOException {
    String text = Files.readString(file);
    String begin = beginMarker(region);
    String end = endMarker(region);
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new IllegalStateException(file + " has no region " + begin + " ... " + end);
    }
    int bodyStart = text.indexOf('\n', b) + 1;
    int bodyEnd = text.lastIndexOf('\n', e) + 1;
    String updated = text.substring(0, bodyStart) + content + text.substring(bodyEnd);
    if (updated.equals(text)) {
      return false;
    }
    Files.writeString(file, updated);
    return true;
  }

  /** Returns the text between the markers of {@code region}, as the manifest hashes it. */
  static String readRegion(String text, String region) {
    int b = text.indexOf(beginMarker(region));
    int e = text.indexOf(endMarker(region));
    return text.substring(text.indexOf('\n', b) + 1, text.lastIndexOf('\n', e) + 1);
  }

  /** Deletes generated Java files that this run did not produce. */
  private int deleteStale() throws IOException {
    int n = 0;
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root.resolve(SOURCES))) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (!p.toString().endsWith(".java")) {
          continue;
        }
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (files.containsKey(rel)) {
          continue;
        }
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          String first = r.readLine();
          if (first != null && first.startsWith(JavaFile.HEADER_PREFIX)) {
            stale.add(p);
          }
        }
      }
    }
    for (Path p : stale) {
      Files.delete(p);
      n++;
    }
    return n;
  }

  private String manifest(Spec spec) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# Written by conduit-generator: the sha256 of the spec and of every generated file or region.\n");
    sb.append("# GeneratedSourcesUpToDateTest fails when one differs: run ./mvnw -f generator/pom.xml -q compile exec:java\n");
    sb.append("# (hashes are of the text with LF line ends)\n");
    sb.append(Spec.sha256(lf(Files.readAllBytes(root.resolve(SPEC))))).append("  ").append(SPEC).append('\n');
    sb.append(generatorHash(root)).append("  ").append(GENERATOR).append('\n');
    for (String path : files.keySet()) {
      sb.append(Spec.sha256(lf(Files.readAllBytes(root.resolve(path))))).append("  ").append(path).append('\n');
    }
    for (String key : regions.keySet()) {
      String[] pr = key.split("#");
      String text = Files.readString(root.resolve(pr[0]));
      sb.append(Spec.sha256(lf(readRegion(text, pr[1]).getBytes(StandardCharsets.UTF_8)))).append("  ").append(key).append('\n');
    }
    return sb.toString();
  }

  /**
   * Returns the sha256 of the generator itself: over the sorted lines {@code <path> <sha256 of the
   * file>} of {@code generator/pom.xml} and every file under {@code generator/src}.
   */
  static String generatorHash(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    paths.add(root.resolve("generator/pom.xml"));
    try (Stream<Path> walk = Files.walk(root.resolve("generator/src"))) {
      walk.filter(Files::isRegularFile).forEach(paths::add);
    }
    Map<String, String> lines = new TreeMap<>();
    for (Path p : paths) {
      String content = new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\r\n", "\n");
      lines.put(root.relativize(p).toString().replace('\\', '/'), Spec.sha256(content.getBytes(StandardCharsets.UTF_8)));
    }
    StringBuilder sb = new StringBuilder();
    lines.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
    return Spec.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  // ---- summaries for the coverage report --------------------------------------------------------

  private static String operationsTsv(Api api) {
    StringBuilder sb = new StringBuilder();
    sb.append("# operationId\tmethod\tpath\tdeprecated\tstatus\taccessor\tjavaMethod\tshape\tstreamMethod\tpathParams"
        + "\tparamsClass\trequiredParams\tbodyClasses\n");
    Map<String, OpPlan> byId = new TreeMap<>();
    for (OpPlan p : api.plans) {
      byId.put(p.op.id, p);
    }
    for (Spec.Operation op : api.operations) {
      Route r = api.routeById.get(op.id);
      OpPlan p = byId.get(op.id);
      List<String> c = new ArrayList<>();
      c.add(op.id);
      c.add(op.method);
      c.add(op.rawPath);
      c.add(op.deprecated() ? "deprecated" : "-");
      c.add(r.status);
      c.add(String.join(".", r.chain));
      c.add(r.method);
      if (p == null) {
        c.add("-");
        c.add("-");
        c.add("-");
        c.add("-");
        c.add("-");
        c.add("-");
      } else {
        c.add(p.resp == Api.Resp.PAGE ? "page:" + p.pageStyle : p.resp.toString().toLowerCase(java.util.Locale.ROOT));
        c.add(p.streamMethod == null ? "-" : p.streamMethod + ":" + String.join(",", p.terminal));
        c.add(Integer.toString(p.pathParams.size()));
        c.add(p.paramsType == null ? "-" : binaryName(p.paramsType));
        List<String> req = new ArrayList<>();
        if (p.paramsType != null) {
          for (Prop q : api.planner.plansByClass.get(p.paramsType).props) {
            if (q.required) {
              req.add(q.wire + ":" + q.type.kind);
            }
          }
        }
        c.add(req.isEmpty() ? "-" : String.join(",", req));
        List<String> bodies = new ArrayList<>();
        for (Api.Body b : p.bodies) {
          bodies.add(b.type == null ? "sdp" : b.kind.toString().toLowerCase(java.util.Locale.ROOT) + ":" + binaryName(b.type));
        }
        c.add(bodies.isEmpty() ? "-" : String.join(",", bodies));
      }
      sb.append(String.join("\t", c)).append('\n');
    }
    return sb.toString();
  }

  static String binaryName(ClassName c) {
    return c.pkg + "." + String.join("$", c.names);
  }

  private static String schemasTsv(Spec spec, Planner planner) {
    StringBuilder sb = new StringBuilder();
    sb.append("# schema\tproperty\tjavaClass\tgetter   (every property of every object schema of the spec)\n");
    for (String name : spec.schemas.keySet()) {
      Map<String, Object> node = spec.schema(name);
      if (planner.shape(Map.of("$ref", "#/components/schemas/" + name)) != Planner.Shape.OBJECT) {
        continue;
      }
      Planner.Props props = planner.props(node);
      ClassName cls = planner.classOf(name);
      ModelPlan plan = cls == null ? null : planner.plansByClass.get(cls);
      Map<String, Prop> byWire = plan == null ? Map.of() : plan.propsByWire();
      for (String wire : props.props.keySet()) {
        String getter;
        if (plan != null) {
          Prop p = byWire.get(wire);
          getter = p == null ? "-" : p.java;
        } else {
          getter = Api.CORE_GETTERS.getOrDefault(name + "." + wire, Names.member(wire));
        }
        sb.append(name).append('\t').append(wire).append('\t').append(cls == null ? "-" : binaryName(cls)).append('\t')
            .append(getter).append('\n');
      }
    }
    return sb.toString();
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
