package dev.conduit.benchmarks.contenders;

import dev.conduit.OpenAIClient;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseStreamEvent;
import dev.conduit.models.responses.ResponseTextDeltaEvent;
import dev.conduit.services.ResponseStream;
import java.util.concurrent.Flow;

/** Conduit with the Moshi codec on one transport ({@code jdk}, {@code okhttp} or {@code netty}). */
public final class ConduitContender implements Contender {
  private final OpenAIClient client;
  private final ChatCompletionCreateParams chat;
  private final ResponseCreateParams stream;
  private final ResponseCreateParams held;

  public ConduitContender(String baseUrl, String transport, int maxConnections) {
    OpenAIClient.Builder b = OpenAIClient.builder().baseUrl(baseUrl).apiKey("sk-bench").transport(transport);
    if (maxConnections > 0) {
      b.maxConnections(maxConnections);
    }
    client = b.build();
    chat = ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(PROMPT).build();
    stream = ResponseCreateParams.builder().model(MODEL).input("Tell me a story.").build();
    held = ResponseCreateParams.builder().model("bench-hold").input("Tell me a story.").build();
  }

  @Override
  public Object chat() {
    ChatCompletion c = client.chat().completions().create(chat);
    return c.choices().get(0).message().content();
  }

  @Override
  public long stream() {
    long events = 0;
    long chars = 0;
    try (ResponseStream s = client.responses().stream(stream)) {
      for (ResponseStreamEvent e : s) {
        events++;
        if (e instanceof ResponseTextDeltaEvent) {
          chars += ((ResponseTextDeltaEvent) e).delta().length();
        }
      }
    }
    return chars > 0 ? events : -events;
  }

  @Override
  public void startAsyncStream(AsyncSink sink) {
    client.async().responses().stream(held).subscribe(new Flow.Subscriber<ResponseStreamEvent>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ResponseStreamEvent e) {
        sink.event();
      }

      @Override
      public void onError(Throwable t) {
        sink.error(t);
      }

      @Override
      public void onComplete() {
        sink.complete();
      }
    });
  }

  @Override
  public void close() {
    client.close();
  }
}
