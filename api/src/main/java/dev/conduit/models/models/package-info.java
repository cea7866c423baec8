/** Models of the {@code /models} endpoints. */
@NullMarked
package dev.conduit.models.models;

import org.jspecify.annotations.NullMarked;
