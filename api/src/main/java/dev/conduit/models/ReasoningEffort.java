package dev.conduit.models;

import java.util.Map;

/**
 * How much effort a reasoning model spends on reasoning; less effort gives faster answers that use
 * fewer tokens. Not every model supports every value. Values added later decode to new instances.
 */
public final class ReasoningEffort extends OpenEnum {
  /** No reasoning. */
  public static final ReasoningEffort NONE = new ReasoningEffort("none");
  /** Minimal reasoning. */
  public static final ReasoningEffort MINIMAL = new ReasoningEffort("minimal");
  /** Low effort. */
  public static final ReasoningEffort LOW = new ReasoningEffort("low");
  /** Medium effort, the usual default. */
  public static final ReasoningEffort MEDIUM = new ReasoningEffort("medium");
  /** High effort. */
  public static final ReasoningEffort HIGH = new ReasoningEffort("high");
  /** Extra-high effort. */
  public static final ReasoningEffort XHIGH = new ReasoningEffort("xhigh");
  /** The most effort a model offers. */
  public static final ReasoningEffort MAX = new ReasoningEffort("max");

  private static final Map<String, ReasoningEffort> KNOWN =
      Map.of(
          NONE.value(), NONE,
          MINIMAL.value(), MINIMAL,
          LOW.value(), LOW,
          MEDIUM.value(), MEDIUM,
          HIGH.value(), HIGH,
          XHIGH.value(), XHIGH,
          MAX.value(), MAX);

  private ReasoningEffort(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance if this version does not know it. */
  public static ReasoningEffort of(String value) {
    ReasoningEffort known = KNOWN.get(value);
    return known != null ? known : new ReasoningEffort(value);
  }
}
