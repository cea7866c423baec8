/** Internal: the calls generated services make (JSON, downloads, streams, forms, query strings). Not API. */
@NullMarked
package dev.conduit.internal.calls;

import org.jspecify.annotations.NullMarked;
