package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A content part of type {@code image_url}: an image by URL or as a base64 {@code data:} URL. */
public final class ChatCompletionContentPartImage extends ChatCompletionContentPart {
  ChatCompletionContentPartImage(Map<String, @Nullable Object> json) {
    super(json);
  }

  /**
   * Returns an image part.
   *
   * @param url the image URL, or a {@code data:} URL of base64 image data
   * @param detail {@code "auto"}, {@code "low"} or {@code "high"}; null leaves the API default
   */
  public static ChatCompletionContentPartImage of(String url, @Nullable String detail) {
    Objects.requireNonNull(url, "url == null");
    Map<String, @Nullable Object> image = new LinkedHashMap<>();
    image.put("url", url);
    if (detail != null) {
      image.put("detail", detail);
    }
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "image_url");
    json.put("image_url", image);
    return new ChatCompletionContentPartImage(Json.freezeMap(json));
  }

  /** Returns the image reference. */
  public ImageUrl imageUrl() {
    return object("image_url", ImageUrl::fromJson);
  }

  /** The image reference of an image part. */
  public static final class ImageUrl extends JsonModel {
    private ImageUrl(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static ImageUrl fromJson(Map<String, @Nullable Object> json) {
      return new ImageUrl(Json.freezeMap(json));
    }

    /** Returns the image URL or {@code data:} URL. */
    public String url() {
      return string("url");
    }

    /** Returns the detail level ({@code auto}, {@code low}, {@code high}), or null if not set. */
    public @Nullable String detail() {
      return stringOrNull("detail");
    }
  }
}
