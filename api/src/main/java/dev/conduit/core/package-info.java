/** The shapes results come in: event streams and pages. */
@NullMarked
package dev.conduit.core;

import org.jspecify.annotations.NullMarked;
