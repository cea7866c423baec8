package dev.conduit.models;


/** The order of a listed page by creation time. Values added later decode to new instances. */
public final class SortOrder extends OpenEnum {
  /** Oldest first. */
  public static final SortOrder ASC = new SortOrder("asc");
  /** Newest first. */
  public static final SortOrder DESC = new SortOrder("desc");

  private SortOrder(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance if this version does not know it. */
  public static SortOrder of(String value) {
    switch (value) {
      case "asc":
        return ASC;
      case "desc":
        return DESC;
      default:
        return new SortOrder(value);
    }
  }
}
