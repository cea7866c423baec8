package dev.conduit.kotlin

import dev.conduit.RequestOptions
import dev.conduit.kotlin.internal.deferredPublisherFlow
import dev.conduit.kotlin.internal.pagedFlow
import dev.conduit.models.files.FileCreateParams
import dev.conduit.models.files.FileDeleted
import dev.conduit.models.files.FileListParams
import dev.conduit.models.files.FileObject
import dev.conduit.services.FileServiceAsync
import java.nio.ByteBuffer
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.future.await

/** The `/files` endpoints for coroutines; the twin of [FileServiceAsync]. */
public class CoroutineFileService internal constructor(private val service: FileServiceAsync) {
  /**
   * Uploads a file. A file given as a stream is read once, so such an upload is not retried.
   */
  public suspend fun create(params: FileCreateParams, options: RequestOptions = RequestOptions.none()): FileObject =
    service.create(params, options).await()

  /**
   * Returns the files as a cold flow that fetches the pages of [params] (`limit` items each) as the
   * collector reaches them:
   *
   * ```kotlin
   * val firstTen = client.files().list(FileListParams.builder().limit(5).build()).take(10).toList()
   * ```
   */
  public fun list(
    params: FileListParams = FileListParams.none(),
    options: RequestOptions = RequestOptions.none(),
  ): Flow<FileObject> = pagedFlow { service.list(params, options) }

  /**
   * Retrieves a file's metadata.
   *
   * @throws dev.conduit.errors.NotFoundException if there is no file [fileId]
   */
  public suspend fun retrieve(fileId: String, options: RequestOptions = RequestOptions.none()): FileObject =
    service.retrieve(fileId, options).await()

  /**
   * Deletes a file.
   *
   * @throws dev.conduit.errors.NotFoundException if there is no file [fileId]
   */
  public suspend fun delete(fileId: String, options: RequestOptions = RequestOptions.none()): FileDeleted =
    service.delete(fileId, options).await()

  /**
   * Returns a file's content as a cold flow of byte chunks: each collection downloads it, reading
   * from the socket only as fast as the collector consumes. An error status, such as 404 for an
   * unknown file, is thrown by the collection before any chunk.
   */
  public fun content(fileId: String, options: RequestOptions = RequestOptions.none()): Flow<ByteBuffer> =
    deferredPublisherFlow { service.content(fileId, options) }
}
