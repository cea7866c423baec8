package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.FakeReply;
import dev.conduit.testing.support.Trees;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Responses API without streaming: objects, storage, chaining, tools, formats, background. */
public abstract class ResponsesContract extends FakeContract {
  /** Required by the Open Responses schema (ResponseResource). */
  static final List<String> OPEN_RESPONSES_REQUIRED = List.of("id", "object", "created_at", "completed_at", "status",
      "incomplete_details", "model", "previous_response_id", "instructions", "output", "error", "tools", "tool_choice",
      "truncation", "parallel_tool_calls", "text", "top_p", "presence_penalty", "frequency_penalty", "top_logprobs",
      "temperature", "reasoning", "usage", "max_output_tokens", "max_tool_calls", "store", "background", "service_tier",
      "metadata", "safety_identifier", "prompt_cache_key");

  static final String WEATHER_TOOL = """
      {"type":"function","name":"get_weather","description":"Current weather","strict":true,
       "parameters":{"type":"object","additionalProperties":false,"required":["city","unit","days"],
        "properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]},
                      "days":{"type":"integer","minimum":1,"maximum":7}}}}""";

  @Test
  void echoesTheInputWithEveryField() throws Exception {
    Map<String, Object> r = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"Hello, fake!\"}");
    assertThat(r.keySet()).containsAll(OPEN_RESPONSES_REQUIRED).contains("user", "billing", "prompt_cache_retention");
    assertThat((String) r.get("id")).matches("resp_[0-9a-f]{50}");
    assertThat(r).containsEntry("object", "response").containsEntry("status", "completed").containsEntry("model", "gpt-4o")
        .containsEntry("error", null).containsEntry("incomplete_details", null).containsEntry("store", true)
        .containsEntry("background", false).containsEntry("tool_choice", "auto").containsEntry("truncation", "disabled")
        .containsEntry("service_tier", "default").containsEntry("parallel_tool_calls", true)
        .containsEntry("temperature", 1.0).containsEntry("top_p", 1.0).containsEntry("metadata", Map.of());
    assertThat((Long) r.get("completed_at")).isGreaterThanOrEqualTo((Long) r.get("created_at"));
    assertThat(Trees.<Object>at(r, "text", "format", "type")).isEqualTo("text");
    assertThat(Trees.<Map<String, Object>>at(r, "reasoning")).containsEntry("effort", null).containsEntry("summary", null)
        .hasSize(2);
    Map<String, Object> msg = Trees.at(r, "output", 0);
    assertThat(msg).containsOnlyKeys("id", "type", "status", "content", "role").containsEntry("type", "message")
        .containsEntry("role", "assistant").containsEntry("status", "completed");
    assertThat((String) msg.get("id")).startsWith("msg_");
    Map<String, Object> part = Trees.at(msg, "content", 0);
    assertThat(part).containsEntry("type", "output_text").containsEntry("text", "Hello, fake!")
        .containsEntry("annotations", List.of());
    Map<String, Object> usage = Trees.at(r, "usage");
    long in = (Long) usage.get("input_tokens");
    long out = (Long) usage.get("output_tokens");
    assertThat(out).isEqualTo(4L); // "Hello" "," " fake" "!"
    assertThat(usage.get("total_tokens")).isEqualTo(in + out);
    assertThat(Trees.<Object>at(usage, "input_tokens_details")).isEqualTo(Map.of("cached_tokens", 0L, "cache_write_tokens", 0L));
    assertThat(Trees.<Object>at(usage, "output_tokens_details", "reasoning_tokens")).isEqualTo(0L);
  }

  @Test
  void echoesRequestSettings() throws Exception {
    Map<String, Object> r = postOk("/v1/responses", """
        {"model":"gpt-5","input":[{"role":"user","content":[{"type":"input_text","text":"Hi"}]}],
         "instructions":"Be brief.","temperature":0.5,"metadata":{"k":"v"},"max_output_tokens":100,
         "reasoning":{"effort":"low"},"text":{"verbosity":"low"},"user":"u-1","service_tier":"auto"}""");
    assertThat(r).containsEntry("instructions", "Be brief.").containsEntry("temperature", 0.5)
        .containsEntry("metadata", Map.of("k", "v")).containsEntry("max_output_tokens", 100L).containsEntry("user", "u-1")
        .containsEntry("service_tier", "default");
    assertThat(Trees.<Map<String, Object>>at(r, "reasoning")).containsEntry("effort", "low").containsEntry("summary", null);
    assertThat(Trees.<Object>at(r, "text", "verbosity")).isEqualTo("low");
    assertThat(Trees.<Object>at(r, "output", 0, "content", 0, "text")).isEqualTo("Hi");
  }

  @Test
  void storesRetrievesAndDeletes() throws Exception {
    Map<String, Object> created = postOk("/v1/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"keep me\"}");
    String id = (String) created.get("id");
    assertThat(getOk("/v1/responses/" + id)).isEqualTo(created);
    Map<String, Object> deleted = ok(delete("/v1/responses/" + id));
    assertThat(deleted).containsEntry("id", id).containsEntry("object", "response.deleted").containsEntry("deleted", true);
    Map<String, Object> e = error(get("/v1/responses/" + id), 404);
    assertThat(e.get("message")).isEqualTo("Response with id '" + id + "' not found.");
    error(delete("/v1/responses/" + id), 404);
  }

  @Test
  void unstoredResponseCannotBeRetrieved() throws Exception {
    Map<String, Object> created = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"store\":false}");
    assertThat(created).containsEntry("store", false);
    error(get("/v1/responses/" + created.get("id")), 404);
  }

  @Test
  void listsInputItemsWithPagination() throws Exception {
    String id = (String) postOk("/v1/responses", """
        {"model":"gpt-4o","input":[{"role":"developer","content":"rules"},{"role":"user","content":"one"},
          {"role":"assistant","content":"two"},{"role":"user","content":"three"}]}""").get("id");
    Map<String, Object> all = getOk("/v1/responses/" + id + "/input_items");
    List<Map<String, Object>> items = Trees.at(all, "data");
    assertThat(items).hasSize(4);
    assertThat(Trees.<Object>at(items, 0, "content", 0, "text")).isEqualTo("three"); // newest first by default
    assertThat(Trees.<Object>at(items, 1, "content", 0, "type")).isEqualTo("output_text");
    assertThat(all).containsEntry("has_more", false).containsEntry("first_id", items.get(0).get("id"))
        .containsEntry("last_id", items.get(3).get("id"));

    Map<String, Object> page1 = getOk("/v1/responses/" + id + "/input_items?order=asc&limit=3");
    List<Map<String, Object>> p1 = Trees.at(page1, "data");
    assertThat(p1).extracting(i -> i.get("role")).containsExactly("developer", "user", "assistant");
    assertThat(page1).containsEntry("has_more", true).containsEntry("last_id", p1.get(2).get("id"));
    Map<String, Object> page2 = getOk("/v1/responses/" + id + "/input_items?order=asc&limit=3&after=" + p1.get(2).get("id"));
    assertThat(Trees.<List<?>>at(page2, "data")).hasSize(1);
    assertThat(page2).containsEntry("has_more", false);
    assertThat(Trees.<Object>at(page2, "data", 0, "content", 0, "text")).isEqualTo("three");
    error(get("/v1/responses/" + id + "/input_items?limit=101"), 400);
  }

  @Test
  void chainsWithPreviousResponseId() throws Exception {
    Map<String, Object> first = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"My name is Ada.\"}");
    Map<String, Object> second = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"What is my name?\","
        + "\"previous_response_id\":\"" + first.get("id") + "\"}");
    assertThat(second).containsEntry("previous_response_id", first.get("id"));
    assertThat(Trees.<Object>at(second, "output", 0, "content", 0, "text")).isEqualTo("What is my name?");
    assertThat((Long) Trees.at(second, "usage", "input_tokens"))
        .isGreaterThan(Trees.<Long>at(first, "usage", "input_tokens") + 5);
    Map<String, Object> items = getOk("/v1/responses/" + second.get("id") + "/input_items");
    assertThat(Trees.<List<?>>at(items, "data")).hasSize(1);

    Map<String, Object> e = error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\","
        + "\"previous_response_id\":\"resp_missing\"}"), 400);
    assertThat(e).containsEntry("param", "previous_response_id").containsEntry("code", "previous_response_not_found");
  }

  @Test
  void requiredToolChoiceYieldsCallWhoseArgumentsFitTheSchema() throws Exception {
    Map<String, Object> r = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"Weather in Paris?\","
        + "\"tool_choice\":\"required\",\"tools\":[" + WEATHER_TOOL + "]}");
    Map<String, Object> call = Trees.at(r, "output", 0);
    assertThat(call).containsOnlyKeys("id", "type", "status", "arguments", "call_id", "name")
        .containsEntry("type", "function_call").containsEntry("name", "get_weather").containsEntry("status", "completed");
    assertThat((String) call.get("id")).startsWith("fc_");
    assertThat((String) call.get("call_id")).matches("call_[A-Za-z0-9]{24}");
    Map<String, Object> args = Trees.object((String) call.get("arguments"));
    assertThat(args).containsOnlyKeys("city", "unit", "days");
    assertThat(args.get("city")).isInstanceOf(String.class);
    assertThat(args.get("unit")).isIn("celsius", "fahrenheit");
    assertThat((Long) args.get("days")).isBetween(1L, 7L);
    Map<String, Object> tool = Trees.at(r, "tools", 0);
    assertThat(tool).containsEntry("type", "function").containsEntry("name", "get_weather").containsEntry("strict", true);
  }

  @Test
  void namedFunctionIsCalledAndToolOutputsAreChecked() throws Exception {
    String other = "{\"type\":\"function\",\"name\":\"noop\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}";
    Map<String, Object> r = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"go\",\"tools\":[" + other + ","
        + WEATHER_TOOL + "],\"tool_choice\":{\"type\":\"function\",\"name\":\"get_weather\"}}");
    Map<String, Object> call = Trees.at(r, "output", 0);
    assertThat(call).containsEntry("name", "get_weather");
    String callId = (String) call.get("call_id");

    Map<String, Object> missing = error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"and?\","
        + "\"previous_response_id\":\"" + r.get("id") + "\"}"), 400);
    assertThat((String) missing.get("message")).isEqualTo("No tool output found for function call " + callId + ".");

    Map<String, Object> done = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"previous_response_id\":\"" + r.get("id")
        + "\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"" + callId + "\",\"output\":\"18C, sunny\"}]}");
    assertThat(Trees.<Object>at(done, "output", 0, "content", 0, "text")).isEqualTo("18C, sunny");

    Map<String, Object> unknown = error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":[{\"type\":"
        + "\"function_call_output\",\"call_id\":\"call_nope\",\"output\":\"x\"}]}"), 400);
    assertThat((String) unknown.get("message")).contains("call_nope");

    Map<String, Object> badName = error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"go\",\"tools\":["
        + WEATHER_TOOL + "],\"tool_choice\":{\"type\":\"function\",\"name\":\"nope\"}}"), 400);
    assertThat(badName).containsEntry("param", "tool_choice");
  }

  @Test
  void jsonSchemaFormatYieldsConformingJson() throws Exception {
    Map<String, Object> r = postOk("/v1/responses", """
        {"model":"gpt-4o","input":"Describe a person",
         "text":{"format":{"type":"json_schema","name":"person","strict":true,"schema":{
           "type":"object","additionalProperties":false,"required":["name","age","email","tags","address","nickname"],
           "properties":{"name":{"type":"string","minLength":3},"age":{"type":"integer","minimum":18},
             "email":{"type":"string","format":"email"},"tags":{"type":"array","items":{"type":"string"},"minItems":2},
             "address":{"$ref":"#/$defs/address"},"nickname":{"anyOf":[{"type":"null"},{"type":"string"}]}},
           "$defs":{"address":{"type":"object","required":["city","zip"],"additionalProperties":false,
             "properties":{"city":{"type":"string"},"zip":{"type":"string","maxLength":5}}}}}}}}""");
    String text = Trees.at(r, "output", 0, "content", 0, "text");
    Map<String, Object> person = Trees.object(text);
    assertThat(person).containsOnlyKeys("name", "age", "email", "tags", "address", "nickname");
    assertThat(((String) person.get("name")).length()).isGreaterThanOrEqualTo(3);
    assertThat((Long) person.get("age")).isGreaterThanOrEqualTo(18L);
    assertThat((String) person.get("email")).contains("@");
    assertThat(Trees.<List<?>>at(person, "tags")).hasSizeGreaterThanOrEqualTo(2).allMatch(t -> t instanceof String);
    assertThat(Trees.<Map<String, Object>>at(person, "address")).containsOnlyKeys("city", "zip");
    assertThat(((String) Trees.at(person, "address", "zip")).length()).isLessThanOrEqualTo(5);
    assertThat(person.get("nickname")).isInstanceOf(String.class);
    assertThat(Trees.<Object>at(r, "text", "format", "name")).isEqualTo("person");
    assertThat(Trees.<Object>at(r, "text", "format", "strict")).isEqualTo(true);
  }

  @Test
  void jsonObjectFormatNeedsTheWordJson() throws Exception {
    Map<String, Object> r = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"Answer in JSON: hi\","
        + "\"text\":{\"format\":{\"type\":\"json_object\"}}}");
    assertThat(Trees.object((String) Trees.at(r, "output", 0, "content", 0, "text")))
        .containsEntry("echo", "Answer in JSON: hi");
    error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"hi\",\"text\":{\"format\":{\"type\":\"json_object\"}}}"),
        400);
  }

  @Test
  void maxOutputTokensMakesTheResponseIncomplete() throws Exception {
    fake.reply(FakeReply.text("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        + "sixteen seventeen eighteen nineteen twenty"));
    Map<String, Object> r = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"count\",\"max_output_tokens\":16}");
    assertThat(r).containsEntry("status", "incomplete")
        .containsEntry("incomplete_details", Map.of("reason", "max_output_tokens"));
    assertThat(Trees.<Object>at(r, "output", 0, "status")).isEqualTo("incomplete");
    assertThat((String) Trees.at(r, "output", 0, "content", 0, "text")).endsWith(" sixteen").doesNotContain("seventeen");
    assertThat(Trees.<Object>at(r, "usage", "output_tokens")).isEqualTo(16L);
    Map<String, Object> e = error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"max_output_tokens\":5}"),
        400);
    assertThat(e).containsEntry("code", "integer_below_min_value").containsEntry("param", "max_output_tokens");
  }

  @Test
  void reasoningSummaryShowsOnlyWhenRequested() throws Exception {
    FakeReply reply = FakeReply.reasoning("The user says hi, so greet back.").plus(FakeReply.text("Hello!"));
    fake.reply(reply, reply);
    Map<String, Object> plain = postOk("/v1/responses", "{\"model\":\"o4-mini\",\"input\":\"hi\"}");
    Map<String, Object> item = Trees.at(plain, "output", 0);
    assertThat(item).containsEntry("type", "reasoning").containsEntry("summary", List.of());
    assertThat((String) item.get("id")).startsWith("rs_");
    assertThat(Trees.<Object>at(plain, "output", 1, "content", 0, "text")).isEqualTo("Hello!");
    assertThat(Trees.<Object>at(plain, "usage", "output_tokens_details", "reasoning_tokens")).isEqualTo(9L);
    assertThat(Trees.<Object>at(plain, "reasoning", "effort")).isEqualTo("medium");

    Map<String, Object> shown = postOk("/v1/responses", "{\"model\":\"o4-mini\",\"input\":\"hi\","
        + "\"reasoning\":{\"summary\":\"auto\"},\"include\":[\"reasoning.encrypted_content\"]}");
    assertThat(Trees.<Object>at(shown, "output", 0, "summary"))
        .isEqualTo(List.of(Map.of("type", "summary_text", "text", "The user says hi, so greet back.")));
    assertThat((String) Trees.at(shown, "output", 0, "encrypted_content")).startsWith("gAAAAA");
  }

  @Test
  void backgroundResponsesProgressAndCancel() throws Exception {
    Map<String, Object> queued = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"slow\",\"background\":true}");
    String id = (String) queued.get("id");
    assertThat(queued).containsEntry("status", "queued").containsEntry("background", true).containsEntry("output", List.of())
        .containsEntry("usage", null);
    assertThat(getOk("/v1/responses/" + id)).containsEntry("status", "in_progress");
    Map<String, Object> done = getOk("/v1/responses/" + id);
    assertThat(done).containsEntry("status", "completed");
    assertThat(Trees.<Object>at(done, "output", 0, "content", 0, "text")).isEqualTo("slow");
    Map<String, Object> cannot = error(post("/v1/responses/" + id + "/cancel", ""), 400);
    assertThat((String) cannot.get("message")).contains("completed");

    String other = (String) postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"background\":true}").get("id");
    assertThat(postOk("/v1/responses/" + other + "/cancel", "")).containsEntry("status", "cancelled");
    assertThat(getOk("/v1/responses/" + other)).containsEntry("status", "cancelled");
    assertThat(postOk("/v1/responses/" + other + "/cancel", "")).containsEntry("status", "cancelled");

    String sync = (String) postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\"}").get("id");
    assertThat((String) error(post("/v1/responses/" + sync + "/cancel", ""), 400).get("message")).contains("background");
    error(post("/v1/responses/resp_nope/cancel", ""), 404);
    error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"background\":true,\"store\":false}"), 400);
  }
}
