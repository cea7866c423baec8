/**
 * Conduit: the clients ({@link dev.conduit.OpenAIClient}, {@link dev.conduit.OpenAIClientAsync}) and
 * their per-call options. Start with {@link dev.conduit.OpenAIClient#fromEnv()}.
 */
@NullMarked
package dev.conduit;

import org.jspecify.annotations.NullMarked;
