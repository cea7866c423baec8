/** Internal: the fake OpenAI server's engine, routes, state, faults and HTTP plumbing. Not API. */
@NullMarked
package dev.conduit.testing.internal;

import org.jspecify.annotations.NullMarked;
