/** Internal: the request pipeline (attempts, retries, timeouts, errors, logging). Not API. */
@NullMarked
package dev.conduit.internal.pipeline;

import org.jspecify.annotations.NullMarked;
