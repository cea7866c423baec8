package dev.conduit.models.chat;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A content part of type {@code file}: a file given to the model, either an uploaded file by id or
 * inline base64 data with a filename.
 */
public final class ChatCompletionContentPartFile extends ChatCompletionContentPart {
  ChatCompletionContentPartFile(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a file part referring to an uploaded file by id. */
  public static ChatCompletionContentPartFile ofFileId(String fileId) {
    Objects.requireNonNull(fileId, "fileId == null");
    Map<String, @Nullable Object> file = new LinkedHashMap<>();
    file.put("file_id", fileId);
    return wrap(file);
  }

  /** Returns a file part carrying the file inline as base64 {@code fileData}. */
  public static ChatCompletionContentPartFile ofFileData(String filename, String fileData) {
    Objects.requireNonNull(filename, "filename == null");
    Objects.requireNonNull(fileData, "fileData == null");
    Map<String, @Nullable Object> file = new LinkedHashMap<>();
    file.put("filename", filename);
    file.put("file_data", fileData);
    return wrap(file);
  }

  private static ChatCompletionContentPartFile wrap(Map<String, @Nullable Object> file) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "file");
    json.put("file", file);
    return new ChatCompletionContentPartFile(Json.freezeMap(json));
  }

  /** Returns the file reference. */
  public FileInput file() {
    return object("file", FileInput::fromJson);
  }

  /** The file of a file part: an uploaded file's id, or inline data with a filename. */
  public static final class FileInput extends JsonModel {
    private FileInput(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
    public static FileInput fromJson(Map<String, @Nullable Object> json) {
      return new FileInput(Json.freezeMap(json));
    }

    /** Returns the id of an uploaded file, or null if the file is inline. */
    public @Nullable String fileId() {
      return stringOrNull("file_id");
    }

    /** Returns the base64 file data, or null if the file is referred to by id. */
    public @Nullable String fileData() {
      return stringOrNull("file_data");
    }

    /** Returns the filename of inline data, or null if not set. */
    public @Nullable String filename() {
      return stringOrNull("filename");
    }
  }
}
