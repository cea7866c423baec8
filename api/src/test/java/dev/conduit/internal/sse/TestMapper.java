package dev.conduit.internal.sse;

import dev.conduit.errors.StreamException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Maps data to itself: {@code [DONE]} ends, {@code skip...} is skipped, {@code boom} fails. */
final class TestMapper implements EventMapper<String> {
  final List<Boolean> endOfInputCalls = new CopyOnWriteArrayList<>();

  @Override
  public boolean isEnd(ServerSentEvent event) {
    return event.data().equals("[DONE]");
  }

  @Override
  public @Nullable String map(ServerSentEvent event) {
    if (event.data().startsWith("skip")) {
      return null;
    }
    if (event.data().equals("boom")) {
      throw new StreamException("bad event: boom", null, null);
    }
    return event.data();
  }

  @Override
  public void onEndOfInput(boolean midEvent) {
    endOfInputCalls.add(midEvent);
    if (midEvent) {
      throw new StreamException("stream truncated", null, null);
    }
  }
}
