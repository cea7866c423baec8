package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the model reads for a Responses request: the context it continues ({@code previous_response_id}
 * or {@code conversation}) followed by its own {@code input}, with every compaction item expanded into
 * the items it stands for. Create, input token counts and compaction read a request through this one
 * class and count its tokens with {@link #inputTokens}, so a count is the {@code usage.input_tokens}
 * that a create with the same fields reports.
 */
final class ResponseContext {
  private final List<Map<String, @Nullable Object>> input;
  private final List<Map<String, @Nullable Object>> items;
  private final List<Map<String, @Nullable Object>> previousOutput;
  private final Store.@Nullable StoredConversation conversation;

  private ResponseContext(List<Map<String, @Nullable Object>> input, List<Map<String, @Nullable Object>> items,
      List<Map<String, @Nullable Object>> previousOutput, Store.@Nullable StoredConversation conversation) {
    this.input = input;
    this.items = items;
    this.previousOutput = previousOutput;
    this.conversation = conversation;
  }

  /**
   * Reads the context of {@code body}. A request that continues nothing must have input when
   * {@code freshNeedsInput}; function call outputs in the input must answer calls the context holds.
   */
  static ResponseContext read(FakeCore core, Map<String, @Nullable Object> body, boolean freshNeedsInput) {
    String previousId = Json.strAt(body, "previous_response_id");
    Store.StoredConversation conversation = null;
    if (body.get("conversation") != null) {
      if (previousId != null) {
        throw ApiError.invalid("Mutually exclusive parameters: Ensure you are only providing one of: "
            + "'previous_response_id' or 'conversation'.", null, "mutually_exclusive_parameters");
      }
      conversation = ConversationsRoutes.require(core.store(), body.get("conversation"), "conversation");
    }
    List<Map<String, @Nullable Object>> input = ResponseInput.items(body.get("input"), core.ids());
    List<Map<String, @Nullable Object>> visible = new ArrayList<>();
    List<Map<String, @Nullable Object>> previousOutput = List.of();
    if (previousId != null) {
      Store.StoredResponse prev = core.store().responses.get(previousId);
      if (prev == null) {
        throw ApiError.invalid("Previous response with id '" + previousId + "' not found.", "previous_response_id",
            "previous_response_not_found");
      }
      visible.addAll(prev.context);
      previousOutput = Json.objects(Json.listAt(prev.finished, "output"));
    } else if (conversation != null) {
      visible.addAll(conversation.items.values());
    } else if (freshNeedsInput && input.isEmpty()) {
      throw ApiError.missing("input");
    }
    int inputFrom = visible.size();
    visible.addAll(input);
    List<Map<String, @Nullable Object>> items = ResponseCompaction.expand(visible, inputFrom, core.codec());
    ResponseInput.checkToolOutputs(List.of(), items, input);
    return new ResponseContext(input, items, previousOutput, conversation);
  }

  /**
   * Returns this context after checking that the input answers every function call the previous
   * response ended with, as a request that runs the model on it must (compaction need not).
   */
  ResponseContext answeringPendingCalls() {
    ResponseInput.checkToolOutputs(previousOutput, items, input);
    return this;
  }

  /** Returns the request's own input items as sent, with ids: what input items list and a conversation keeps. */
  List<Map<String, @Nullable Object>> input() {
    return input;
  }

  /** Returns every item the model reads, oldest first, with compaction items expanded. */
  List<Map<String, @Nullable Object>> items() {
    return items;
  }

  /** Returns the conversation the request continues, or null. */
  Store.@Nullable StoredConversation conversation() {
    return conversation;
  }

  /** Returns the turns the model reads: {@code instructions} (when a string) as a system turn, then the items. */
  List<DeterministicModel.Turn> turns(@Nullable Object instructions) {
    List<DeterministicModel.Turn> turns = new ArrayList<>();
    if (instructions instanceof String) {
      turns.add(new DeterministicModel.Turn("system", (String) instructions));
    }
    turns.addAll(ResponseInput.turns(items));
    return turns;
  }

  /** Returns the input tokens of {@code turns} read with {@code tools} (as a response echoes them). */
  static long inputTokens(List<DeterministicModel.Turn> turns, List<@Nullable Object> tools, Codec codec) {
    return DeterministicModel.inputTokens(turns, tools.isEmpty() ? null : codec.writeString(tools));
  }
}
