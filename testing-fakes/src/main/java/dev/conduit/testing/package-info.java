/**
 * A fake OpenAI server for testing code that uses the OpenAI API: {@link dev.conduit.testing.FakeOpenAI}
 * (in memory or on a loopback port), scripted {@link dev.conduit.testing.FakeReply replies}, injected
 * {@link dev.conduit.testing.Fault faults}, the {@link dev.conduit.testing.RecordedRequest request journal}
 * and a JUnit 5 extension.
 *
 * <p>Null arguments are rejected with a {@link NullPointerException} unless marked {@code @Nullable}.
 */
@NullMarked
package dev.conduit.testing;

import org.jspecify.annotations.NullMarked;
