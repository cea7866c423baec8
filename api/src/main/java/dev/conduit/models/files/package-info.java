/** Models of the {@code /files} endpoints: uploaded file objects and upload and list parameters. */
@NullMarked
package dev.conduit.models.files;

import org.jspecify.annotations.NullMarked;
