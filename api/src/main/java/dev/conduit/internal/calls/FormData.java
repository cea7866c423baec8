package dev.conduit.internal.calls;

import dev.conduit.core.FileUpload;
import dev.conduit.internal.multipart.MultipartBody;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code multipart/form-data} side of generated upload parameters: their file parts and body. */
public final class FormData {
  private FormData() {}

  /**
   * Returns the body of an upload: each JSON field as text parts (arrays as repeated {@code name[]},
   * objects as {@code name[key]}), then each file; a field with several files sends them as {@code
   * name[]}.
   */
  public static MultipartBody body(Map<String, @Nullable Object> json, Map<String, List<FileUpload>> files) {
    MultipartBody.Builder body = MultipartBody.builder();
    for (Map.Entry<String, @Nullable Object> e : json.entrySet()) {
      Object v = e.getValue();
      Map<String, List<String>> fields = new LinkedHashMap<>();
      if (v instanceof List) {
        for (Object item : (List<?>) v) {
          Calls.flatten(e.getKey() + "[]", item, fields);
        }
      } else {
        Calls.flatten(e.getKey(), v, fields);
      }
      fields.forEach((name, values) -> values.forEach(value -> body.addField(name, value)));
    }
    for (Map.Entry<String, List<FileUpload>> e : files.entrySet()) {
      List<FileUpload> list = e.getValue();
      String name = list.size() == 1 ? e.getKey() : e.getKey() + "[]";
      for (FileUpload f : list) {
        body.addFile(name, f);
      }
    }
    return body.build();
  }

  /** Returns the first file of field {@code name}, or null. */
  public static @Nullable FileUpload first(Map<String, List<FileUpload>> files, String name) {
    List<FileUpload> l = files.get(name);
    return l == null || l.isEmpty() ? null : l.get(0);
  }

  /**
   * Returns the file of field {@code name}.
   *
   * @throws IllegalStateException if it has none
   */
  public static FileUpload one(Map<String, List<FileUpload>> files, String name) {
    FileUpload f = first(files, name);
    if (f == null) {
      throw new IllegalStateException(name + " is required but was not set");
    }
    return f;
  }

  /** Returns the files of field {@code name}; empty if none. */
  public static List<FileUpload> all(Map<String, List<FileUpload>> files, String name) {
    List<FileUpload> l = files.get(name);
    return l == null ? List.of() : l;
  }

  /**
   * Checks that field {@code name} has a file.
   *
   * @throws IllegalStateException if it has none
   */
  public static void require(Map<String, List<FileUpload>> files, String name) {
    one(files, name);
  }

  /** Returns an unmodifiable copy, keeping the order of the fields. */
  public static Map<String, List<FileUpload>> freeze(Map<String, List<FileUpload>> files) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }
}
