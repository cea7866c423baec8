package dev.conduit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the spec's Markdown descriptions into Javadoc comments. */
final class Javadoc {
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final int MAX = 1600;

  private Javadoc() {}

  /** Escapes text for HTML in a Javadoc comment, so it cannot end the comment or start a tag. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '@':
          sb.append("&#64;");
          break;
        case '\\':
          sb.append("&#92;");
          break;
        case '*':
          sb.append(i + 1 < s.length() && s.charAt(i + 1) == '/' ? "&#42;" : "*");
          break;
        case '{':
          sb.append("&#123;");
          break;
        case '}':
          sb.append("&#125;");
          break;
        default:
          if (c < 0x20 && c != '\n') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  /** Converts Markdown to Javadoc HTML: paragraphs, inline code, links; the rest as text. */
  static String html(String markdown) {
    if (markdown == null) {
      return "";
    }
    String md = markdown.strip();
    if (md.length() > MAX) {
      int cut = md.lastIndexOf("\n\n", MAX);
      md = (cut > 200 ? md.substring(0, cut) : md.substring(0, MAX)) + " …";
    }
    List<String> paragraphs = new ArrayList<>();
    for (String para : md.split("\\n\\s*\\n")) {
      String p = para.strip();
      if (!p.isEmpty()) {
        paragraphs.add(inline(p));
      }
    }
    return String.join("\n\n<p>", paragraphs);
  }

  private static String inline(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = CODE.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(links(text.substring(last, m.start())));
      out.append("<code>").append(escape(m.group(1))).append("</code>");
      last = m.end();
    }
    out.append(links(text.substring(last)));
    return out.toString();
  }

  private static String links(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = LINK.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(escape(text.substring(last, m.start())));
      String href = m.group(2);
      if (href.startsWith("/")) {
        href = "https://platform.openai.com" + href;
      }
      if (href.startsWith("http")) {
        out.append("<a href=\"").append(escape(href).replace("\"", "%22")).append("\">").append(escape(m.group(1))).append("</a>");
      } else {
        out.append(escape(m.group(1)));
      }
      last = m.end();
    }
    out.append(escape(text.substring(last)));
    return out.toString();
  }

  /** Appends a Javadoc comment at {@code indent} holding {@code html} and extra block lines. */
  static void comment(StringBuilder sb, String indent, String html, String... blockTags) {
    List<String> lines = new ArrayList<>();
    if (html != null && !html.isEmpty()) {
      for (String l : html.split("\n")) {
        lines.add(l.stripTrailing());
      }
    }
    boolean tags = false;
    for (String t : blockTags) {
      if (t != null) {
        if (!tags && !lines.isEmpty()) {
          lines.add("");
        }
        tags = true;
        lines.add(t);
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    if (lines.size() == 1 && lines.get(0).length() + indent.length() < 100) {
      sb.append(indent).append("/** ").append(lines.get(0)).append(" */\n");
      return;
    }
    sb.append(indent).append("/**\n");
    for (String l : lines) {
      sb.append(indent).append(" *").append(l.isEmpty() ? "" : " " + l).append('\n');
    }
    sb.append(indent).append(" */\n");
  }

  /** The first sentence of a description, as Javadoc HTML. */
  static String summary(String markdown) {
    if (markdown == null) {
      return "";
    }
    String first = markdown.strip().split("\\n\\s*\\n")[0];
    return html(first);
  }
}
