/** Internal: pages and auto-pagers. Not API. */
@NullMarked
package dev.conduit.internal.paging;

import org.jspecify.annotations.NullMarked;
