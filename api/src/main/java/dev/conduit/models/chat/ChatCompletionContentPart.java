package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One part of a message's content when it is a list rather than a plain string, discriminated by
 * {@code type}: {@link ChatCompletionContentPartText text}, {@link ChatCompletionContentPartImage
 * image_url}, {@link ChatCompletionContentPartInputAudio input_audio}, {@link
 * ChatCompletionContentPartFile file} or {@link ChatCompletionContentPartRefusal refusal}. A type
 * this version does not know decodes to {@link ChatCompletionContentPartUnknown}.
 */
public abstract sealed class ChatCompletionContentPart extends JsonModel
    permits ChatCompletionContentPartText,
        ChatCompletionContentPartImage,
        ChatCompletionContentPartInputAudio,
        ChatCompletionContentPartFile,
        ChatCompletionContentPartRefusal,
        ChatCompletionContentPartUnknown {

  ChatCompletionContentPart(Map<String, @Nullable Object> json) {
    super(json);
  }

  /**
   * Returns the variant of {@code json} chosen by its {@code type}; an absent or unknown type gives
   * {@link ChatCompletionContentPartUnknown}. The tree is frozen, not copied.
   */
  public static ChatCompletionContentPart fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    Object type = frozen.get("type");
    if (!(type instanceof String)) {
      return new ChatCompletionContentPartUnknown(frozen);
    }
    switch ((String) type) {
      case "text":
        return new ChatCompletionContentPartText(frozen);
      case "image_url":
        return new ChatCompletionContentPartImage(frozen);
      case "input_audio":
        return new ChatCompletionContentPartInputAudio(frozen);
      case "file":
        return new ChatCompletionContentPartFile(frozen);
      case "refusal":
        return new ChatCompletionContentPartRefusal(frozen);
      default:
        return new ChatCompletionContentPartUnknown(frozen);
    }
  }

  /** Returns a text part. */
  public static ChatCompletionContentPartText text(String text) {
    return ChatCompletionContentPartText.of(text);
  }

  /** Returns an image part of a URL or a {@code data:} URL of base64 image data. */
  public static ChatCompletionContentPartImage imageUrl(String url) {
    return ChatCompletionContentPartImage.of(url, null);
  }

  /** Returns an input-audio part of base64 audio data in {@code format} ({@code wav} or {@code mp3}). */
  public static ChatCompletionContentPartInputAudio inputAudio(String base64Data, String format) {
    return ChatCompletionContentPartInputAudio.of(base64Data, format);
  }

  /** Returns a file part referring to an uploaded file by id. */
  public static ChatCompletionContentPartFile fileId(String fileId) {
    return ChatCompletionContentPartFile.ofFileId(fileId);
  }

  /** Returns the part type, e.g. {@code "text"}, or null if absent. */
  public @Nullable String type() {
    return stringOrNull("type");
  }
}
