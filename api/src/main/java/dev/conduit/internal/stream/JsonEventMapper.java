package dev.conduit.internal.stream;

import dev.conduit.errors.ApiError;
import dev.conduit.errors.StreamException;
import dev.conduit.internal.pipeline.ErrorMapper;
import dev.conduit.internal.sse.EventMapper;
import dev.conduit.internal.sse.ServerSentEvent;
import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Maps the events of an OpenAI-style stream whose data are JSON objects: {@code [DONE]} ends it; an
 * {@code error} event (by SSE event name or by {@code type}, or a bare {@code {"error":...}} object)
 * fails it with {@link StreamException}; an event the terminal predicate accepts marks a normal end;
 * running out of bytes before either is a truncated stream. One instance per stream.
 */
public final class JsonEventMapper<T> implements EventMapper<T> {
  private final JsonCodec codec;
  private final Function<Map<String, @Nullable Object>, T> factory;
  private final Predicate<T> terminal;
  private final String endDescription;
  private boolean sawTerminal;

  /**
   * @param terminal accepts the event after which the stream may end without {@code [DONE]}
   * @param endDescription what a complete stream ends with, for the truncation message
   */
  public JsonEventMapper(JsonCodec codec, Function<Map<String, @Nullable Object>, T> factory, Predicate<T> terminal,
      String endDescription) {
    this.codec = codec;
    this.factory = factory;
    this.terminal = terminal;
    this.endDescription = endDescription;
  }

  @Override
  public boolean isEnd(ServerSentEvent event) {
    return event.dataIsAscii("[DONE]");
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable T map(ServerSentEvent event) {
    byte[] data = event.dataUtf8();
    if (data.length == 0) {
      return null;
    }
    Object tree;
    try {
      tree = codec.readTree(data);
    } catch (CodecException e) {
      throw new StreamException("malformed event in the stream: " + e.getMessage() + "; data starts: " + ErrorMapper.snippet(data), null, e);
    }
    if (!(tree instanceof Map)) {
      throw new StreamException("malformed event in the stream: expected a JSON object; data starts: " + ErrorMapper.snippet(data), null, null);
    }
    Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) tree;
    boolean errorEvent = "error".equals(event.event()) || "error".equals(object.get("type"))
        || (object.get("error") != null && object.get("object") == null && object.get("type") == null);
    if (errorEvent) {
      ApiError error = ErrorMapper.errorFromTree(object);
      if (error == null) {
        error = new ApiError(str(object.get("message")), str(object.get("type")), str(object.get("code")), str(object.get("param")));
      }
      throw new StreamException("the server sent an error event: " + (error.message() != null ? error.message() : event.data()), error, null);
    }
    T item = factory.apply(object);
    if (terminal.test(item)) {
      sawTerminal = true;
    }
    return item;
  }

  private static @Nullable String str(@Nullable Object o) {
    return o == null ? null : String.valueOf(o);
  }

  @Override
  public void onEndOfInput(boolean midEvent) {
    if (!sawTerminal) {
      throw new StreamException("the event stream was truncated: it ended " + (midEvent ? "in the middle of an event " : "")
          + "before " + endDescription, null, null);
    }
  }
}
