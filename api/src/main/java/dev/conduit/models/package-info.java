/**
 * The base types of Conduit's API models: {@link dev.conduit.models.JsonModel} and
 * {@link dev.conduit.models.OpenEnum}. The models of each API area live in sub-packages, e.g.
 * {@code dev.conduit.models.responses}.
 */
@NullMarked
package dev.conduit.models;

import org.jspecify.annotations.NullMarked;
