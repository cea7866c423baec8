package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.support.Trees;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Conversations and their items, and responses created within a conversation. */
public abstract class ConversationsContract extends FakeContract {
  private static List<Object> texts(Map<String, Object> page) {
    return Trees.<List<Map<String, Object>>>at(page, "data").stream()
        .map(i -> Trees.<Object>at(i, "content", 0, "text")).collect(Collectors.toList());
  }

  private static List<Object> ids(Map<String, Object> page) {
    return Trees.<List<Map<String, Object>>>at(page, "data").stream().map(i -> i.get("id")).collect(Collectors.toList());
  }

  @Test
  void createsRetrievesUpdatesAndDeletes() throws Exception {
    Map<String, Object> c = postOk("/v1/conversations", "{\"metadata\":{\"topic\":\"demo\"},\"items\":["
        + "{\"type\":\"message\",\"role\":\"user\",\"content\":\"Hello!\"}]}");
    String id = (String) c.get("id");
    assertThat(id).matches("conv_[0-9a-f]{48}");
    assertThat(c).containsOnlyKeys("id", "object", "created_at", "metadata").containsEntry("object", "conversation")
        .containsEntry("metadata", Map.of("topic", "demo"));
    assertThat(getOk("/v1/conversations/" + id)).isEqualTo(c);
    Map<String, Object> updated = postOk("/v1/conversations/" + id, "{\"metadata\":{\"topic\":\"other\",\"n\":\"2\"}}");
    assertThat(updated).containsEntry("metadata", Map.of("topic", "other", "n", "2")).containsEntry("id", id)
        .containsEntry("created_at", c.get("created_at"));
    assertThat(getOk("/v1/conversations/" + id)).isEqualTo(updated);
    String empty = (String) postOk("/v1/conversations", "").get("id");
    assertThat(getOk("/v1/conversations/" + empty)).containsEntry("metadata", Map.of());
    assertThat(Trees.<List<?>>at(getOk("/v1/conversations/" + empty + "/items"), "data")).isEmpty();
    assertThat(error(post("/v1/conversations/" + empty, "{}"), 400)).containsEntry("param", "metadata")
        .containsEntry("code", "missing_required_parameter");

    assertThat(ok(delete("/v1/conversations/" + id))).containsEntry("id", id)
        .containsEntry("object", "conversation.deleted").containsEntry("deleted", true);
    assertThat(error(get("/v1/conversations/" + id), 404).get("message"))
        .isEqualTo("Conversation with id '" + id + "' not found.");
    error(get("/v1/conversations/" + id + "/items"), 404);
    assertThat(error(post("/v1/conversations/conv_nope", "{\"metadata\":{}}"), 404)).containsEntry("param", null);
  }

