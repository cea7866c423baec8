/** Internal: the request pipeline, discovery and helpers. Not API; may change in any release. */
@NullMarked
package dev.conduit.internal;

import org.jspecify.annotations.NullMarked;
