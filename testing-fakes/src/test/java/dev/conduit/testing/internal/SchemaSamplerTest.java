package dev.conduit.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.support.Trees;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaSamplerTest {
  @SuppressWarnings("unchecked")
  private static Object sample(String schema) {
    return SchemaSampler.sample((Map<String, Object>) (Map<?, ?>) Trees.object(schema));
  }

  @Test
  void fillsEveryPropertyWithItsType() {
    Object v = sample("""
        {"type":"object","properties":{"s":{"type":"string"},"i":{"type":"integer"},"n":{"type":"number"},
          "b":{"type":"boolean"},"z":{"type":"null"},"a":{"type":"array","items":{"type":"integer"}},
          "o":{"type":"object","properties":{"x":{"type":"string"}}},"free":{}}}""");
    assertThat(v).isEqualTo(Trees.object(
        "{\"s\":\"s\",\"i\":0,\"n\":0.0,\"b\":true,\"z\":null,\"a\":[0],\"o\":{\"x\":\"x\"},\"free\":{}}"));
  }

  @Test
  void honoursEnumsConstsBoundsAndFormats() {
    Map<String, Object> v = Trees.object(new String(dev.conduit.testing.support.Trees.write(sample("""
        {"type":"object","properties":{
          "e":{"enum":[null,"b","c"]},"c":{"const":{"k":[1]}},
          "min":{"type":"integer","minimum":5},"max":{"type":"number","maximum":-2.5},
          "exMin":{"type":"integer","exclusiveMinimum":0},"exMax":{"type":"number","exclusiveMaximum":-1.5},
          "short":{"type":"string","maxLength":2},"long":{"type":"string","minLength":8},
          "date":{"type":"string","format":"date-time"},"uuid":{"type":"string","format":"uuid"},
          "arr":{"type":"array","minItems":3,"maxItems":3,"items":{"type":"boolean"}},
          "none":{"type":"array","maxItems":0},
          "tuple":{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}],"minItems":2}}}""")),
        java.nio.charset.StandardCharsets.UTF_8));
    assertThat(v).containsEntry("e", "b").containsEntry("c", Map.of("k", List.of(1L))).containsEntry("min", 5L)
        .containsEntry("max", -2.5).containsEntry("exMin", 1L).containsEntry("exMax", -2.0)
        .containsEntry("date", "2025-01-01T00:00:00Z").containsEntry("uuid", "00000000-0000-4000-8000-000000000000")
        .containsEntry("arr", List.of(true, true, true)).containsEntry("none", List.of())
        .containsEntry("tuple", List.of("tuple", 0L));
    assertThat(((String) v.get("short")).length()).isLessThanOrEqualTo(2);
    assertThat(((String) v.get("long")).length()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void resolvesRefsUnionsAndRecursion() {
    Object v = sample("""
        {"$defs":{"node":{"type":"object","required":["name","children"],"properties":{"name":{"type":"string"},
          "children":{"type":"array","items":{"$ref":"#/$defs/node"}}}},
          "base":{"type":"object","properties":{"id":{"type":"integer"}}}},
         "type":"object","properties":{
          "tree":{"$ref":"#/$defs/node"},
          "maybe":{"anyOf":[{"type":"null"},{"type":"integer","minimum":3}]},
          "either":{"oneOf":[{"type":"string","enum":["x"]},{"type":"integer"}]},
          "nullable":{"type":["null","boolean"]},
          "merged":{"allOf":[{"$ref":"#/$defs/base"},{"properties":{"extra":{"type":"string"}}}]},
          "remote":{"$ref":"https://example.com/schema.json"}}}""");
    assertThat(Trees.<Object>at(v, "tree", "name")).isEqualTo("name");
    assertThat(Trees.<Object>at(v, "tree", "children", 0, "children", 0, "name")).isEqualTo("name");
    assertThat(Trees.<Object>at(v, "maybe")).isEqualTo(3L);
    assertThat(Trees.<Object>at(v, "either")).isEqualTo("x");
    assertThat(Trees.<Object>at(v, "nullable")).isEqualTo(true);
    assertThat(Trees.<Map<String, Object>>at(v, "merged")).containsEntry("id", 0L).containsEntry("extra", "extra");
    assertThat(Trees.<Object>at(v, "remote")).isEqualTo(Map.of());
    assertThat(SchemaSampler.sample(null)).isEqualTo(Map.of());
  }
}
