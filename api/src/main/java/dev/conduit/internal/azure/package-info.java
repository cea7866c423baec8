/** Internal: Azure OpenAI's endpoints, deployment routing and environment. Not API. */
@NullMarked
package dev.conduit.internal.azure;

import org.jspecify.annotations.NullMarked;
