package dev.conduit.internal.stream;

import dev.conduit.errors.ApiTimeoutException;
import dev.conduit.errors.OpenAIException;
import dev.conduit.errors.StreamException;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps failures that happen while a stream is being read to Conduit's exceptions. */
public final class StreamErrors {
  private StreamErrors() {}

  /** Returns the exception a user sees for {@code failure} while reading an event stream. */
  public static RuntimeException map(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof OpenAIException) {
      return (OpenAIException) t;
    }
    if (t instanceof TransportTimeoutException) {
      TransportTimeoutException tt = (TransportTimeoutException) t;
      return new ApiTimeoutException(tt.kind(), null, "the " + tt.kind().label() + " timeout fired while reading the event stream: "
          + tt.getMessage(), tt);
    }
    if (t instanceof IOException) {
      return new StreamException("the event stream broke before it ended: " + t, null, t);
    }
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    return new StreamException("the event stream failed: " + t, null, t);
  }
}
