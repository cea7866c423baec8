package dev.conduit.models;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A string-valued enumeration that stays open to values added to the API later. Known values are
 * constants of the subclass; a value this version does not know decodes to a new instance instead of
 * failing, and is sent back as it came. Compare with {@code equals}, which compares the value.
 */
public abstract class OpenEnum {
  private final String value;

  protected OpenEnum(String value) {
    this.value = Objects.requireNonNull(value, "value == null");
  }

  /** Returns the wire value, e.g. {@code "completed"}. */
  public final String value() {
    return value;
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass() && ((OpenEnum) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** Returns the wire value. */
  @Override
  public final String toString() {
    return value;
  }
}
