package dev.conduit.structured;

import dev.conduit.models.chat.ChatCompletion;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion answering a structured-output request: the first choice's content decoded, or
 * its refusal.
 *
 * @param <T> the type the content was decoded as
 */
public final class ParsedChatCompletion<T> {
  private final ChatCompletion completion;
  private final @Nullable T output;
  private final @Nullable String refusal;

  public ParsedChatCompletion(ChatCompletion completion, @Nullable T output, @Nullable String refusal) {
    this.completion = Objects.requireNonNull(completion, "completion == null");
    this.output = output;
    this.refusal = refusal;
  }

  /** Returns the whole completion. */
  public ChatCompletion completion() {
    return completion;
  }

  /** Returns the decoded content of the first choice, or null if the model refused. */
  public @Nullable T output() {
    return output;
  }

  /** Returns the refusal message, or null if the model answered. */
  public @Nullable String refusal() {
    return refusal;
  }

  /** Returns true if the model refused instead of answering. */
  public boolean isRefusal() {
    return refusal != null;
  }

  @Override
  public String toString() {
    return refusal != null ? "ParsedChatCompletion{refusal=" + refusal + "}" : "ParsedChatCompletion{output=" + output + "}";
  }
}
