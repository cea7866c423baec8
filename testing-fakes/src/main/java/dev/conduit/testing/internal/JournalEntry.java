package dev.conduit.testing.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One journaled request.
 *
 * @param index the 0-based position in the journal
 * @param attempt 1 for a first attempt, 2 for its first retry, ...
 * @param fault the fault injected into the answer, or null
 */
public record JournalEntry(int index, IncomingRequest request, int attempt, Instant receivedAt, @Nullable FaultSpec fault) {}
