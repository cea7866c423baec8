package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A part of an input message: {@link InputText}, {@link InputImage} or {@link InputFile}. A part this
 * version does not know decodes to {@link Unknown}.
 */
public abstract sealed class ResponseInputContent extends JsonModel
    permits ResponseInputContent.InputText,
        ResponseInputContent.InputImage,
        ResponseInputContent.InputFile,
        ResponseInputContent.Unknown {

  ResponseInputContent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns the variant for {@code json} by its {@code type}; never fails, an unknown type gives {@link Unknown}. */
  public static ResponseInputContent fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    switch (Unions.typeOf(frozen)) {
      case "input_text":
        return new InputText(frozen);
      case "input_image":
        return new InputImage(frozen);
      case "input_file":
        return new InputFile(frozen);
      default:
        return new Unknown(frozen);
    }
  }

  /** Returns a text part. */
  public static InputText text(String text) {
    return new InputText(part("input_text", "text", text));
  }

  /**
   * Returns an image part with detail {@code auto}, given by a URL or a {@code data:} URL holding
   * base64-encoded image bytes.
   */
  public static InputImage imageUrl(String imageUrl) {
    Objects.requireNonNull(imageUrl, "imageUrl == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "input_image");
    json.put("image_url", imageUrl);
    json.put("detail", "auto");
    return new InputImage(Json.freezeMap(json));
  }

  /** Returns a file part naming an uploaded file by its id. */
  public static InputFile fileId(String fileId) {
    return new InputFile(part("input_file", "file_id", fileId));
  }

  private static Map<String, @Nullable Object> part(String type, String field, String value) {
    Objects.requireNonNull(value, field + " == null");
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put(field, value);
    return Json.freezeMap(json);
  }

  /** Returns the {@code type} discriminator, e.g. {@code "input_text"}; "" if the JSON had none. */
  public String type() {
    return Unions.typeOf(toJson());
  }

  /** A text input. */
  public static final class InputText extends ResponseInputContent {
    private InputText(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns the text. */
    public String text() {
      return string("text");
    }
  }

  /** An image input, by URL, data URL or file id. */
  public static final class InputImage extends ResponseInputContent {
    private InputImage(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns the image URL or data URL, or null if the image is given by file id. */
    public @Nullable String imageUrl() {
      return stringOrNull("image_url");
    }

    /** Returns the id of the uploaded image file, or null. */
    public @Nullable String fileId() {
      return stringOrNull("file_id");
    }

    /** Returns the detail level ({@code low}, {@code high}, {@code auto}), or null. */
    public @Nullable String detail() {
      return stringOrNull("detail");
    }
  }

  /** A file input, by id, URL or inline data. */
  public static final class InputFile extends ResponseInputContent {
    private InputFile(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns the id of the uploaded file, or null. */
    public @Nullable String fileId() {
      return stringOrNull("file_id");
    }

    /** Returns the name of the file, or null. */
    public @Nullable String filename() {
      return stringOrNull("filename");
    }

    /** Returns the inline content of the file, or null. */
    public @Nullable String fileData() {
      return stringOrNull("file_data");
    }

    /** Returns the URL of the file, or null. */
    public @Nullable String fileUrl() {
      return stringOrNull("file_url");
    }
  }

  /** A part this version of Conduit does not know; its JSON is kept whole. */
  public static final class Unknown extends ResponseInputContent {
    private Unknown(Map<String, @Nullable Object> json) {
      super(json);
    }
  }
}
