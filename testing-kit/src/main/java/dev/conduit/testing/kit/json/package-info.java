/**
 * The contract every Conduit {@link dev.conduit.json.JsonCodec} passes: extend {@link
 * dev.conduit.testing.kit.json.JsonCodecContract} in the codec's own tests and supply the codec.
 */
@NullMarked
package dev.conduit.testing.kit.json;

import org.jspecify.annotations.NullMarked;
