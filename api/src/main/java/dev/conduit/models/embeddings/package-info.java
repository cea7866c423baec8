/** Models of the {@code /embeddings} endpoint: request parameters and embedding vectors. */
@NullMarked
package dev.conduit.models.embeddings;

import org.jspecify.annotations.NullMarked;
