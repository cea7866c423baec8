package dev.conduit.examples;

import dev.conduit.core.Page;
import dev.conduit.models.files.FileCreateParams;
import dev.conduit.models.files.FileListParams;
import dev.conduit.models.files.FileObject;
import dev.conduit.models.files.FilePurpose;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Pagination: one page at a time, or every item with a lazy auto-pager. */
public final class Pagination {
  private Pagination() {}

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    if (session.fake() != null) { // give the fake something to list
      for (int i = 1; i <= 5; i++) {
        session.client().files().create(FileCreateParams.builder()
            .file(new ByteArrayInputStream(("note " + i).getBytes(StandardCharsets.UTF_8)), "note-" + i + ".txt")
            .purpose(FilePurpose.USER_DATA).build());
      }
    }
    Page<FileObject> first = session.client().files().list(FileListParams.builder().limit(2).build());
    session.out().println("first page: " + first.data().size() + " files, more: " + first.hasNextPage());

    int count = 0;
    for (FileObject file : first.autoPager()) { // fetches the next pages only as the loop reaches them
      session.out().println("  " + file.filename() + " (" + file.bytes() + " bytes)");
      count++;
    }
    session.out().println(count + " files in all");
  }
}
