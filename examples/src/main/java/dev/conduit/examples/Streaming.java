package dev.conduit.examples;

import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionChunk;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseStreamEvent;
import dev.conduit.services.ChatCompletionStream;
import dev.conduit.services.ResponseStream;

/** Streaming: typed Responses events, and a chat completion stream accumulated into the final completion. */
public final class Streaming {
  private Streaming() {}

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    session.out().println("-- Responses events --");
    ResponseCreateParams params = ResponseCreateParams.builder().model(session.model()).input("Count to three.").build();
    try (ResponseStream stream = session.client().responses().stream(params)) {
      for (ResponseStreamEvent event : stream) {
        session.out().println(event.sequenceNumber() + " " + event.type());
      }
      session.out().println("final text: " + stream.finalResponse().outputText());
    }

    session.out().println("-- Chat completion chunks --");
    ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder().model(session.model())
        .addUserMessage("Name three JVM languages.").build();
    try (ChatCompletionStream stream = session.client().chat().completions().stream(chat)) {
      int chunks = 0;
      for (ChatCompletionChunk chunk : stream) {
        chunks++;
      }
      ChatCompletion done = stream.finalCompletion();
      session.out().println(chunks + " chunks; final message: " + done.choices().get(0).message().content());
    }
  }
}
