/**
 * Conduit's JSON codec on Moshi. Put this module on the class path or module path and Conduit finds
 * {@link dev.conduit.json.moshi.MoshiJsonCodecProvider} (name {@code "moshi"}) through {@link
 * java.util.ServiceLoader}; or hand a {@link dev.conduit.json.moshi.MoshiJsonCodec} to the client
 * builder yourself.
 */
module dev.conduit.json.moshi {
  requires transitive dev.conduit;
  requires transitive com.squareup.moshi;
  requires okio;
  requires kotlin.stdlib; // Moshi and Okio are written in Kotlin; their automatic modules don't say so

  exports dev.conduit.json.moshi;

  provides dev.conduit.json.JsonCodecProvider with
      dev.conduit.json.moshi.MoshiJsonCodecProvider;
}
