package dev.conduit.internal.structured;

import dev.conduit.internal.Discovery;
import dev.conduit.json.JsonCodec;

/**
 * The codec used where no client is at hand (decoding a tool call's arguments from the model
 * object): discovered once, on first use, exactly as a client discovers its codec.
 */
public final class DefaultCodec {
  private DefaultCodec() {}

  private static final class Holder {
    static final JsonCodec CODEC = Discovery.codecProvider(null, Discovery.Environment.SYSTEM).create();
  }

  /**
   * Returns the discovered codec.
   *
   * @throws dev.conduit.errors.ConfigurationException if no codec is on the classpath
   */
  public static JsonCodec get() {
    return Holder.CODEC;
  }
}
