/**
 * The JSON SPI: {@link dev.conduit.json.JsonCodec} and its provider. Add a codec module
 * ({@code conduit-json-moshi}) to the classpath and it is found through {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.conduit.json;

import org.jspecify.annotations.NullMarked;
