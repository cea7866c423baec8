package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the model picks tools: a mode ({@link #auto()}, {@link #none()}, {@link #required()}) or one
 * named function it must call ({@link #function(String)}). Immutable; {@code equals} compares the
 * JSON value.
 */
public final class ToolChoice {
  private static final ToolChoice AUTO = new ToolChoice("auto");
  private static final ToolChoice NONE = new ToolChoice("none");
  private static final ToolChoice REQUIRED = new ToolChoice("required");

  private final Object value;

  private ToolChoice(Object value) {
    this.value = value;
  }

  /** Returns the mode in which the model decides whether to call tools (the default). */
  public static ToolChoice auto() {
    return AUTO;
  }

  /** Returns the mode in which the model calls no tool and answers with a message. */
  public static ToolChoice none() {
    return NONE;
  }

  /** Returns the mode in which the model must call one or more tools. */
  public static ToolChoice required() {
    return REQUIRED;
  }

  /** Returns a choice forcing the model to call the function named {@code name}. */
  public static ToolChoice function(String name) {
    Objects.requireNonNull(name, "name == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "function");
    json.put("name", name);
    return new ToolChoice(Json.freezeMap(json));
  }

  /**
   * Returns a choice sending {@code value} as it is: a mode string, or an object tree for a form this
   * class has no factory for (e.g. {@code allowed_tools}).
   *
   * @throws IllegalArgumentException if {@code value} is neither a string nor a map
   */
  public static ToolChoice of(Object value) {
    Objects.requireNonNull(value, "value == null");
    if (!(value instanceof String) && !(value instanceof Map)) {
      throw new IllegalArgumentException("tool choice must be a string or an object: " + value.getClass().getName());
    }
    return new ToolChoice(Objects.requireNonNull(Json.toTree(value)));
  }

  /** Returns the JSON value: a string mode or an unmodifiable object tree. */
  public Object value() {
    return value;
  }

  /** Returns true if {@code o} is a tool choice with an equal JSON value. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ToolChoice && ((ToolChoice) o).value.equals(value);
  }

  /** Returns the hash of the JSON value. */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the JSON value in debug form. */
  @Override
  public String toString() {
    return "ToolChoice" + Json.toDebugString(value, 100);
  }
}
