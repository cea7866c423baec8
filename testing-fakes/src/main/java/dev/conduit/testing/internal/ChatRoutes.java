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
import org.jspecify.annotations.Nullable;

/** Chat Completions: create (plain and streamed) and the stored-completions endpoints. */
final class ChatRoutes {
  private static final Map<String, Params.Type> KNOWN = new HashMap<>();

  static {
    for (String k : new String[] {"model", "user", "safety_identifier", "prompt_cache_key", "prompt_cache_retention",
        "service_tier", "verbosity", "reasoning_effort"}) {
      KNOWN.put(k, STRING);
    }
    for (String k : new String[] {"metadata", "prompt_cache_options", "web_search_options", "response_format", "audio",
        "moderation", "logit_bias", "prediction", "stream_options"}) {
      KNOWN.put(k, OBJECT);
    }
    for (String k : new String[] {"top_logprobs", "max_completion_tokens", "max_tokens", "n", "seed"}) {
      KNOWN.put(k, INTEGER);
    }
    for (String k : new String[] {"temperature", "top_p", "frequency_penalty", "presence_penalty"}) {
      KNOWN.put(k, NUMBER);
    }
    for (String k : new String[] {"store", "stream", "logprobs", "parallel_tool_calls"}) {
      KNOWN.put(k, BOOLEAN);
    }
    for (String k : new String[] {"messages", "modalities", "tools", "functions"}) {
      KNOWN.put(k, ARRAY);
    }
    KNOWN.put("stop", STRING_OR_ARRAY);
    KNOWN.put("tool_choice", STRING_OR_OBJECT);
    KNOWN.put("function_call", STRING_OR_OBJECT);
  }

  private final FakeCore core;

  ChatRoutes(FakeCore core) {
    this.core = core;
  }

  @Nullable Reply route(JournalEntry entry, String[] seg) {
    if (seg.length < 2 || !seg[1].equals("completions")) {
      return null;
    }
    IncomingRequest req = entry.request();
    String m = req.method();
    if (seg.length == 2) {
      return m.equals("POST") ? create(entry) : m.equals("GET") ? list(req) : null;
    }
    String id = seg[2];
    if (seg.length == 3) {
      switch (m) {
        case "GET":
          return json(require(id).view());
        case "POST":
          return update(req, id);
        case "DELETE":
          require(id);
          core.store().chats.remove(id);
          return json(Json.obj("object", "chat.completion.deleted", "id", id, "deleted", true));
        default:
          return null;
      }
    }
    if (seg.length == 4 && seg[3].equals("messages") && m.equals("GET")) {
      return json(Pages.page(require(id).messages, req, "asc", 20, 100));
    }
    return null;
  }

