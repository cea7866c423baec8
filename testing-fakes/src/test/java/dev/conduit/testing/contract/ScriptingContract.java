package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.testing.FakeReply;
import dev.conduit.testing.support.Trees;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scripted replies: queue, standing rules, every part kind, in both APIs. */
public abstract class ScriptingContract extends FakeContract {
  /** A user type encoded by the codec's data binding. */
  public record Verdict(String label, double score, List<String> reasons) {}

  private String responseText(String input) throws Exception {
    return Trees.at(postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"" + input + "\"}"), "output", 0, "content", 0,
        "text");
  }

  @Test
  void queuedRepliesAreUsedInOrderThenTheModelEchoes() throws Exception {
    fake.reply(FakeReply.text("first"), FakeReply.text("second"));
    assertThat(responseText("a")).isEqualTo("first");
    getOk("/v1/models"); // not a model request: consumes nothing
    assertThat(Trees.<Object>at(postOk("/v1/chat/completions",
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"b\"}]}"), "choices", 0, "message", "content"))
        .isEqualTo("second");
    assertThat(responseText("c")).isEqualTo("c");
  }

  @Test
  void standingRepliesMatchRequestsAndComeBeforeTheQueue() throws Exception {
    fake.replyWhen(r -> "weather".equals(r.bodyJson().get("input")), FakeReply.text("sunny"));
    fake.reply(FakeReply.text("queued"));
    assertThat(responseText("weather")).isEqualTo("sunny");
    assertThat(responseText("weather")).isEqualTo("sunny");
    assertThat(responseText("other")).isEqualTo("queued");
    assertThat(responseText("other")).isEqualTo("other");
  }

  @Test
  void jsonRepliesEncodeUserTypesAndTakeStringsAsJson() throws Exception {
    fake.reply(FakeReply.json(new Verdict("spam", 0.93, List.of("link", "caps"))), FakeReply.json("{\"raw\":true}"));
    Map<String, Object> verdict = Trees.object(responseText("classify"));
    assertThat(verdict).containsEntry("label", "spam").containsEntry("score", 0.93)
        .containsEntry("reasons", List.of("link", "caps"));
    assertThat(responseText("again")).isEqualTo("{\"raw\":true}");
  }

  @Test
  void scriptedToolCallsInBothApis() throws Exception {
    FakeReply calls = FakeReply.toolCall("search", "{\"q\":\"fakes\"}").plus(FakeReply.toolCall("open", "{\"id\":1}"));
    fake.reply(calls, calls);
    Map<String, Object> r = postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"go\"}");
    assertThat(Trees.<List<Map<String, Object>>>at(r, "output")).extracting(o -> o.get("name"))
        .containsExactly("search", "open");
    assertThat(Trees.<Object>at(r, "output", 1, "arguments")).isEqualTo("{\"id\":1}");
    Map<String, Object> c = postOk("/v1/chat/completions",
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}");
    List<Map<String, Object>> toolCalls = Trees.at(c, "choices", 0, "message", "tool_calls");
    assertThat(toolCalls).extracting(t -> Trees.<Object>at(t, "function", "name")).containsExactly("search", "open");
    assertThat(Trees.<Object>at(c, "choices", 0, "finish_reason")).isEqualTo("tool_calls");
  }

  @Test
  void textWithRefusalInOneMessage() throws Exception {
    fake.reply(FakeReply.text("Partly: ").plus(FakeReply.refusal("no more.")));
    List<Map<String, Object>> content = Trees.at(postOk("/v1/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\"}"),
        "output", 0, "content");
    assertThat(content).hasSize(2);
    assertThat(content.get(1)).isEqualTo(Map.of("type", "refusal", "refusal", "no more."));
  }
}
