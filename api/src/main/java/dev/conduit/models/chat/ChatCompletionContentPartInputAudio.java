package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A content part of type {@code input_audio}: base64 audio in a user message. */
public final class ChatCompletionContentPartInputAudio extends ChatCompletionContentPart {
  ChatCompletionContentPartInputAudio(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns an input-audio part of base64 audio data in {@code format} ({@code wav} or {@code mp3}). */
  public static ChatCompletionContentPartInputAudio of(String base64Data, String format) {
    Objects.requireNonNull(base64Data, "base64Data == null");
    Objects.requireNonNull(format, "format == null");
    Map<String, @Nullable Object> audio = new LinkedHashMap<>();
    audio.put("data", base64Data);
    audio.put("format", format);
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "input_audio");
    json.put("input_audio", audio);
    return new ChatCompletionContentPartInputAudio(Json.freezeMap(json));
  }

  /** Returns the audio. */
  public InputAudio inputAudio() {
    return object("input_audio", InputAudio::fromJson);
  }

  /** The audio of an input-audio part. */
  public static final class InputAudio extends JsonModel {
    private InputAudio(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static InputAudio fromJson(Map<String, @Nullable Object> json) {
      return new InputAudio(Json.freezeMap(json));
    }

    /** Returns the base64 audio data. */
    public String data() {
      return string("data");
    }

    /** Returns the audio format, e.g. {@code wav} or {@code mp3}. */
    public String format() {
      return string("format");
    }
  }
}
