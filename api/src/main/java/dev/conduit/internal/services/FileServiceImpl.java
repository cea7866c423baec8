package dev.conduit.internal.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.core.Page;
import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpResponse;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.multipart.FileUploads;
import dev.conduit.internal.paging.Pages;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.internal.stream.ErrorMappingPublisher;
import dev.conduit.internal.stream.StreamErrors;
import dev.conduit.models.files.FileCreateParams;
import dev.conduit.models.files.FileDeleted;
import dev.conduit.models.files.FileListParams;
import dev.conduit.models.files.FileObject;
import dev.conduit.services.FileService;
import dev.conduit.services.FileServiceAsync;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** {@link FileService} and its async twin. */
public final class FileServiceImpl implements FileService {
  private final ClientCore core;

  public FileServiceImpl(ClientCore core) {
    this.core = core;
  }

  static FileObject file(Object tree) {
    return FileObject.fromJson(Json.asObject(tree, "FileObject"));
  }

  static FileDeleted deleted(Object tree) {
    return FileDeleted.fromJson(Json.asObject(tree, "FileDeleted"));
  }

  static String path(String fileId) {
    return "files/" + ApiRequest.segment(fileId);
  }

  @Override
  public FileObject create(FileCreateParams params, RequestOptions options) {
    return core.json(ApiRequest.post("files", FileUploads.toBody(params)), options, FileServiceImpl::file);
  }

  @Override
  public Page<FileObject> list(FileListParams params, RequestOptions options) {
    return Pages.fetch(core, ApiRequest.get("files").query(params.toQuery()), options, FileObject::fromJson, null);
  }

  @Override
  public FileObject retrieve(String fileId, RequestOptions options) {
    return core.json(ApiRequest.get(path(fileId)), options, FileServiceImpl::file);
  }

  @Override
  public FileDeleted delete(String fileId, RequestOptions options) {
    return core.json(ApiRequest.delete(path(fileId)), options, FileServiceImpl::deleted);
  }

  @Override
  public InputStream content(String fileId, RequestOptions options) {
    HttpResponse response = core.open(ApiRequest.get(path(fileId) + "/content").header("Accept", "application/octet-stream"), options);
    return new FilterInputStream(response.body()) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw wrap(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw wrap(e);
        }
      }

      private IOException wrap(IOException e) {
        RuntimeException mapped = StreamErrors.map(e);
        return new IOException("file download failed: " + mapped.getMessage(), mapped);
      }

      @Override
      public void close() {
        response.close();
      }
    };
  }

  /** The asynchronous twin. */
  public static final class Async implements FileServiceAsync {
    private final ClientCore core;

    public Async(ClientCore core) {
      this.core = core;
    }

    @Override
    public CompletableFuture<FileObject> create(FileCreateParams params, RequestOptions options) {
      return core.jsonAsync(ApiRequest.post("files", FileUploads.toBody(params)), options, FileServiceImpl::file);
    }

    @Override
    public CompletableFuture<AsyncPage<FileObject>> list(FileListParams params, RequestOptions options) {
      return Pages.fetchAsync(core, ApiRequest.get("files").query(params.toQuery()), options, FileObject::fromJson, null);
    }

    @Override
    public CompletableFuture<FileObject> retrieve(String fileId, RequestOptions options) {
      return core.jsonAsync(ApiRequest.get(path(fileId)), options, FileServiceImpl::file);
    }

    @Override
    public CompletableFuture<FileDeleted> delete(String fileId, RequestOptions options) {
      return core.jsonAsync(ApiRequest.delete(path(fileId)), options, FileServiceImpl::deleted);
    }

    @Override
    public CompletableFuture<Flow.Publisher<ByteBuffer>> content(String fileId, RequestOptions options) {
      CompletableFuture<AsyncHttpResponse> exchange =
          core.openAsync(ApiRequest.get(path(fileId) + "/content").header("Accept", "application/octet-stream"), options);
      return ClientCore.cancellingExchange(exchange, exchange.thenApply(response -> new ErrorMappingPublisher<>(response.body())));
    }
  }
}
