/** Internal: JSON tree helpers. Not API. */
@NullMarked
package dev.conduit.internal.json;

import org.jspecify.annotations.NullMarked;