  @Test
  void itemsAreAddedListedWithPaginationRetrievedAndDeleted() throws Exception {
    String id = (String) postOk("/v1/conversations", "{\"items\":[{\"role\":\"developer\",\"content\":\"rules\"},"
        + "{\"role\":\"user\",\"content\":\"one\"}]}").get("id");
    Map<String, Object> added = postOk("/v1/conversations/" + id + "/items", "{\"items\":["
        + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"two\"},"
        + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"three\"}]}]}");
    assertThat(added).containsEntry("object", "list").containsEntry("has_more", false);
    assertThat(texts(added)).containsExactly("two", "three");
    assertThat(added).containsEntry("first_id", ids(added).get(0)).containsEntry("last_id", ids(added).get(1));
    Map<String, Object> two = Trees.at(added, "data", 0);
    assertThat(two).containsEntry("type", "message").containsEntry("role", "assistant").containsEntry("status", "completed");
    assertThat((String) two.get("id")).startsWith("msg_");
    assertThat(Trees.<Object>at(two, "content", 0, "type")).isEqualTo("output_text");

    String base = "/v1/conversations/" + id + "/items";
    Map<String, Object> all = getOk(base);
    assertThat(texts(all)).containsExactly("three", "two", "one", "rules"); // newest first by default
    Map<String, Object> page1 = getOk(base + "?order=asc&limit=3");
    assertThat(texts(page1)).containsExactly("rules", "one", "two");
    assertThat(page1).containsEntry("has_more", true).containsEntry("last_id", ids(page1).get(2));
    Map<String, Object> page2 = getOk(base + "?order=asc&limit=3&after=" + ids(page1).get(2));
    assertThat(texts(page2)).containsExactly("three");
    assertThat(page2).containsEntry("has_more", false);
    getOk(base + "?include=message.output_text.logprobs");
    assertThat(error(get(base + "?include=everything"), 400)).containsEntry("param", "include");

    Object oneId = ids(page1).get(1);
    assertThat(getOk(base + "/" + oneId)).containsEntry("id", oneId).containsEntry("role", "user");
    Map<String, Object> after = ok(delete(base + "/" + oneId));
    assertThat(after).containsEntry("id", id).containsEntry("object", "conversation");
    assertThat(error(get(base + "/" + oneId), 404).get("message")).isEqualTo("Item with id '" + oneId + "' not found.");
    assertThat(texts(getOk(base + "?order=asc"))).containsExactly("rules", "two", "three");

    StringBuilder many = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"m").append(i).append("\"}");
    }
    assertThat(error(post(base, many.append("]}").toString()), 400)).containsEntry("param", "items")
        .containsEntry("code", "array_above_max_length");
    assertThat(error(post(base, "{\"items\":[{\"role\":\"robot\",\"content\":\"x\"}]}"), 400))
        .containsEntry("param", "items[0].role");
    assertThat(texts(getOk(base))).hasSize(3); // failed requests add nothing
  }

  @Test
  void responseWithConversationReadsItsItemsAndAppendsInputAndOutput() throws Exception {
    String id = (String) postOk("/v1/conversations", "{\"items\":[{\"role\":\"user\","
        + "\"content\":\"Remember: the code word is tangerine.\"}]}").get("id");
    // No input: the fake's model echoes the last user message it sees, which only the conversation holds.
    Map<String, Object> first = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"conversation\":\"" + id + "\"}");
    assertThat(first).containsEntry("conversation", Map.of("id", id));
    assertThat(Trees.<Object>at(first, "output", 0, "content", 0, "text")).isEqualTo("Remember: the code word is tangerine.");

    Map<String, Object> second = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"conversation\":{\"id\":\"" + id + "\"},"
        + "\"input\":\"What is the code word?\",\"store\":false}");
    assertThat(second).containsEntry("conversation", Map.of("id", id));
    Map<String, Object> alone = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"What is the code word?\"}");
    assertThat((Long) Trees.at(second, "usage", "input_tokens"))
        .isGreaterThan(Trees.<Long>at(alone, "usage", "input_tokens") + 10); // the earlier turns were read

    Map<String, Object> items = getOk("/v1/conversations/" + id + "/items?order=asc");
    List<Map<String, Object>> data = Trees.at(items, "data");
    assertThat(data).extracting(i -> i.get("role")).containsExactly("user", "assistant", "user", "assistant");
    assertThat(texts(items)).containsExactly("Remember: the code word is tangerine.", "Remember: the code word is tangerine.",
        "What is the code word?", "What is the code word?");
    assertThat(data.get(1).get("id")).isEqualTo(Trees.at(first, "output", 0, "id"));
    assertThat(data.get(3).get("id")).isEqualTo(Trees.at(second, "output", 0, "id"));
    Map<String, Object> inputItems = getOk("/v1/responses/" + first.get("id") + "/input_items");
    assertThat(Trees.<List<?>>at(inputItems, "data")).isEmpty(); // the conversation's items are context, not input

    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"conversation\":\"conv_nope\"}"), 404))
        .containsEntry("param", "conversation").containsEntry("message", "Conversation with id 'conv_nope' not found.");
    assertThat(error(post("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\",\"conversation\":\"" + id + "\","
        + "\"previous_response_id\":\"" + first.get("id") + "\"}"), 400))
        .containsEntry("code", "mutually_exclusive_parameters");
    assertThat(Trees.<List<?>>at(getOk("/v1/conversations/" + id + "/items"), "data")).hasSize(4);
  }
}
