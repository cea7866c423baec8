package dev.conduit.models.responses;

import dev.conduit.models.OpenEnum;

/** How much a reasoning model should think before answering; open to values added later. */
public final class ReasoningEffort extends OpenEnum {
  /** No reasoning. */
  public static final ReasoningEffort NONE = new ReasoningEffort("none");
  /** The least reasoning a model supports. */
  public static final ReasoningEffort MINIMAL = new ReasoningEffort("minimal");
  /** Little reasoning. */
  public static final ReasoningEffort LOW = new ReasoningEffort("low");
  /** The default of most reasoning models. */
  public static final ReasoningEffort MEDIUM = new ReasoningEffort("medium");
  /** Much reasoning. */
  public static final ReasoningEffort HIGH = new ReasoningEffort("high");
  /** More than {@link #HIGH}. */
  public static final ReasoningEffort XHIGH = new ReasoningEffort("xhigh");
  /** The most reasoning a model supports. */
  public static final ReasoningEffort MAX = new ReasoningEffort("max");

  private ReasoningEffort(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance for a value this version does not know. */
  public static ReasoningEffort of(String value) {
    switch (value) {
      case "none":
        return NONE;
      case "minimal":
        return MINIMAL;
      case "low":
        return LOW;
      case "medium":
        return MEDIUM;
      case "high":
        return HIGH;
      case "xhigh":
        return XHIGH;
      case "max":
        return MAX;
      default:
        return new ReasoningEffort(value);
    }
  }
}
