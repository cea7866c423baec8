/** Internal: implementations of the service interfaces. Not API. */
@NullMarked
package dev.conduit.internal.services;

import org.jspecify.annotations.NullMarked;
