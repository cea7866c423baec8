/** Internal: webhook signature verification (Standard Webhooks). Not API. */
@NullMarked
package dev.conduit.internal.webhooks;

import org.jspecify.annotations.NullMarked;
