package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.support.Trees;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/responses/input_tokens} (a count is the {@code usage.input_tokens} of the create that
 * follows) and {@code POST /v1/responses/compact} (its output, sent back as input, stands for the
 * conversation it compacted).
 */
public abstract class CompactionAndInputTokensContract extends FakeContract {
  private static final String COUNT = "/v1/responses/input_tokens";
  private static final String COMPACT = "/v1/responses/compact";

  private long count(String fields) throws Exception {
    Map<String, Object> c = postOk(COUNT, "{" + fields + "}");
    assertThat(c).containsOnlyKeys("object", "input_tokens").containsEntry("object", "response.input_tokens");
    return (Long) c.get("input_tokens");
  }

  private Map<String, Object> create(String fields) throws Exception {
    return postOk("/v1/responses", "{\"model\":\"gpt-4o\"," + fields + "}");
  }

  private static long usageIn(Map<String, Object> response) {
    return Trees.at(response, "usage", "input_tokens");
  }

  /** Asserts that the count of {@code fields} is what a create with them reports, and returns that create. */
  private Map<String, Object> countThenCreate(String fields) throws Exception {
    long counted = count("\"model\":\"gpt-4o\"," + fields);
    Map<String, Object> created = create(fields);
    assertThat(usageIn(created)).as("usage.input_tokens of a create with %s", fields).isEqualTo(counted);
    return created;
  }

  @Test
  void countIsTheUsageOfTheCreateThatFollows() throws Exception {
    assertThat(count("\"model\":\"gpt-5\",\"input\":\"Tell me a joke.\"")).isEqualTo(12L); // 5 tokens, 4 per turn, 3
    assertThat(count("\"input\":\"Tell me a joke.\"")).as("the model is optional").isEqualTo(12L);
    Map<String, Object> first = countThenCreate("\"input\":\"My name is Ada.\",\"instructions\":\"Be brief.\"");
    countThenCreate("\"input\":[{\"role\":\"developer\",\"content\":\"rules\"},{\"role\":\"user\",\"content\":"
        + "[{\"type\":\"input_text\",\"text\":\"Weather in Paris?\"}]}],\"tools\":[" + ResponsesContract.WEATHER_TOOL
        + "],\"tool_choice\":\"auto\"");
    long alone = count("\"input\":\"What is my name?\"");
    Map<String, Object> second = countThenCreate("\"input\":\"What is my name?\",\"previous_response_id\":\""
        + first.get("id") + "\"");
    // the instructions are not carried over; the first message and its echo are: 5 tokens and 4 per turn each
    assertThat(usageIn(second)).isEqualTo(alone + 18);

    Map<String, Object> call = create("\"input\":\"Weather?\",\"tool_choice\":\"required\",\"tools\":["
        + ResponsesContract.WEATHER_TOOL + "]");
    String callId = Trees.at(call, "output", 0, "call_id");
    assertThat(error(post(COUNT, "{\"previous_response_id\":\"" + call.get("id") + "\",\"input\":\"and?\"}"), 400)
        .get("message")).as("a pending call needs its output, as in a create")
        .isEqualTo("No tool output found for function call " + callId + ".");
    countThenCreate("\"previous_response_id\":\"" + call.get("id") + "\",\"input\":[{\"type\":\"function_call_output\","
        + "\"call_id\":\"" + callId + "\",\"output\":\"18C\"}]");

    String conv = (String) postOk("/v1/conversations", "{\"items\":[{\"role\":\"user\",\"content\":\"The code is 7.\"}]}")
        .get("id");
    countThenCreate("\"conversation\":\"" + conv + "\",\"input\":\"And the code?\"");
    countThenCreate("\"conversation\":{\"id\":\"" + conv + "\"},\"input\":\"Once more.\"");
  }

  /** Asserts that {@code body} posted to {@code path} is a 400 naming {@code param} with {@code code}. */
  private void rejects(String path, String body, String param, String code) throws Exception {
    assertThat(error(post(path, body), 400)).as("%s %s", path, body).containsEntry("param", param)
        .containsEntry("code", code);
  }

  @Test
  void countValidatesLikeCreate() throws Exception {
    rejects(COUNT, "{\"model\":\"gpt-nope\",\"input\":\"x\"}", "model", "model_not_found");
    rejects(COUNT, "{\"input\":\"x\",\"temperature\":0.2}", "temperature", "unknown_parameter");
    rejects(COUNT, "{\"input\":7}", "input", "invalid_type");
    rejects(COUNT, "{\"input\":\"x\",\"truncation\":\"sometimes\"}", "truncation", "invalid_value");
    rejects(COUNT, "{\"input\":\"x\",\"previous_response_id\":\"resp_missing\"}", "previous_response_id",
        "previous_response_not_found");
    rejects(COUNT, "{\"input\":\"x\",\"previous_response_id\":\"resp_1\",\"conversation\":\"conv_1\"}", null,
        "mutually_exclusive_parameters");
    rejects(COUNT, "{\"input\":\"x\",\"personality\":\"" + "p".repeat(65) + "\"}", "personality",
        "string_above_max_length");
    rejects(COUNT, "{\"input\":\"x\",\"tool_choice\":\"required\"}", "tool_choice", null);
    assertThat(error(post(COUNT, "{\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"call_nope\","
        + "\"output\":\"x\"}]}"), 400).get("message")).isEqualTo("No tool call found for function call output with call_id "
        + "call_nope.");
    error(post(COUNT, "{\"input\":\"x\",\"conversation\":\"conv_missing\"}"), 404);
  }

