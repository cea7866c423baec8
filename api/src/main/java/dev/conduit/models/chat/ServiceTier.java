package dev.conduit.models.chat;

import dev.conduit.models.OpenEnum;
import java.util.Map;

/**
 * The processing tier that serves a request: requested in the parameters, and reported in the
 * completion as the tier actually used. Values added later decode to new instances.
 */
public final class ServiceTier extends OpenEnum {
  /** Use the tier configured in the project settings. */
  public static final ServiceTier AUTO = new ServiceTier("auto");
  /** Standard pricing and performance. */
  public static final ServiceTier DEFAULT = new ServiceTier("default");
  /** Flex processing: cheaper, slower. */
  public static final ServiceTier FLEX = new ServiceTier("flex");
  /** Scale tier. */
  public static final ServiceTier SCALE = new ServiceTier("scale");
  /** Priority processing. */
  public static final ServiceTier PRIORITY = new ServiceTier("priority");
  /** Fast mode; reported back as {@code priority}. */
  public static final ServiceTier FAST = new ServiceTier("fast");

  private static final Map<String, ServiceTier> KNOWN =
      Map.of(
          AUTO.value(), AUTO,
          DEFAULT.value(), DEFAULT,
          FLEX.value(), FLEX,
          SCALE.value(), SCALE,
          PRIORITY.value(), PRIORITY,
          FAST.value(), FAST);

  private ServiceTier(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance if this version does not know it. */
  public static ServiceTier of(String value) {
    ServiceTier known = KNOWN.get(value);
    return known != null ? known : new ServiceTier(value);
  }
}
