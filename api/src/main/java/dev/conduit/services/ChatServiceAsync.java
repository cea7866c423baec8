package dev.conduit.services;

/** The asynchronous twin of {@link ChatService}. */
public interface ChatServiceAsync {
  /** The {@code /chat/completions} endpoints. */
  ChatCompletionServiceAsync completions();
}