  private Reply create(JournalEntry entry) {
    Map<String, @Nullable Object> body = Params.body(entry.request(), core.codec());
    Params.check(body, KNOWN, "model", "messages");
    String model = (String) body.get("model");
    if (!core.store().models.containsKey(model)) {
      throw ApiError.notFound("The model `" + model + "` does not exist or you do not have access to it.", null,
          "model_not_found");
    }
    Params.range(body, "temperature", 0, 2);
    Params.range(body, "top_p", 0, 1);
    Params.rangeInt(body, "n", 1, 128);
    Params.rangeInt(body, "top_logprobs", 0, 20);
    Params.range(body, "frequency_penalty", -2, 2);
    Params.range(body, "presence_penalty", -2, 2);
    Params.rangeInt(body, "max_completion_tokens", 1, Integer.MAX_VALUE);
    Params.rangeInt(body, "max_tokens", 1, Integer.MAX_VALUE);
    Params.metadata(body);
    boolean stream = Json.boolAt(body, "stream", false);
    if (!stream && body.get("stream_options") != null) {
      throw ApiError.invalid("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options",
          "invalid_value");
    }
    boolean logprobs = Json.boolAt(body, "logprobs", false);
    if (body.get("top_logprobs") != null && !logprobs) {
      throw ApiError.invalid("Invalid value: 'top_logprobs'. 'logprobs' must be set to true when 'top_logprobs' is used.",
          "top_logprobs", "invalid_value");
    }
    List<@Nullable Object> messages = Json.listAt(body, "messages");
    List<DeterministicModel.Turn> turns = ChatOptions.turns(messages);
    List<DeterministicModel.Tool> tools = ChatOptions.tools(body);
    DeterministicModel.ToolChoice choice = ChatOptions.choice(body, tools);
    DeterministicModel.Format format = ChatOptions.format(body);
    if (format.type().equals("json_object") && !DeterministicModel.mentions(turns, "json")) {
      throw ApiError.invalid("'messages' must contain the word 'json' in some form, to use 'response_format' of type "
          + "'json_object'.", "messages", null);
    }
    DeterministicModel.Prompt prompt = new DeterministicModel.Prompt(turns, tools, choice, format, core.script().next(entry));
    List<ReplyPart> parts = DeterministicModel.answer(prompt, core.codec());
    Object max = body.get("max_completion_tokens") != null ? body.get("max_completion_tokens") : body.get("max_tokens");
    DeterministicModel.Limited limited = DeterministicModel.limit(parts, max == null ? null : ((Number) max).longValue());

    int n = (int) Json.longAt(body, "n", 1);
    List<ChatRenderer.Choice> choices = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, @Nullable Object> message = ChatRenderer.message(limited.parts(), core.ids());
      String finish = message.containsKey("tool_calls") ? "tool_calls" : limited.truncated() ? "length" : "stop";
      choices.add(new ChatRenderer.Choice(i, message, finish,
          logprobs ? ChatRenderer.logprobs(message, (int) Json.longAt(body, "top_logprobs", 0)) : null));
    }
    Object tools0 = body.get("tools");
    long promptTokens = DeterministicModel.inputTokens(prompt, tools0 == null ? null : core.codec().writeString(tools0));
    long completionTokens = (long) n * DeterministicModel.outputTokens(limited.parts());
    Map<String, @Nullable Object> usage = ChatRenderer.usage(promptTokens, completionTokens,
        (long) n * DeterministicModel.reasoningTokens(limited.parts()));
    Object tier = body.get("service_tier");
    String id = core.ids().chatCompletion();
    Map<String, @Nullable Object> completion = ChatRenderer.completion(id, core.now(), model,
        tier == null || "auto".equals(tier) ? "default" : tier.toString(), "fp_" + core.ids().hex(10), choices, usage);

    if (Json.boolAt(body, "store", false)) {
      List<Map<String, @Nullable Object>> stored = new ArrayList<>();
      List<Map<String, @Nullable Object>> msgs = Json.objects(messages);
      for (int i = 0; i < msgs.size(); i++) {
        stored.add(ChatOptions.storedMessage(id, i, msgs.get(i)));
      }
      Map<String, @Nullable Object> metadata = Json.objAt(body, "metadata");
      core.store().chats.put(id, new Store.StoredChat(Json.copyObj(completion), stored,
          metadata == null ? Json.obj() : Json.copyObj(metadata)));
    }
    if (!stream) {
      return json(completion);
    }
    Map<String, @Nullable Object> so = Json.objAt(body, "stream_options");
    List<byte[]> events = new ArrayList<>();
    for (Map<String, @Nullable Object> chunk : ChatRenderer.chunks(completion, Json.boolAt(so, "include_usage", false),
        Json.boolAt(so, "include_obfuscation", true))) {
      events.add(Sse.event(null, core.codec().writeString(chunk)));
    }
    events.add(Sse.DONE);
    return Reply.sse(events);
  }

  private Reply list(IncomingRequest req) {
    String model = req.queryParam("model");
    Map<String, String> metadata = new HashMap<>();
    req.query().forEach((k, v) -> {
      if (k.startsWith("metadata[") && k.endsWith("]") && !v.isEmpty()) {
        metadata.put(k.substring(9, k.length() - 1), v.get(0));
      }
    });
    List<Map<String, @Nullable Object>> items = new ArrayList<>();
    for (Store.StoredChat c : core.store().chats.values()) {
      boolean ok = model == null || model.equals(c.completion.get("model"));
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        ok &= e.getValue().equals(c.metadata.get(e.getKey()));
      }
      if (ok) {
        items.add(c.view());
      }
    }
    return json(Pages.page(items, req, "asc", 20, 100));
  }

  private Reply update(IncomingRequest req, String id) {
    Store.StoredChat c = require(id);
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, Map.of("metadata", OBJECT), "metadata");
    Params.metadata(body);
    c.metadata = Json.copyObj(Json.objAt(body, "metadata"));
    return json(c.view());
  }

  private Store.StoredChat require(String id) {
    Store.StoredChat c = core.store().chats.get(id);
    if (c == null) {
      throw ApiError.notFound("Chat completion with id '" + id + "' not found.", null, null);
    }
    return c;
  }

  private Reply json(Map<String, @Nullable Object> tree) {
    return Reply.json(200, core.codec().write(tree));
  }
}
