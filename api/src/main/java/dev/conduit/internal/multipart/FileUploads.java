package dev.conduit.internal.multipart;

import dev.conduit.models.files.FileCreateParams;
import java.io.InputStream;
import java.nio.file.Path;

/** Turns file-upload parameters into the {@code multipart/form-data} body the API expects. */
public final class FileUploads {
  private FileUploads() {}

  /**
   * Returns the body of {@code POST /files}: the fields {@code purpose}, then {@code
   * expires_after[anchor]} and {@code expires_after[seconds]} if an expiry is set, then the {@code
   * file} part. The body is repeatable, with an exact length, when the file is a path; for a stream
   * it is one-shot, of unknown length.
   *
   * @throws java.io.UncheckedIOException if the size of a path file cannot be read
   */
  public static MultipartBody toBody(FileCreateParams params) {
    MultipartBody.Builder body = MultipartBody.builder().addField("purpose", params.purpose().value());
    String anchor = params.expiresAfterAnchor();
    Long seconds = params.expiresAfterSeconds();
    if (anchor != null && seconds != null) {
      body.addField("expires_after[anchor]", anchor);
      body.addField("expires_after[seconds]", Long.toString(seconds));
    }
    Path path = params.filePath();
    InputStream stream = params.fileStream();
    if (path != null) {
      body.addFile("file", path, params.filename(), params.contentType());
    } else if (stream != null) {
      body.addFile("file", stream, params.filename(), params.contentType());
    } else {
      throw new IllegalArgumentException("params have no file: " + params);
    }
    return body.build();
  }
}
