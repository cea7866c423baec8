/**
 * The Moshi JSON codec: {@link dev.conduit.json.moshi.MoshiJsonCodec} and its service provider.
 * Everything else lives in an internal package that this module does not export.
 */
@NullMarked
package dev.conduit.json.moshi;

import org.jspecify.annotations.NullMarked;
