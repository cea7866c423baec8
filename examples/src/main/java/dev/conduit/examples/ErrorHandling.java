package dev.conduit.examples;

import dev.conduit.RequestOptions;
import dev.conduit.errors.ApiConnectionException;
import dev.conduit.errors.ApiException;
import dev.conduit.errors.ApiTimeoutException;
import dev.conduit.errors.NotFoundException;
import dev.conduit.errors.RateLimitException;
import dev.conduit.http.Timeouts;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.testing.Fault;
import java.time.Duration;

/** Error handling and retries: typed exceptions, automatic retries, per-call timeouts. */
public final class ErrorHandling {
  private ErrorHandling() {}

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    ResponseCreateParams params = ResponseCreateParams.builder().model(session.model()).input("Hello").build();

    if (session.fake() != null) { // two rate limits in a row: the default two retries ride them out
      session.fake().injectFault("/v1/responses", Fault.status(429, "retry-after-ms", "50"), 2);
    }
    session.out().println("after retries: " + session.client().responses().create(params).outputText());

    try {
      session.client().models().retrieve("no-such-model");
    } catch (NotFoundException e) {
      session.out().println("not found: status " + e.statusCode() + ", request id " + e.requestId());
    }

    if (session.fake() != null) {
      session.fake().injectFault("/v1/responses", Fault.status(429, "retry-after-ms", "10"), 5);
    }
    try {
      session.client().responses().create(params, RequestOptions.builder().maxRetries(0).build());
      session.out().println("no rate limit this time");
    } catch (RateLimitException e) {
      session.out().println("rate limited, not retried: " + e.getMessage());
    }
    if (session.fake() != null) {
      session.fake().reset();
      session.fake().injectFault("/v1/responses", Fault.delay(Duration.ofSeconds(2)), 1);
    }
    try {
      session.client().responses().create(params,
          RequestOptions.builder().maxRetries(0).timeout(Timeouts.Kind.RESPONSE, Duration.ofMillis(200)).build());
      session.out().println("answered within 200 ms");
    } catch (ApiTimeoutException e) {
      session.out().println("timed out: the " + e.kind().label() + " timeout fired");
    } catch (ApiConnectionException | ApiException e) {
      session.out().println("failed: " + e.getMessage());
    }
  }
}
