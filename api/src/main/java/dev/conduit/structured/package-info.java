/**
 * Structured outputs: typed answers and function tools derived from Java records.
 *
 * <p>A record describes the JSON the model must produce. Conduit turns it into a strict JSON Schema
 * (every component required, no extra properties) and binds the model's answer back to the record.
 * Mark components that may be absent with any {@code @Nullable} annotation, and explain classes and
 * components to the model with {@link dev.conduit.structured.Description}.
 */
@NullMarked
package dev.conduit.structured;

import org.jspecify.annotations.NullMarked;
