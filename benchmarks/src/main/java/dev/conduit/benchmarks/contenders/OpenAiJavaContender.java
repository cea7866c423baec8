package dev.conduit.benchmarks.contenders;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseTextDeltaEvent;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/** The official SDK, {@code com.openai:openai-java}, with its default OkHttp client. */
public final class OpenAiJavaContender implements Contender {
  private final OpenAIClient client;
  private final ChatCompletionCreateParams chat;
  private final ResponseCreateParams stream;
  private final ResponseCreateParams held;

  public OpenAiJavaContender(String baseUrl, String unused, int maxConnections) {
    OpenAIOkHttpClient.Builder b = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-bench");
    if (maxConnections > 0) {
      // OkHttp's dispatcher runs 5 calls per host by default; lift it like Conduit's maxConnections.
      okhttp3.Dispatcher d = new okhttp3.Dispatcher();
      d.setMaxRequests(maxConnections);
      d.setMaxRequestsPerHost(maxConnections);
      // A client handed in replaces the SDK's own, timeouts included: keep the SDK's 10-minute default
      // rather than OkHttp's 10 s, which the held streams would outlast.
      Duration tenMinutes = Duration.ofMinutes(10);
      b.okHttpClient(new okhttp3.OkHttpClient.Builder().dispatcher(d).connectTimeout(Duration.ofMinutes(1))
          .readTimeout(tenMinutes).writeTimeout(tenMinutes).build());
    }
    client = b.build();
    chat = ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(PROMPT).build();
    stream = ResponseCreateParams.builder().model(MODEL).input("Tell me a story.").build();
    held = ResponseCreateParams.builder().model("bench-hold").input("Tell me a story.").build();
  }

  @Override
  public Object chat() {
    ChatCompletion c = client.chat().completions().create(chat);
    return c.choices().get(0).message().content().orElse(null);
  }

  @Override
  public long stream() {
    long events = 0;
    long chars = 0;
    try (StreamResponse<ResponseStreamEvent> s = client.responses().createStreaming(stream)) {
      Iterator<ResponseStreamEvent> it = s.stream().iterator();
      while (it.hasNext()) {
        ResponseStreamEvent e = it.next();
        events++;
        Optional<ResponseTextDeltaEvent> d = e.outputTextDelta();
        if (d.isPresent()) {
          chars += d.get().delta().length();
        }
      }
    }
    return chars > 0 ? events : -events;
  }

  @Override
  public void startAsyncStream(AsyncSink sink) {
    client.async().responses().createStreaming(held).subscribe(new AsyncStreamResponse.Handler<ResponseStreamEvent>() {
      @Override
      public void onNext(ResponseStreamEvent e) {
        sink.event();
      }

      @Override
      public void onComplete(Optional<Throwable> error) {
        if (error.isPresent()) {
          sink.error(error.get());
        } else {
          sink.complete();
        }
      }
    });
  }

  @Override
  public void close() {
    client.close();
  }
}
