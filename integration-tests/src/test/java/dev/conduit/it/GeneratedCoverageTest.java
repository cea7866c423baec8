package dev.conduit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.OpenAIClient;
import dev.conduit.OpenAIClientAsync;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coverage report of the acceptance criteria, over the pinned spec: which non-deprecated
 * operations are reachable as typed methods on both the blocking and the asynchronous client, and
 * which schema properties have a model getter. It reads every operation and every property of
 * every object schema from {@code spec/operations.tsv} and {@code spec/schemas.tsv} (the generator
 * lists all of them, covered or not, together with the method or getter meant to represent each),
 * checks each by reflection on the real classes, writes the figures and the uncovered names to
 * {@code target/coverage-report.txt} and standard output, and requires 95 % of each.
 */
class GeneratedCoverageTest {
  private static final double REQUIRED = 0.95;

  @Test
  void operationsAndSchemaPropertiesAreCovered() throws Exception {
    Path root = GeneratedSourcesUpToDateTest.root();
    StringBuilder report = new StringBuilder("Conduit coverage of spec/openai-openapi.yaml\n\n");

    int ops = 0;
    int opsCovered = 0;
    int deprecated = 0;
    int deprecatedCovered = 0;
    List<String> missingOps = new ArrayList<>();
    for (String[] c : rows(root.resolve("spec/operations.tsv"))) {
      String id = c[0];
      boolean isDeprecated = c[3].equals("deprecated");
      String accessor = c[5];
      String method = c[6];
      boolean ok = reachable(OpenAIClient.class, accessor, method) && reachable(OpenAIClientAsync.class, accessor, method);
      if (isDeprecated) {
        deprecated++;
        deprecatedCovered += ok ? 1 : 0;
        continue;
      }
      ops++;
      if (ok) {
        opsCovered++;
      } else {
        missingOps.add(id + " (" + c[1] + " " + c[2] + ", expected client." + accessor.replace(".", "().") + "()." + method + "(...))");
      }
    }

    int props = 0;
    int propsCovered = 0;
    List<String> missingProps = new ArrayList<>();
    for (String[] c : rows(root.resolve("spec/schemas.tsv"))) {
      props++;
      if (hasGetter(c[2], c[3])) {
        propsCovered++;
      } else {
        missingProps.add(c[0] + "." + c[1]);
      }
    }

    double opShare = (double) opsCovered / ops;
    double propShare = (double) propsCovered / props;
    report.append(String.format("operations (not deprecated): %d of %d reachable on OpenAIClient and OpenAIClientAsync (%.1f %%)%n",
        opsCovered, ops, 100 * opShare));
    report.append(String.format("deprecated operations:       %d of %d reachable%n", deprecatedCovered, deprecated));
    report.append(String.format("schema properties:           %d of %d with a model getter (%.1f %%)%n%n",
        propsCovered, props, 100 * propShare));
    report.append("uncovered operations (").append(missingOps.size()).append("):\n");
    missingOps.forEach(m -> report.append("  ").append(m).append('\n'));
    report.append("uncovered schema properties (").append(missingProps.size()).append("):\n");
    missingProps.forEach(m -> report.append("  ").append(m).append('\n'));
    System.out.println(report);
    Path out = Path.of("target/coverage-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);

    assertThat(opShare).as(report.toString()).isGreaterThanOrEqualTo(REQUIRED);
    assertThat(propShare).as(report.toString()).isGreaterThanOrEqualTo(REQUIRED);
  }

  static List<String[]> rows(Path tsv) throws Exception {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line.split("\t", -1));
      }
    }
    return out;
  }

  /** Follows the accessor chain from a client class and looks for a public method {@code method}. */
  static boolean reachable(Class<?> client, String accessor, String method) {
    Class<?> c = client;
    for (String segment : accessor.split("\\.")) {
      try {
        Method m = c.getMethod(segment);
        c = m.getReturnType();
      } catch (NoSuchMethodException e) {
        return false;
      }
    }
    for (Method m : c.getMethods()) {
      if (m.getName().equals(method) && Modifier.isPublic(m.getModifiers())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasGetter(String className, String getter) {
    if (className.equals("-") || getter.equals("-")) {
      return false;
    }
    try {
      Method m = Class.forName(className).getMethod(getter);
      return m.getReturnType() != void.class;
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return false;
    }
  }
}
