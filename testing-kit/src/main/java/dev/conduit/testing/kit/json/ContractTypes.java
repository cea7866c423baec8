package dev.conduit.testing.kit.json;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The user types that {@link JsonCodecContract} binds. They are public so that codecs which bind by
 * reflection can reach them.
 */
public final class ContractTypes {
  private ContractTypes() {}

  /** A record nested in {@link Person}. */
  public record Address(String city, String postcode) {}

  /** A record with a primitive, a nested record, a nullable component and a list. */
  public record Person(
      String name, int age, Address address, @Nullable String nickname, List<String> tags) {}

  /** An enum bound by constant name. */
  public enum Color {
    /** Red. */
    RED,
    /** Green. */
    GREEN,
    /** Blue. */
    BLUE
  }

  /** A record with an enum and a boxed, nullable number. */
  public record Paint(String name, Color color, @Nullable Integer coats) {}

  /** A record whose free-form component must bind to the JSON tree form, like tool-call arguments. */
  public record ToolCall(String name, Map<String, Object> arguments, @Nullable Object extra) {}

  /** A record with every primitive kind a JSON value maps to. */
  public record Primitives(int i, long l, double d, boolean b) {}
}
