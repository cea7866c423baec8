package dev.conduit.examples;

import dev.conduit.models.files.FileCreateParams;
import dev.conduit.models.files.FileObject;
import dev.conduit.models.files.FilePurpose;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** File upload: a multipart upload streamed from disk, then its metadata, content and deletion. */
public final class FileUpload {
  private FileUpload() {}

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    try {
      Path file = Files.createTempFile("conduit-example", ".jsonl");
      Files.writeString(file, "{\"custom_id\":\"1\",\"method\":\"POST\",\"url\":\"/v1/responses\",\"body\":{\"model\":\"gpt-5-mini\",\"input\":\"hi\"}}\n");
      FileObject uploaded = session.client().files().create(FileCreateParams.builder().file(file).purpose(FilePurpose.BATCH).build());
      session.out().println("uploaded " + uploaded.id() + " (" + uploaded.bytes() + " bytes, purpose " + uploaded.purpose() + ")");

      if (session.fake() != null) { // OpenAI does not let you download files uploaded for batches
        try (InputStream content = session.client().files().content(uploaded.id())) {
          session.out().println("content: " + new String(content.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
      }
      session.out().println("deleted: " + session.client().files().delete(uploaded.id()).deleted());
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
