package dev.conduit.internal.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.core.Page;
import dev.conduit.internal.calls.Calls;
import dev.conduit.internal.json.Json;
import dev.conduit.internal.paging.Pages;
import dev.conduit.internal.pipeline.ApiRequest;
import dev.conduit.internal.pipeline.ClientCore;
import dev.conduit.internal.stream.AsyncResponseStreamImpl;
import dev.conduit.internal.stream.JsonEventMapper;
import dev.conduit.internal.stream.ResponseStreamImpl;
import dev.conduit.internal.stream.Streams;
import dev.conduit.internal.structured.StructuredOutputs;
import dev.conduit.models.responses.CompactedResponse;
import dev.conduit.models.responses.InputItemListParams;
import dev.conduit.models.responses.InputTokenCount;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCompactParams;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseItem;
import dev.conduit.models.responses.ResponseLifecycleEvent;
import dev.conduit.models.responses.ResponseStreamEvent;
import dev.conduit.services.AsyncResponseStream;
import dev.conduit.services.InputItemService;
import dev.conduit.services.InputItemServiceAsync;
import dev.conduit.services.InputTokenService;
import dev.conduit.services.InputTokenServiceAsync;
import dev.conduit.services.ResponseService;
import dev.conduit.services.ResponseServiceAsync;
import dev.conduit.services.ResponseStream;
import dev.conduit.structured.ParsedResponse;
import java.util.concurrent.CompletableFuture;

/** {@link ResponseService} and its async twin. */
public final class ResponseServiceImpl implements ResponseService {
  private final ClientCore core;
  private final InputItemService inputItems;
  private final InputTokenService inputTokens;

  public ResponseServiceImpl(ClientCore core) {
    this.core = core;
    this.inputItems = (id, params, options) ->
        Pages.fetch(core, inputItemsRequest(id, params), options, ResponseItem::fromJson, null);
    this.inputTokens = (params, options) ->
        Calls.json(core, ApiRequest.post("responses/input_tokens", params), options, InputTokenCount::fromJson);
  }

  static Response response(Object tree) {
    return Response.fromJson(Json.asObject(tree, "Response"));
  }

  static String path(String id) {
    return "responses/" + ApiRequest.segment(id);
  }

  static ApiRequest inputItemsRequest(String id, InputItemListParams params) {
    return ApiRequest.get(path(id) + "/input_items").queryMulti(params.toQuery());
  }

  static JsonEventMapper<ResponseStreamEvent> mapper(ClientCore core) {
    return new JsonEventMapper<>(core.codec(), ResponseStreamEvent::fromJson,
        e -> e instanceof ResponseLifecycleEvent && ((ResponseLifecycleEvent) e).isTerminal(),
        "response.completed (or another terminal event)");
  }

  @Override
  public Response create(ResponseCreateParams params, RequestOptions options) {
    return core.json(ApiRequest.post("responses", params.withStream(false)), options, ResponseServiceImpl::response);
  }

  @Override
  public ResponseStream stream(ResponseCreateParams params, RequestOptions options) {
    return new ResponseStreamImpl(Streams.open(core, ApiRequest.post("responses", params.withStream(true)), options, mapper(core)));
  }

  @Override
  public <T> ParsedResponse<T> parse(ResponseCreateParams params, Class<T> type, RequestOptions options) {
    Response response = create(StructuredOutputs.withSchema(params, type), options);
    return StructuredOutputs.parse(response, type, core.codec());
  }

  @Override
  public Response retrieve(String responseId, RequestOptions options) {
    return core.json(ApiRequest.get(path(responseId)), options, ResponseServiceImpl::response);
  }

  @Override
  public void delete(String responseId, RequestOptions options) {
    core.open(ApiRequest.delete(path(responseId)), options).close();
  }

  @Override
  public Response cancel(String responseId, RequestOptions options) {
    return core.json(ApiRequest.post(path(responseId) + "/cancel"), options, ResponseServiceImpl::response);
  }

  @Override
  public CompactedResponse compact(ResponseCompactParams params, RequestOptions options) {
    return Calls.json(core, ApiRequest.post("responses/compact", params), options, CompactedResponse::fromJson);
  }

  @Override
  public InputItemService inputItems() {
    return inputItems;
  }

  @Override
  public InputTokenService inputTokens() {
    return inputTokens;
  }

  /** The asynchronous twin. */
  public static final class Async implements ResponseServiceAsync {
    private final ClientCore core;
    private final InputItemServiceAsync inputItems;
    private final InputTokenServiceAsync inputTokens;

    public Async(ClientCore core) {
      this.core = core;
      this.inputItems = (id, params, options) ->
          Pages.fetchAsync(core, inputItemsRequest(id, params), options, ResponseItem::fromJson, null);
      this.inputTokens = (params, options) ->
          Calls.jsonAsync(core, ApiRequest.post("responses/input_tokens", params), options, InputTokenCount::fromJson);
    }

    @Override
    public CompletableFuture<Response> create(ResponseCreateParams params, RequestOptions options) {
      return core.jsonAsync(ApiRequest.post("responses", params.withStream(false)), options, ResponseServiceImpl::response);
    }

    @Override
    public AsyncResponseStream stream(ResponseCreateParams params, RequestOptions options) {
      return new AsyncResponseStreamImpl(
          Streams.openAsync(core, ApiRequest.post("responses", params.withStream(true)), options, () -> mapper(core)));
    }

    @Override
    public <T> CompletableFuture<ParsedResponse<T>> parse(ResponseCreateParams params, Class<T> type, RequestOptions options) {
      ResponseCreateParams withSchema;
      try {
        withSchema = StructuredOutputs.withSchema(params, type);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
      CompletableFuture<Response> created = create(withSchema, options);
      return ClientCore.cancelling(created, created.thenApply(r -> StructuredOutputs.parse(r, type, core.codec())));
    }

    @Override
    public CompletableFuture<Response> retrieve(String responseId, RequestOptions options) {
      return core.jsonAsync(ApiRequest.get(path(responseId)), options, ResponseServiceImpl::response);
    }

    @Override
    public CompletableFuture<Void> delete(String responseId, RequestOptions options) {
      CompletableFuture<dev.conduit.http.AsyncHttpResponse> exchange = core.openAsync(ApiRequest.delete(path(responseId)), options);
      return ClientCore.cancellingExchange(exchange, exchange.thenAccept(r -> r.discard()));
    }

    @Override
    public CompletableFuture<Response> cancel(String responseId, RequestOptions options) {
      return core.jsonAsync(ApiRequest.post(path(responseId) + "/cancel"), options, ResponseServiceImpl::response);
    }

    @Override
    public CompletableFuture<CompactedResponse> compact(ResponseCompactParams params, RequestOptions options) {
      return Calls.jsonAsync(core, ApiRequest.post("responses/compact", params), options, CompactedResponse::fromJson);
    }

    @Override
    public InputItemServiceAsync inputItems() {
      return inputItems;
    }

    @Override
    public InputTokenServiceAsync inputTokens() {
      return inputTokens;
    }
  }
}
