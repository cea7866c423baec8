/**
 * Server-sent events: a WHATWG event-stream parser ({@link dev.conduit.internal.sse.SseParser}), a
 * blocking pull reader over an {@link java.io.InputStream}, and a backpressured {@link
 * java.util.concurrent.Flow.Publisher} over a transport's body publisher. Not exported.
 */
@NullMarked
package dev.conduit.internal.sse;

import org.jspecify.annotations.NullMarked;
