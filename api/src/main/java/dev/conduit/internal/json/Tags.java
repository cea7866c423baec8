package dev.conduit.internal.json;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads what tells the variants of a union apart, without ever failing; used by generated unions. */
public final class Tags {
  private Tags() {}

  /** Returns the string field {@code name} of {@code json}, or "" when it is absent or not a string. */
  public static String of(Map<String, @Nullable Object> json, String name) {
    Object v = json.get(name);
    return v instanceof String ? (String) v : "";
  }

  /** Returns true if {@code json} has every one of {@code names} (with any value, even null). */
  public static boolean has(Map<String, @Nullable Object> json, String... names) {
    for (String n : names) {
      if (!json.containsKey(n)) {
        return false;
      }
    }
    return true;
  }
}