  @Test
  void compactKeepsTheUserMessagesAndSealsTheConversation() throws Exception {
    Map<String, Object> first = create("\"input\":\"My name is Ada.\"");
    String fields = "\"model\":\"gpt-5\",\"previous_response_id\":\"" + first.get("id") + "\",\"input\":[{\"role\":"
        + "\"assistant\",\"content\":\"Noted.\"},{\"role\":\"user\",\"content\":\"I live in Paris.\"}]";
    Map<String, Object> compacted = postOk(COMPACT, "{" + fields + ",\"instructions\":\"Keep the facts.\"}");

    assertThat(compacted).containsOnlyKeys("id", "object", "created_at", "output", "usage")
        .containsEntry("object", "response.compaction");
    assertThat((String) compacted.get("id")).matches("resp_[0-9a-f]{50}");
    assertThat((Long) compacted.get("created_at")).isGreaterThanOrEqualTo((Long) first.get("created_at"));
    List<Map<String, Object>> output = Trees.at(compacted, "output");
    assertThat(output).extracting(i -> i.get("type")).containsExactly("message", "message", "compaction");
    assertThat(output.get(0)).isEqualTo(Trees.at(getOk("/v1/responses/" + first.get("id") + "/input_items"), "data", 0));
    assertThat(output.get(1)).containsEntry("role", "user").containsEntry("status", "completed");
    assertThat(Trees.<Object>at(output.get(1), "content", 0, "text")).isEqualTo("I live in Paris.");
    Map<String, Object> item = output.get(2);
    assertThat(item).containsOnlyKeys("id", "type", "encrypted_content");
    assertThat((String) item.get("id")).matches("cmp_[0-9a-f]{50}");

    // the content seals every item compacted, in order: the first answer and the assistant message too
    String token = (String) item.get("encrypted_content");
    assertThat(token).startsWith("gAAAAAB");
    byte[] raw = Base64.getUrlDecoder().decode(token.substring(7));
    Map<String, Object> sealed = Trees.object(new String(Arrays.copyOfRange(raw, 16, raw.length), StandardCharsets.UTF_8));
    assertThat(Trees.<List<Map<String, Object>>>at(sealed, "items")).extracting(i -> Trees.<Object>at(i, "content", 0, "text"))
        .containsExactly("My name is Ada.", "My name is Ada.", "Noted.", "I live in Paris.");

    Map<String, Object> usage = Trees.at(compacted, "usage");
    assertThat(usage.get("input_tokens")).as("the compaction pass reads the context and its instructions")
        .isEqualTo(count(fields + ",\"instructions\":\"Keep the facts.\""));
    // what it seals beyond the kept user messages: the echo "My name is Ada." (5 tokens) and "Noted." (2)
    assertThat(usage.get("output_tokens")).isEqualTo(7L);
    assertThat(usage.get("total_tokens")).isEqualTo((Long) usage.get("input_tokens") + 7L);
    assertThat(Trees.<Object>at(usage, "output_tokens_details", "reasoning_tokens")).isEqualTo(0L);
    error(get("/v1/responses/" + compacted.get("id")), 404);
  }

