package dev.conduit.services;

/** The {@code /chat} namespace. Obtain with {@code client.chat()}. */
public interface ChatService {
  /** The {@code /chat/completions} endpoints. */
  ChatCompletionService completions();
}
