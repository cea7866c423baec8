/** Internal: streaming {@code multipart/form-data} request bodies for uploads. Not API. */
@NullMarked
package dev.conduit.internal.multipart;

import org.jspecify.annotations.NullMarked;
