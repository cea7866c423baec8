package dev.conduit.testing.internal;

import org.jspecify.annotations.Nullable;

/** One part of a model answer, scripted by a test or produced by {@link DeterministicModel}. */
public sealed interface ReplyPart {
  /** Visible assistant text. */
  record Text(String text) implements ReplyPart {}

  /** Reasoning; shown as a reasoning summary where the request asked for one, always counted as tokens. */
  record Reasoning(String text) implements ReplyPart {}

  /** A refusal instead of an answer. */
  record Refusal(String text) implements ReplyPart {}

  /** A call of the function tool {@code name} with {@code arguments} (a JSON text). */
  record ToolCall(String name, String arguments) implements ReplyPart {}

  /** Structured output: JSON text (a String) or a value encoded with the codec. */
  record JsonValue(@Nullable Object value) implements ReplyPart {}
}