  @Test
  void compactedOutputSentBackStandsForTheConversation() throws Exception {
    Map<String, Object> call = create("\"input\":\"Weather in Paris?\",\"tool_choice\":\"required\",\"tools\":["
        + ResponsesContract.WEATHER_TOOL + "]");
    String callId = Trees.at(call, "output", 0, "call_id");
    String answer = "[{\"type\":\"function_call_output\",\"call_id\":\"" + callId + "\",\"output\":\"18C, sunny\"}]";
    Map<String, Object> compacted = postOk(COMPACT, "{\"model\":\"gpt-4o\",\"previous_response_id\":\"" + call.get("id")
        + "\"}");
    List<Object> kept = Trees.at(compacted, "output");
    assertThat(kept).hasSize(2); // the user message and the compaction item; the call is sealed
    String input = "\"input\":[" + String.join(",", new String(Trees.write(kept.get(0)), StandardCharsets.UTF_8),
        new String(Trees.write(kept.get(1)), StandardCharsets.UTF_8)) + "," + answer.substring(1);

    // the sealed call is there to be answered, and the tokens are those of the whole conversation
    Map<String, Object> resumed = countThenCreate(input);
    assertThat(Trees.<Object>at(resumed, "output", 0, "content", 0, "text")).isEqualTo("18C, sunny");
    Map<String, Object> chained = create("\"previous_response_id\":\"" + call.get("id") + "\",\"input\":" + answer);
    assertThat(usageIn(resumed)).isEqualTo(usageIn(chained));
    // input items list the compaction item as it was sent
    List<Map<String, Object>> items = Trees.at(getOk("/v1/responses/" + resumed.get("id") + "/input_items?order=asc"), "data");
    assertThat(items).extracting(i -> i.get("type")).containsExactly("message", "compaction", "function_call_output");
    assertThat(items.get(1)).isEqualTo(Trees.at(compacted, "output", 1));
    // a response chained on it, and a new compaction of that chain, still read the sealed call
    countThenCreate("\"previous_response_id\":\"" + resumed.get("id") + "\",\"input\":\"Thanks!\"");
    Map<String, Object> again = postOk(COMPACT, "{\"model\":\"gpt-4o\",\"previous_response_id\":\"" + resumed.get("id")
        + "\"}");
    assertThat(Trees.<List<?>>at(again, "output")).hasSize(2);
    assertThat(Trees.<Object>at(again, "usage", "input_tokens"))
        .isEqualTo(count("\"previous_response_id\":\"" + resumed.get("id") + "\""));
  }

  @Test
  void garbledEncryptedContentIsRefused() throws Exception {
    Map<String, Object> compacted = postOk(COMPACT, "{\"model\":\"gpt-4o\",\"input\":\"Remember 42.\"}");
    String token = Trees.at(compacted, "output", 1, "encrypted_content");
    char[] chars = token.toCharArray();
    int middle = chars.length / 2;
    chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
    String garbled = new String(chars);
    // well-formed, but its JSON changed under the same digest
    byte[] raw = Base64.getUrlDecoder().decode(token.substring(7));
    String json = new String(Arrays.copyOfRange(raw, 16, raw.length), StandardCharsets.UTF_8);
    byte[] changed = json.replace("Remember 42.", "Remember 43.").getBytes(StandardCharsets.UTF_8);
    assertThat(changed).hasSize(raw.length - 16).isNotEqualTo(json.getBytes(StandardCharsets.UTF_8));
    System.arraycopy(changed, 0, raw, 16, changed.length);
    String altered = "gAAAAAB" + Base64.getUrlEncoder().encodeToString(raw);
    for (String bad : List.of(garbled, altered, "encrypted-summary", "gAAAAAB!!not-base64!!", "gAAAAABAAAA")) {
      String item = "{\"type\":\"compaction\",\"id\":\"cmp_1\",\"encrypted_content\":\"" + bad + "\"}";
      for (String path : List.of("/v1/responses", COUNT, COMPACT)) {
        Map<String, Object> e = error(post(path, "{\"model\":\"gpt-4o\",\"input\":[" + item + "]}"), 400);
        assertThat(e).as("%s with %s", path, bad).containsEntry("type", "invalid_request_error")
            .containsEntry("code", "invalid_encrypted_content").containsEntry("param", null);
        String shown = bad.length() <= 8 ? bad : bad.substring(0, 4) + "..." + bad.substring(bad.length() - 4);
        assertThat(e.get("message")).isEqualTo("The encrypted content " + shown + " could not be verified.");
      }
    }
    rejects("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":\"x\"},"
        + "{\"type\":\"compaction\"}]}", "input[1].encrypted_content", "missing_required_parameter");
    rejects(COUNT, "{\"input\":[{\"type\":\"compaction\",\"encrypted_content\":5}]}", "input[0].encrypted_content",
        "invalid_type");
  }

  @Test
  void compactValidates() throws Exception {
    rejects(COMPACT, "{\"input\":\"x\"}", "model", "missing_required_parameter");
    rejects(COMPACT, "{\"model\":\"gpt-4o\"}", "input", "missing_required_parameter");
    rejects(COMPACT, "{\"model\":\"gpt-nope\",\"input\":\"x\"}", "model", "model_not_found");
    rejects(COMPACT, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"conversation\":\"conv_1\"}", "conversation",
        "unknown_parameter");
    rejects(COMPACT, "{\"model\":\"gpt-4o\",\"previous_response_id\":\"resp_missing\"}", "previous_response_id",
        "previous_response_not_found");
    rejects(COMPACT, "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"robot\",\"content\":\"x\"}]}", "input[0].role",
        "invalid_value");
    rejects(COMPACT, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"service_tier\":1}", "service_tier", "invalid_type");
    postOk(COMPACT, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"prompt_cache_key\":\"k\",\"prompt_cache_retention\":\"24h\","
        + "\"service_tier\":\"flex\",\"prompt_cache_options\":{\"mode\":\"explicit\"}}");
  }
}
