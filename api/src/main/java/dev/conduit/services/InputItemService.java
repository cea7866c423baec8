package dev.conduit.services;

import dev.conduit.RequestOptions;
import dev.conduit.core.Page;
import dev.conduit.models.responses.InputItemListParams;
import dev.conduit.models.responses.ResponseItem;

/** The {@code /responses/{id}/input_items} endpoint. Obtain with {@code client.responses().inputItems()}. */
public interface InputItemService {
  /** Lists the input items of a stored response, one page at a time. */
  Page<ResponseItem> list(String responseId, InputItemListParams params, RequestOptions options);

  /** Lists the input items of a stored response. */
  default Page<ResponseItem> list(String responseId, InputItemListParams params) {
    return list(responseId, params, RequestOptions.none());
  }

  /** Lists the input items of a stored response with default parameters. */
  default Page<ResponseItem> list(String responseId) {
    return list(responseId, InputItemListParams.builder().build(), RequestOptions.none());
  }
}
