package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.FakeReply;
import dev.conduit.testing.support.SseEvents;
import dev.conduit.testing.support.Trees;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chat Completions: create, stream, tools, formats and stored completions. */
public abstract class ChatContract extends FakeContract {
  static final String TOOLS = """
      [{"type":"function","function":{"name":"get_weather","strict":true,"parameters":{"type":"object",
        "required":["city","unit"],"additionalProperties":false,"properties":{"city":{"type":"string"},
        "unit":{"type":"string","enum":["c","f"]}}}}},
       {"type":"function","function":{"name":"get_time","parameters":{"type":"object","required":["tz"],
        "properties":{"tz":{"type":"string","format":"date-time"}}}}}]""";

  @Test
  void echoesTheLastUserMessageWithEveryField() throws Exception {
    Map<String, Object> c = postOk("/v1/chat/completions", """
        {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be nice."},
          {"role":"user","content":[{"type":"text","text":"Bonjour"}]}]}""");
    assertThat(c).containsOnlyKeys("id", "object", "created", "model", "choices", "usage", "service_tier",
        "system_fingerprint");
    assertThat((String) c.get("id")).matches("chatcmpl-[A-Za-z0-9]{29}");
    assertThat(c).containsEntry("object", "chat.completion").containsEntry("model", "gpt-4o-mini")
        .containsEntry("service_tier", "default");
    assertThat((String) c.get("system_fingerprint")).matches("fp_[0-9a-f]{10}");
    Map<String, Object> choice = Trees.at(c, "choices", 0);
    assertThat(choice).containsOnlyKeys("index", "message", "logprobs", "finish_reason").containsEntry("index", 0L)
        .containsEntry("finish_reason", "stop").containsEntry("logprobs", null);
    assertThat(Trees.<Map<String, Object>>at(choice, "message")).containsEntry("role", "assistant")
        .containsEntry("content", "Bonjour").containsEntry("refusal", null).containsEntry("annotations", List.of());
    Map<String, Object> usage = Trees.at(c, "usage");
    assertThat(usage).containsKeys("prompt_tokens", "completion_tokens", "total_tokens", "prompt_tokens_details",
        "completion_tokens_details").containsEntry("completion_tokens", 1L);
    assertThat((Long) usage.get("total_tokens")).isEqualTo((Long) usage.get("prompt_tokens") + 1L);
  }

  @Test
  void streamsRoleThenContentThenFinishThenDone() throws Exception {
    List<SseEvents.Event> events = events(post("/v1/chat/completions", """
        {"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Hello there, chat!"}]}"""));
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    assertThat(events).allMatch(e -> e.name() == null);
    List<SseEvents.Event> chunks = events.subList(0, events.size() - 1);
    String id = Trees.at(data(chunks.get(0)), "id");
    StringBuilder text = new StringBuilder();
    for (SseEvents.Event e : chunks) {
      Map<String, Object> c = data(e);
      assertThat(c).containsEntry("object", "chat.completion.chunk").containsEntry("id", id).doesNotContainKey("usage")
          .containsKey("obfuscation");
      Object content = Trees.at(c, "choices", 0, "delta", "content");
      if (content != null) {
        text.append(content);
      }
    }
    assertThat(Trees.<Map<String, Object>>at(data(chunks.get(0)), "choices", 0, "delta"))
        .containsEntry("role", "assistant").containsEntry("content", "").containsEntry("refusal", null);
    assertThat(text.toString()).isEqualTo("Hello there, chat!");
    Map<String, Object> last = data(chunks.get(chunks.size() - 1));
    assertThat(Trees.<Object>at(last, "choices", 0, "delta")).isEqualTo(Map.of());
    assertThat(Trees.<Object>at(last, "choices", 0, "finish_reason")).isEqualTo("stop");
    assertThat(chunks).hasSize(1 + 5 + 1);
  }

  @Test
  void includeUsageAddsAFinalUsageChunk() throws Exception {
    List<SseEvents.Event> events = events(post("/v1/chat/completions", """
        {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},
         "messages":[{"role":"user","content":"count me"}]}"""));
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    Map<String, Object> usageChunk = data(events.get(events.size() - 2));
    assertThat(usageChunk).containsEntry("choices", List.of());
    assertThat(Trees.<Object>at(usageChunk, "usage", "completion_tokens")).isEqualTo(2L);
    for (SseEvents.Event e : events.subList(0, events.size() - 2)) {
      assertThat(data(e)).containsEntry("usage", null);
    }
    error(post("/v1/chat/completions", """
        {"model":"gpt-4o","stream_options":{"include_usage":true},"messages":[{"role":"user","content":"x"}]}"""), 400);
  }

