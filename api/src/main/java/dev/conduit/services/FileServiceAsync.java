package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.models.files.FileCreateParams;
import dev.conduit.models.files.FileDeleted;
import dev.conduit.models.files.FileListParams;
import dev.conduit.models.files.FileObject;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** The asynchronous twin of {@link FileService}. */
public interface FileServiceAsync {
  /** Uploads a file; see {@link FileService#create(FileCreateParams, RequestOptions)}. */
  CompletableFuture<FileObject> create(FileCreateParams params, RequestOptions options);

  /** Uploads a file. */
  default CompletableFuture<FileObject> create(FileCreateParams params) {
    return create(params, RequestOptions.none());
  }

  /** Lists files, one page at a time. */
  CompletableFuture<AsyncPage<FileObject>> list(FileListParams params, RequestOptions options);

  /** Lists files. */
  default CompletableFuture<AsyncPage<FileObject>> list(FileListParams params) {
    return list(params, RequestOptions.none());
  }

  /** Lists files with default parameters. */
  default CompletableFuture<AsyncPage<FileObject>> list() {
    return list(FileListParams.none(), RequestOptions.none());
  }

  /** Retrieves a file's metadata. */
  CompletableFuture<FileObject> retrieve(String fileId, RequestOptions options);

  /** Retrieves a file's metadata. */
  default CompletableFuture<FileObject> retrieve(String fileId) {
    return retrieve(fileId, RequestOptions.none());
  }

  /** Deletes a file. */
  CompletableFuture<FileDeleted> delete(String fileId, RequestOptions options);

  /** Deletes a file. */
  default CompletableFuture<FileDeleted> delete(String fileId) {
    return delete(fileId, RequestOptions.none());
  }

  /**
   * Downloads a file's content: the future completes when the response headers arrive (so errors
   * such as 404 fail it), with the body as a publisher of byte chunks that honours demand and accepts
   * one subscriber.
   */
  CompletableFuture<Flow.Publisher<ByteBuffer>> content(String fileId, RequestOptions options);

  /** Downloads a file's content. */
  default CompletableFuture<Flow.Publisher<ByteBuffer>> content(String fileId) {
    return content(fileId, RequestOptions.none());
  }
}
