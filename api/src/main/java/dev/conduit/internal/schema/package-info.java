/**
 * Internal: derives strict JSON Schemas for structured outputs and function tools from records. Not
 * API.
 */
@NullMarked
package dev.conduit.internal.schema;

import org.jspecify.annotations.NullMarked;
