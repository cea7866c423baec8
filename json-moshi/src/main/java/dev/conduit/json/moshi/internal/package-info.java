/** Implementation of the Moshi codec; not exported, not API. */
@NullMarked
package dev.conduit.json.moshi.internal;

import org.jspecify.annotations.NullMarked;
