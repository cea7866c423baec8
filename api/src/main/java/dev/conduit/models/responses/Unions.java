package dev.conduit.models.responses;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the discriminator of a union member without ever failing. */
final class Unions {
  private Unions() {}

  /** Returns the {@code type} field of {@code json}, or "" when it is absent or not a string. */
  static String typeOf(Map<String, @Nullable Object> json) {
    Object type = json.get("type");
    return type instanceof String ? (String) type : "";
  }
}
