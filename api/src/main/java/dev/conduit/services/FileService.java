package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.Page;
import dev.conduit.models.files.FileCreateParams;
import dev.conduit.models.files.FileDeleted;
import dev.conduit.models.files.FileListParams;
import dev.conduit.models.files.FileObject;
import java.io.InputStream;

/** The {@code /files} endpoints: upload, list, retrieve, delete, download. Obtain with {@code client.files()}. */
public interface FileService {
  /**
   * Uploads a file as {@code multipart/form-data}, streamed from its path or stream (never loaded
   * into memory). An upload from an {@code InputStream} cannot be replayed and so is never retried.
   */
  FileObject create(FileCreateParams params, RequestOptions options);

  /** Uploads a file; see {@link #create(FileCreateParams, RequestOptions)}. */
  default FileObject create(FileCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Lists files, one page at a time ({@code autoPager()} walks them all). */
  Page<FileObject> list(FileListParams params, RequestOptions options);

  /** Lists files. */
  default Page<FileObject> list(FileListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Lists files with default parameters. */
  default Page<FileObject> list() {
    return list(FileListParams.none(), RequestOptions.none());
  }

  /** Retrieves a file's metadata. */
  FileObject retrieve(String fileId, RequestOptions options);

  /** Retrieves a file's metadata. */
  default FileObject retrieve(String fileId) {
    return retrieve(fileId, RequestOptions.none());
  }

  /** Deletes a file. */
  FileDeleted delete(String fileId, RequestOptions options);

  /** Deletes a file. */
  default FileDeleted delete(String fileId) {
    return delete(fileId, RequestOptions.none());
  }

  /**
   * Downloads a file's content as a stream read straight from the connection. Close it when done;
   * closing early aborts the download and releases the connection.
   */
  InputStream content(String fileId, RequestOptions options);

  /** Downloads a file's content; see {@link #content(String, RequestOptions)}. */
  default InputStream content(String fileId) {
    return content(fileId, RequestOptions.none());
  }
}
