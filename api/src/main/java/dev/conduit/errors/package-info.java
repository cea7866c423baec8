/** The exceptions Conduit throws, all under {@link dev.conduit.errors.OpenAIException}. */
@NullMarked
package dev.conduit.errors;

import org.jspecify.annotations.NullMarked;
