package dev.conduit.examples;

import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.services.ResponseStream;

/** Quickstart: ask a question and print the answer as it streams in. */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    ResponseCreateParams params = ResponseCreateParams.builder()
        .model(session.model())
        .instructions("You are a concise assistant.")
        .input("In one sentence: why do JVM engineers like small libraries?")
        .build();
    try (ResponseStream stream = session.client().responses().stream(params)) {
      stream.textDeltas().forEach(delta -> {
        session.out().print(delta);
        session.out().flush();
      });
      session.out().println();
      session.out().println("[" + stream.finalResponse().usage().totalTokens() + " tokens]");
    }
  }
}
