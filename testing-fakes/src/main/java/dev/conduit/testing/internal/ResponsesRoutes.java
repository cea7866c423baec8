package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.ARRAY;
import static dev.conduit.testing.internal.Params.Type.BOOLEAN;
import static dev.conduit.testing.internal.Params.Type.INTEGER;
import static dev.conduit.testing.internal.Params.Type.NUMBER;
import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;
import static dev.conduit.testing.internal.Params.Type.STRING_OR_ARRAY;
import static dev.conduit.testing.internal.Params.Type.STRING_OR_OBJECT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Responses API: create (plain, streamed, stored, background, chained by
 * {@code previous_response_id} or within a {@code conversation}), retrieve (also as a replayed
 * stream), delete, cancel and input items; compaction and input token counts are answered by
 * {@link ResponseCompaction} and {@link InputTokensRoute}.
 */
final class ResponsesRoutes {
  private static final Map<String, Params.Type> KNOWN = new HashMap<>();
  static final Set<String> INCLUDES = Set.of("file_search_call.results", "web_search_call.results",
      "web_search_call.action.sources", "message.input_image.image_url", "computer_call_output.output.image_url",
      "code_interpreter_call.outputs", "reasoning.encrypted_content", "message.output_text.logprobs");

  static {
    for (String k : new String[] {"user", "safety_identifier", "prompt_cache_key", "prompt_cache_retention",
        "previous_response_id", "model", "service_tier", "truncation", "instructions"}) {
      KNOWN.put(k, STRING);
    }
    for (String k : new String[] {"metadata", "prompt_cache_options", "text", "prompt", "reasoning", "moderation",
        "stream_options"}) {
      KNOWN.put(k, OBJECT);
    }
    for (String k : new String[] {"top_logprobs", "max_tool_calls", "max_output_tokens"}) {
      KNOWN.put(k, INTEGER);
    }
    for (String k : new String[] {"temperature", "top_p", "frequency_penalty", "presence_penalty"}) {
      KNOWN.put(k, NUMBER);
    }
    for (String k : new String[] {"background", "parallel_tool_calls", "store", "stream"}) {
      KNOWN.put(k, BOOLEAN);
    }
    KNOWN.put("tools", ARRAY);
    KNOWN.put("include", ARRAY);
    KNOWN.put("context_management", ARRAY);
    KNOWN.put("input", STRING_OR_ARRAY);
    KNOWN.put("tool_choice", STRING_OR_OBJECT);
    KNOWN.put("conversation", STRING_OR_OBJECT);
  }

  private final FakeCore core;
  private final ResponseOptions options;
  private final ResponseCompaction compaction;
  private final InputTokensRoute inputTokens;

  ResponsesRoutes(FakeCore core) {
    this.core = core;
    this.options = new ResponseOptions();
    this.compaction = new ResponseCompaction(core);
    this.inputTokens = new InputTokensRoute(core);
  }

  @Nullable Reply route(JournalEntry entry, String[] seg) {
    IncomingRequest req = entry.request();
    String m = req.method();
    if (seg.length == 1 && m.equals("POST")) {
      return create(entry);
    }
    if (seg.length == 2 && m.equals("POST") && seg[1].equals("compact")) {
      return compaction.compact(req);
    }
    if (seg.length == 2 && m.equals("POST") && seg[1].equals("input_tokens")) {
      return inputTokens.count(req);
    }
    if (seg.length == 2 && m.equals("GET")) {
      return retrieve(req, seg[1]);
    }
    if (seg.length == 2 && m.equals("DELETE")) {
      require(seg[1]);
      core.store().responses.remove(seg[1]);
      return json(Json.obj("id", seg[1], "object", "response.deleted", "deleted", true));
    }
    if (seg.length == 3 && m.equals("POST") && seg[2].equals("cancel")) {
      return cancel(seg[1]);
    }
    if (seg.length == 3 && m.equals("GET") && seg[2].equals("input_items")) {
      return json(Pages.page(require(seg[1]).inputItems, req, "desc", 20, 100));
    }
    return null;
  }

