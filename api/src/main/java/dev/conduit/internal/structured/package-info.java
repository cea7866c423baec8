/** Internal: structured-output plumbing. Not API. */
@NullMarked
package dev.conduit.internal.structured;

import org.jspecify.annotations.NullMarked;
