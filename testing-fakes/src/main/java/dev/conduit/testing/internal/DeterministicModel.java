package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fake's model. In order of precedence it answers with: the scripted reply; a call of a function
 * tool when the request leaves no other choice ({@code tool_choice} {@code required} or a named
 * function), with arguments sampled from the tool's parameter schema; JSON conforming to the
 * requested {@code json_schema} format; for the {@code json_object} format, {@code {"echo": text}};
 * otherwise the text of the last user message (or of the last tool output) echoed back.
 */
public final class DeterministicModel {
  private DeterministicModel() {}

  /** One turn of the conversation; {@code role} is user, assistant, system, developer or tool. */
  public record Turn(String role, String text) {}

  /** A function tool the model may call. */
  public record Tool(String name, @Nullable Map<String, @Nullable Object> parameters) {}

  /**
   * How the model must pick tools: {@code none}, {@code auto}, {@code required} or {@code named}
   * (then {@code name}); {@code allowed} restricts the candidates when not null.
   */
  public record ToolChoice(String mode, @Nullable String name, @Nullable List<String> allowed) {
    public static final ToolChoice AUTO = new ToolChoice("auto", null, null);
  }

  /** The requested output format: {@code text}, {@code json_object} or {@code json_schema} (with its schema). */
  public record Format(String type, @Nullable Map<String, @Nullable Object> schema) {
    public static final Format TEXT = new Format("text", null);
  }

  /** Everything the model sees. */
  public record Prompt(List<Turn> turns, List<Tool> tools, ToolChoice toolChoice, Format format,
      @Nullable List<ReplyPart> scripted) {}

  /** An answer cut to a token budget. */
  public record Limited(List<ReplyPart> parts, boolean truncated) {}

  /** Returns the answer to {@code prompt}; never contains {@link ReplyPart.JsonValue}. */
  public static List<ReplyPart> answer(Prompt prompt, Codec codec) {
    if (prompt.scripted() != null) {
      List<ReplyPart> out = new ArrayList<>();
      for (ReplyPart p : prompt.scripted()) {
        if (p instanceof ReplyPart.JsonValue) {
          Object v = ((ReplyPart.JsonValue) p).value();
          out.add(new ReplyPart.Text(v instanceof String ? (String) v : codec.encodeUser(v)));
        } else {
          out.add(p);
        }
      }
      return out;
    }
    Tool forced = forcedTool(prompt);
    if (forced != null) {
      return List.of(new ReplyPart.ToolCall(forced.name(), codec.writeString(SchemaSampler.sample(forced.parameters()))));
    }
    Format format = prompt.format();
    if (format.type().equals("json_schema")) {
      return List.of(new ReplyPart.Text(codec.writeString(SchemaSampler.sample(format.schema()))));
    }
    String echo = echo(prompt.turns());
    if (format.type().equals("json_object")) {
      return List.of(new ReplyPart.Text(codec.writeString(Json.obj("echo", echo))));
    }
    return List.of(new ReplyPart.Text(echo));
  }

  /** Returns the tool the request forces the model to call, or null if it may answer with text. */
  public static @Nullable Tool forcedTool(Prompt prompt) {
    ToolChoice choice = prompt.toolChoice();
    List<Tool> candidates = new ArrayList<>();
    for (Tool t : prompt.tools()) {
      if (choice.allowed() == null || choice.allowed().contains(t.name())) {
        candidates.add(t);
      }
    }
    if (choice.mode().equals("named")) {
      for (Tool t : prompt.tools()) {
        if (t.name().equals(choice.name())) {
          return t;
        }
      }
      return null;
    }
    if (choice.mode().equals("required") && !candidates.isEmpty()) {
      return candidates.get(0);
    }
    return null;
  }

  /** Returns the text the model echoes: the last user message, or a tool output that came after it. */
  public static String echo(List<Turn> turns) {
    for (int i = turns.size() - 1; i >= 0; i--) {
      Turn t = turns.get(i);
      if (t.role().equals("user") || t.role().equals("tool")) {
        return t.text();
      }
    }
    return "";
  }

  /** Returns true if any turn contains {@code word}, ignoring case (the json_object format requires "json"). */
  public static boolean mentions(List<Turn> turns, String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    for (Turn t : turns) {
      if (t.text().toLowerCase(java.util.Locale.ROOT).contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Cuts {@code parts} to {@code maxTokens} output tokens (null: no limit). */
  public static Limited limit(List<ReplyPart> parts, @Nullable Long maxTokens) {
    if (maxTokens == null) {
      return new Limited(parts, false);
    }
    long budget = maxTokens;
    List<ReplyPart> out = new ArrayList<>();
    for (ReplyPart p : parts) {
      int n = tokens(p);
      if (n <= budget) {
        out.add(p);
        budget -= n;
        continue;
      }
      int keep = (int) budget;
      if (p instanceof ReplyPart.Text) {
        out.add(new ReplyPart.Text(Tokens.prefix(((ReplyPart.Text) p).text(), keep)));
      } else if (p instanceof ReplyPart.Reasoning) {
        out.add(new ReplyPart.Reasoning(Tokens.prefix(((ReplyPart.Reasoning) p).text(), keep)));
      } else if (p instanceof ReplyPart.Refusal) {
        out.add(new ReplyPart.Refusal(Tokens.prefix(((ReplyPart.Refusal) p).text(), keep)));
      } else if (p instanceof ReplyPart.ToolCall) {
        ReplyPart.ToolCall c = (ReplyPart.ToolCall) p;
        out.add(new ReplyPart.ToolCall(c.name(), Tokens.prefix(c.arguments(), Math.max(0, keep - Tokens.count(c.name())))));
      }
      return new Limited(out, true);
    }
    return new Limited(out, false);
  }

  /** Returns the output tokens a part costs. */
  public static int tokens(ReplyPart p) {
    if (p instanceof ReplyPart.Text) {
      return Tokens.count(((ReplyPart.Text) p).text());
    }
    if (p instanceof ReplyPart.Reasoning) {
      return Tokens.count(((ReplyPart.Reasoning) p).text());
    }
    if (p instanceof ReplyPart.Refusal) {
      return Tokens.count(((ReplyPart.Refusal) p).text());
    }
    if (p instanceof ReplyPart.ToolCall) {
      ReplyPart.ToolCall c = (ReplyPart.ToolCall) p;
      return Tokens.count(c.name()) + Tokens.count(c.arguments());
    }
    return 0;
  }

  /** Returns the reasoning tokens among {@code parts}. */
  public static int reasoningTokens(List<ReplyPart> parts) {
    int n = 0;
    for (ReplyPart p : parts) {
      if (p instanceof ReplyPart.Reasoning) {
        n += tokens(p);
      }
    }
    return n;
  }

  /** Returns the output tokens of {@code parts}. */
  public static int outputTokens(List<ReplyPart> parts) {
    int n = 0;
    for (ReplyPart p : parts) {
      n += tokens(p);
    }
    return n;
  }

  /** Returns the input tokens of a prompt: its turns plus a small per-message overhead, plus the tools. */
  public static int inputTokens(Prompt prompt, @Nullable String toolsJson) {
    return inputTokens(prompt.turns(), toolsJson);
  }

  /** Returns the input tokens of {@code turns} plus a small per-message overhead, plus the tools (JSON, or null). */
  public static int inputTokens(List<Turn> turns, @Nullable String toolsJson) {
    int n = 0;
    for (Turn t : turns) {
      n += Tokens.count(t.text()) + 4;
    }
    if (toolsJson != null) {
      n += Tokens.count(toolsJson);
    }
    return n + 3;
  }
}
