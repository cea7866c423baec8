/** Internal: typed event streams over the SSE parser. Not API. */
@NullMarked
package dev.conduit.internal.stream;

import org.jspecify.annotations.NullMarked;