  private Reply create(JournalEntry entry) {
    Ids ids = core.ids();
    Map<String, @Nullable Object> body = Params.body(entry.request(), core.codec());
    Params.check(body, KNOWN, "model");
    String model = (String) body.get("model");
    ModelsRoutes.require(core.store(), model, 400);
    Params.range(body, "temperature", 0, 2);
    Params.range(body, "top_p", 0, 1);
    Params.rangeInt(body, "top_logprobs", 0, 20);
    Params.rangeInt(body, "max_output_tokens", 16, Integer.MAX_VALUE);
    Params.range(body, "frequency_penalty", -2, 2);
    Params.range(body, "presence_penalty", -2, 2);
    Params.metadata(body);
    boolean stream = Json.boolAt(body, "stream", false);
    boolean store = Json.boolAt(body, "store", true);
    boolean background = Json.boolAt(body, "background", false);
    if (background && !store) {
      throw ApiError.invalid("Background responses must be stored: 'background' requires 'store' to be true.", "store",
          "invalid_value");
    }
    if (!stream && body.get("stream_options") != null) {
      throw ApiError.invalid("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options",
          "invalid_value");
    }
    ResponseContext context = ResponseContext.read(core, body, body.get("prompt") == null).answeringPendingCalls();
    boolean encrypted = false;
    List<@Nullable Object> include = Json.listAt(body, "include");
    if (include != null) {
      for (int i = 0; i < include.size(); i++) {
        Object v = include.get(i);
        if (!INCLUDES.contains(v)) {
          throw ApiError.invalid("Invalid value: '" + v + "'. Supported values are: " + String.join(", ", INCLUDES) + ".",
              "include[" + i + "]", "invalid_value");
        }
        encrypted |= "reasoning.encrypted_content".equals(v);
      }
    }

    ResponseOptions.Tools tools = options.tools(body);
    ResponseOptions.Text text = options.text(body);
    Map<String, @Nullable Object> reasoning = options.reasoning(body, model);
    boolean summary = reasoning.get("summary") != null;

    List<DeterministicModel.Turn> turns = context.turns(body.get("instructions"));
    if (text.format().type().equals("json_object") && !DeterministicModel.mentions(turns, "json")) {
      throw ApiError.invalid("Response input messages must contain the word 'json' in some form to use 'text.format' of "
          + "type 'json_object'.", "input", null);
    }
    DeterministicModel.Prompt prompt = new DeterministicModel.Prompt(turns, tools.model(), tools.choice(), text.format(),
        core.script().next(entry));
    List<ReplyPart> parts = DeterministicModel.answer(prompt, core.codec());
    Long max = body.get("max_output_tokens") instanceof Number ? ((Number) body.get("max_output_tokens")).longValue() : null;
    DeterministicModel.Limited limited = DeterministicModel.limit(parts, max);
    List<Map<String, @Nullable Object>> output =
        ResponseRenderer.output(limited.parts(), limited.truncated(), summary, encrypted, ids);
    Map<String, @Nullable Object> usage = ResponseRenderer.usage(
        ResponseContext.inputTokens(turns, tools.echo(), core.codec()), DeterministicModel.outputTokens(limited.parts()),
        DeterministicModel.reasoningTokens(limited.parts()));

    String id = ids.response();
    long now = core.now();
    ResponseRenderer.Settings settings = new ResponseRenderer.Settings(id, now, model, body, tools.echo(),
        tools.choiceEcho(), text.echo(), reasoning, store, background);
    Map<String, @Nullable Object> finished = ResponseRenderer.response(settings,
        limited.truncated() ? "incomplete" : "completed", output, usage, now, limited.truncated() ? "max_output_tokens" : null);
    boolean obfuscate = Json.boolAt(Json.objAt(body, "stream_options"), "include_obfuscation", true);
    List<Map<String, @Nullable Object>> events = ResponseEvents.of(finished, background, obfuscate);
    Map<String, @Nullable Object> shown = background && !stream ? ResponseRenderer.snapshot(finished, "queued") : finished;
    List<Map<String, @Nullable Object>> input = context.input();
    Store.StoredConversation conversation = context.conversation();
    if (conversation != null) {
      conversation.append(input, ids);
      conversation.append(Json.objects(Json.listAt(finished, "output")), ids);
    }
    if (store) {
      List<Map<String, @Nullable Object>> full = new ArrayList<>(context.items());
      full.addAll(Json.objects(Json.listAt(finished, "output")));
      core.store().responses.put(id, new Store.StoredResponse(shown, finished, input, full, events));
    }
    return stream ? sse(events) : json(shown);
  }

  private Reply retrieve(IncomingRequest req, String id) {
    Store.StoredResponse s = require(id);
    if ("true".equals(req.queryParam("stream"))) {
      if (!Json.boolAt(s.finished, "background", false)) {
        throw ApiError.invalid("Only responses created with background=true can be streamed from the retrieve endpoint.",
            "stream", null);
      }
      String after = req.queryParam("starting_after");
      long from = -1;
      if (after != null && !after.isEmpty()) {
        try {
          from = Long.parseLong(after);
        } catch (NumberFormatException e) {
          throw ApiError.invalid("Invalid type for 'starting_after': expected an integer, but got a string instead.",
              "starting_after", "invalid_type");
        }
      }
      List<Map<String, @Nullable Object>> replay = new ArrayList<>();
      for (Map<String, @Nullable Object> e : s.events) {
        if (Json.longAt(e, "sequence_number", -1) > from) {
          replay.add(e);
        }
      }
      s.current = s.finished;
      return sse(replay);
    }
    String status = Json.strAt(s.current, "status");
    if ("queued".equals(status)) {
      s.current = ResponseRenderer.snapshot(s.finished, "in_progress");
    } else if ("in_progress".equals(status)) {
      s.current = s.finished;
    }
    return json(s.current);
  }

  private Reply cancel(String id) {
    Store.StoredResponse s = require(id);
    if (!Json.boolAt(s.finished, "background", false)) {
      throw ApiError.invalid("Only responses created with background=true can be cancelled.", null, null);
    }
    String status = Json.strAt(s.current, "status");
    if ("queued".equals(status) || "in_progress".equals(status)) {
      s.current = ResponseRenderer.snapshot(s.finished, "cancelled");
      s.finished = s.current;
    } else if (!"cancelled".equals(status)) {
      throw ApiError.invalid("Cannot cancel a response with status '" + status + "'.", null, null);
    }
    return json(s.current);
  }

  private Store.StoredResponse require(String id) {
    Store.StoredResponse s = core.store().responses.get(id);
    if (s == null) {
      throw ApiError.notFound("Response with id '" + id + "' not found.", null, null);
    }
    return s;
  }

  private Reply json(Map<String, @Nullable Object> tree) {
    return Reply.json(200, core.codec().write(tree));
  }

  private Reply sse(List<Map<String, @Nullable Object>> events) {
    List<byte[]> out = new ArrayList<>(events.size());
    for (Map<String, @Nullable Object> e : events) {
      out.add(Sse.event(Json.strAt(e, "type"), core.codec().writeString(e)));
    }
    return Reply.sse(out);
  }
}
