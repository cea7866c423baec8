/**
 * Models of the {@code /responses} endpoints: {@link dev.conduit.models.responses.Response}, its
 * request {@link dev.conduit.models.responses.ResponseCreateParams}, the input and output items, the
 * streaming events ({@link dev.conduit.models.responses.ResponseStreamEvent}) and the
 * {@link dev.conduit.models.responses.ResponseAccumulator} that folds a stream into a response.
 */
@NullMarked
package dev.conduit.models.responses;

import org.jspecify.annotations.NullMarked;
