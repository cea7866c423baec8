package dev.conduit.testing;

import dev.conduit.testing.internal.ReplyPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A scripted answer of the fake model, for one request that asks for model output (creating a
 * response or a chat completion). A reply is a sequence of parts, rendered in order in the shape each
 * API uses:
 *
 * <table>
 *   <caption>How parts appear</caption>
 *   <tr><th>part</th><th>Responses API</th><th>Chat Completions</th></tr>
 *   <tr><td>{@link #text}, {@link #json}</td><td>{@code output_text} in an assistant message</td><td>{@code content}</td></tr>
 *   <tr><td>{@link #refusal}</td><td>{@code refusal} content in an assistant message</td><td>{@code refusal}</td></tr>
 *   <tr><td>{@link #reasoning}</td><td>a {@code reasoning} item; its summary is shown only when the request asked for
 *     one ({@code reasoning.summary}), exactly like the real API</td><td>not shown; counted as reasoning tokens</td></tr>
 *   <tr><td>{@link #toolCall}</td><td>a {@code function_call} item</td><td>an entry of {@code tool_calls}</td></tr>
 * </table>
 *
 * <p>Streams split every text into token-sized deltas. Usage counts tokens deterministically, and
 * {@code max_output_tokens} / {@code max_completion_tokens} cut the reply short (status
 * {@code incomplete}, finish reason {@code length}) as the real API would.
 *
 * <pre>{@code
 * fake.reply(FakeReply.reasoning("The user greets me.").plus(FakeReply.text("Hello!")));
 * fake.reply(FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FakeReply {
  private final List<ReplyPart> parts;

  private FakeReply(List<ReplyPart> parts) {
    this.parts = List.copyOf(parts);
  }

  /** Returns a reply of visible assistant text. */
  public static FakeReply text(String text) {
    return new FakeReply(List.of(new ReplyPart.Text(Objects.requireNonNull(text, "text == null"))));
  }

  /** Returns a reply of reasoning only; combine it with an answer through {@link #plus}. */
  public static FakeReply reasoning(String reasoning) {
    return new FakeReply(List.of(new ReplyPart.Reasoning(Objects.requireNonNull(reasoning, "reasoning == null"))));
  }

  /** Returns a refusal instead of an answer. */
  public static FakeReply refusal(String refusal) {
    return new FakeReply(List.of(new ReplyPart.Refusal(Objects.requireNonNull(refusal, "refusal == null"))));
  }

  /**
   * Returns a call of the function tool {@code name}.
   *
   * @param argumentsJson the arguments as a JSON text, sent as they are (they are not validated, so a
   *     test can also script malformed arguments)
   */
  public static FakeReply toolCall(String name, String argumentsJson) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(argumentsJson, "argumentsJson == null");
    return new FakeReply(List.of(new ReplyPart.ToolCall(name, argumentsJson)));
  }

  /**
   * Returns structured output. A {@link String} is taken as JSON text and sent as it is; any other
   * value (a record, a map, a list, ...) is encoded with the JSON codec's data binding.
   */
  public static FakeReply json(@Nullable Object value) {
    return new FakeReply(List.of(new ReplyPart.JsonValue(value)));
  }

  /** Returns a reply with the parts of {@code next} after the parts of this one. */
  public FakeReply plus(FakeReply next) {
    Objects.requireNonNull(next, "next == null");
    List<ReplyPart> all = new ArrayList<>(parts);
    all.addAll(next.parts);
    return new FakeReply(all);
  }

  List<ReplyPart> parts() {
    return parts;
  }

  @Override
  public String toString() {
    return "FakeReply" + parts;
  }
}
