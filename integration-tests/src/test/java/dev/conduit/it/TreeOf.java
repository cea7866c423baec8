package dev.conduit.it;

import dev.conduit.json.moshi.MoshiJsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads JSON text into a tree with the real codec, for assertions on what a server received. */
final class TreeOf {
  private TreeOf() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    return (Map<String, Object>) MoshiJsonCodec.create().readTree(text.getBytes(StandardCharsets.UTF_8));
  }
}
