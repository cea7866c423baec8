package dev.conduit.json.moshi;

import dev.conduit.json.JsonCodec;
import dev.conduit.json.JsonCodecProvider;

/**
 * Offers {@link MoshiJsonCodec} to Conduit's codec discovery under the name {@code "moshi"}, with
 * priority 100. Registered in {@code META-INF/services} and in this module's {@code module-info}.
 * Touches no Moshi class until {@link #create()}, so discovery works even if Moshi is missing.
 */
public final class MoshiJsonCodecProvider implements JsonCodecProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public MoshiJsonCodecProvider() {}

  @Override
  public String name() {
    return "moshi";
  }

  @Override
  public int priority() {
    return 100;
  }

  /** Returns a new {@link MoshiJsonCodec} with Moshi's built-in adapters. */
  @Override
  public JsonCodec create() {
    return MoshiJsonCodec.create();
  }

  @Override
  public String toString() {
    return "MoshiJsonCodecProvider[moshi]";
  }
}