  @Test
  void namedToolStreamsToolCallDeltasThatFitTheSchema() throws Exception {
    List<SseEvents.Event> events = events(post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true,\"tools\":"
        + TOOLS + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_time\"}},"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"time?\"}]}"));
    Map<String, Object> firstDelta = Trees.at(data(events.get(0)), "choices", 0, "delta");
    assertThat(firstDelta).containsEntry("role", "assistant").containsEntry("content", null);
    Map<String, Object> call = Trees.at(firstDelta, "tool_calls", 0);
    assertThat(call).containsEntry("index", 0L).containsEntry("type", "function");
    assertThat((String) call.get("id")).startsWith("call_");
    assertThat(Trees.<Object>at(call, "function", "name")).isEqualTo("get_time");
    StringBuilder args = new StringBuilder();
    for (SseEvents.Event e : events.subList(1, events.size() - 2)) {
      args.append((String) Trees.at(data(e), "choices", 0, "delta", "tool_calls", 0, "function", "arguments"));
    }
    assertThat(Trees.object(args.toString())).containsOnlyKeys("tz");
    assertThat(Trees.<Object>at(data(events.get(events.size() - 2)), "choices", 0, "finish_reason")).isEqualTo("tool_calls");
  }

  @Test
  void requiredToolChoiceYieldsToolCalls() throws Exception {
    Map<String, Object> c = postOk("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"tools\":" + TOOLS
        + ",\"tool_choice\":\"required\",\"messages\":[{\"role\":\"user\",\"content\":\"weather\"}]}");
    Map<String, Object> msg = Trees.at(c, "choices", 0, "message");
    assertThat(msg).containsEntry("content", null);
    assertThat(Trees.<Object>at(c, "choices", 0, "finish_reason")).isEqualTo("tool_calls");
    Map<String, Object> call = Trees.at(msg, "tool_calls", 0);
    assertThat(Trees.<Object>at(call, "function", "name")).isEqualTo("get_weather");
    Map<String, Object> args = Trees.object((String) Trees.at(call, "function", "arguments"));
    assertThat(args).containsOnlyKeys("city", "unit");
    assertThat(args.get("unit")).isIn("c", "f");

    Map<String, Object> followUp = postOk("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":["
        + "{\"role\":\"user\",\"content\":\"weather\"},"
        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + call.get("id") + "\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"" + call.get("id") + "\",\"content\":\"12 degrees\"}]}");
    assertThat(Trees.<Object>at(followUp, "choices", 0, "message", "content")).isEqualTo("12 degrees");

    Map<String, Object> unanswered = error(post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":["
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},{\"role\":\"user\",\"content\":\"hm\"}]}"), 400);
    assertThat((String) unanswered.get("message")).contains("call_1");
    Map<String, Object> orphan = error(post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":["
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_9\",\"content\":\"x\"}]}"), 400);
    assertThat(orphan).containsEntry("param", "messages.[0].role");
    error(post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"tool_choice\":\"required\","
        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 400);
  }

  @Test
  void jsonSchemaResponseFormatYieldsConformingJson() throws Exception {
    Map<String, Object> c = postOk("/v1/chat/completions", """
        {"model":"gpt-4o","messages":[{"role":"user","content":"list"}],
         "response_format":{"type":"json_schema","json_schema":{"name":"items","strict":true,"schema":{
           "type":"object","required":["items","total"],"additionalProperties":false,
           "properties":{"items":{"type":"array","minItems":3,"items":{"type":"object","required":["sku","qty"],
             "properties":{"sku":{"type":"string"},"qty":{"type":"integer","exclusiveMinimum":0}}}},
             "total":{"type":["number","null"],"maximum":-1}}}}}}""");
    Map<String, Object> out = Trees.object((String) Trees.at(c, "choices", 0, "message", "content"));
    assertThat(Trees.<List<Map<String, Object>>>at(out, "items")).hasSize(3)
        .allSatisfy(i -> assertThat((Long) i.get("qty")).isGreaterThan(0L));
    assertThat((Double) out.get("total")).isLessThanOrEqualTo(-1.0);
    Map<String, Object> e = error(post("/v1/chat/completions", """
        {"model":"gpt-4o","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_object"}}"""), 400);
    assertThat((String) e.get("message")).contains("json");
  }

  @Test
  void severalChoicesAndLogprobs() throws Exception {
    Map<String, Object> c = postOk("/v1/chat/completions", """
        {"model":"gpt-4o","n":2,"logprobs":true,"top_logprobs":2,"messages":[{"role":"user","content":"a b"}]}""");
    assertThat(Trees.<List<?>>at(c, "choices")).hasSize(2);
    assertThat(Trees.<Object>at(c, "choices", 1, "index")).isEqualTo(1L);
    List<Map<String, Object>> tokens = Trees.at(c, "choices", 0, "logprobs", "content");
    assertThat(tokens).extracting(t -> t.get("token")).containsExactly("a", " b");
    assertThat(Trees.<List<?>>at(tokens, 0, "top_logprobs")).hasSize(2);
    assertThat(Trees.<Object>at(c, "usage", "completion_tokens")).isEqualTo(4L);
  }

  @Test
  void storedCompletionsListRetrieveUpdateMessagesDelete() throws Exception {
    String[] ids = new String[3];
    for (int i = 0; i < 3; i++) {
      ids[i] = (String) postOk("/v1/chat/completions", "{\"model\":\"" + (i == 2 ? "gpt-4o" : "gpt-4o-mini")
          + "\",\"store\":true,\"metadata\":{\"run\":\"r" + (i % 2) + "\"},\"messages\":[{\"role\":\"system\","
          + "\"content\":\"sys\"},{\"role\":\"user\",\"content\":\"q" + i + "\"}]}").get("id");
    }
    postOk("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"not stored\"}]}");

    Map<String, Object> page = getOk("/v1/chat/completions?limit=2");
    assertThat(Trees.<List<Map<String, Object>>>at(page, "data")).extracting(m -> m.get("id")).containsExactly(ids[0], ids[1]);
    assertThat(page).containsEntry("object", "list").containsEntry("has_more", true).containsEntry("first_id", ids[0])
        .containsEntry("last_id", ids[1]);
    Map<String, Object> rest = getOk("/v1/chat/completions?limit=2&after=" + ids[1]);
    assertThat(Trees.<List<Map<String, Object>>>at(rest, "data")).extracting(m -> m.get("id")).containsExactly(ids[2]);
    assertThat(rest).containsEntry("has_more", false);
    assertThat(Trees.<List<Map<String, Object>>>at(getOk("/v1/chat/completions?order=desc"), "data"))
        .extracting(m -> m.get("id")).containsExactly(ids[2], ids[1], ids[0]);
    assertThat(Trees.<List<Map<String, Object>>>at(getOk("/v1/chat/completions?metadata%5Brun%5D=r0"), "data"))
        .extracting(m -> m.get("id")).containsExactly(ids[0], ids[2]);
    assertThat(Trees.<List<Map<String, Object>>>at(getOk("/v1/chat/completions?model=gpt-4o"), "data"))
        .extracting(m -> m.get("id")).containsExactly(ids[2]);

    Map<String, Object> one = getOk("/v1/chat/completions/" + ids[1]);
    assertThat(one).containsEntry("metadata", Map.of("run", "r1"));
    assertThat(Trees.<Object>at(one, "choices", 0, "message", "content")).isEqualTo("q1");
    assertThat(postOk("/v1/chat/completions/" + ids[1], "{\"metadata\":{\"run\":\"done\"}}"))
        .containsEntry("metadata", Map.of("run", "done"));
    error(post("/v1/chat/completions/" + ids[1], "{\"metadata\":{},\"model\":\"x\"}"), 400);

    Map<String, Object> messages = getOk("/v1/chat/completions/" + ids[1] + "/messages");
    List<Map<String, Object>> msgs = Trees.at(messages, "data");
    assertThat(msgs).extracting(m -> m.get("id")).containsExactly(ids[1] + "-0", ids[1] + "-1");
    assertThat(msgs.get(1)).containsEntry("role", "user").containsEntry("content", "q1").containsEntry("content_parts", null);
    assertThat(getOk("/v1/chat/completions/" + ids[1] + "/messages?limit=1")).containsEntry("has_more", true);

    assertThat(ok(delete("/v1/chat/completions/" + ids[1]))).containsEntry("object", "chat.completion.deleted")
        .containsEntry("id", ids[1]).containsEntry("deleted", true);
    error(get("/v1/chat/completions/" + ids[1]), 404);
    error(get("/v1/chat/completions/" + ids[1] + "/messages"), 404);
  }

  @Test
  void scriptedRefusalAndMaxTokens() throws Exception {
    fake.reply(FakeReply.refusal("I can't help with that."), FakeReply.text("one two three four"));
    Map<String, Object> refused = postOk("/v1/chat/completions",
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"bad\"}]}");
    assertThat(Trees.<Map<String, Object>>at(refused, "choices", 0, "message")).containsEntry("content", null)
        .containsEntry("refusal", "I can't help with that.");
    Map<String, Object> cut = postOk("/v1/chat/completions",
        "{\"model\":\"gpt-4o\",\"max_completion_tokens\":2,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertThat(Trees.<Object>at(cut, "choices", 0, "finish_reason")).isEqualTo("length");
    assertThat(Trees.<Object>at(cut, "choices", 0, "message", "content")).isEqualTo("one two");
  }
}
