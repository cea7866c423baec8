/**
 * Models of the Chat Completions endpoints ({@code /chat/completions}): request parameters, the
 * completion and its streamed chunks, an accumulator that rebuilds a completion from chunks, and
 * the stored-completion objects.
 */
@NullMarked
package dev.conduit.models.chat;

import org.jspecify.annotations.NullMarked;
