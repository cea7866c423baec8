package dev.conduit.examples;

import dev.conduit.OpenAIClientAsync;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCreateParams;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;

/** Async: several requests in flight at once, then a stream consumed with backpressure. */
public final class AsyncExample {
  private AsyncExample() {}

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    OpenAIClientAsync async = session.client().async();
    List<CompletableFuture<Response>> answers = List.of("red", "green", "blue").stream()
        .map(color -> async.responses().create(ResponseCreateParams.builder().model(session.model())
            .input("Name something " + color + ".").build()))
        .collect(Collectors.toList());
    CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).join();
    answers.forEach(f -> session.out().println("answer: " + f.join().outputText()));

    CompletableFuture<Void> done = new CompletableFuture<>();
    async.responses().stream(ResponseCreateParams.builder().model(session.model()).input("Say hi slowly.").build())
        .textDeltas()
        .subscribe(new Flow.Subscriber<String>() {
          private Flow.Subscription subscription;

          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1); // one delta at a time: real backpressure down to the socket
          }

          @Override
          public void onNext(String delta) {
            session.out().print(delta);
            subscription.request(1);
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onComplete() {
            session.out().println();
            done.complete(null);
          }
        });
    done.join();
  }
}
