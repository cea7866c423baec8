package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a tokenizer: a token is a run of letters and digits with the
 * whitespace before it, or one other character with the whitespace before it. Joining the tokens of
 * a text gives the text back exactly, and a character outside the BMP is never split.
 */
public final class Tokens {
  private static final Pattern TOKEN = Pattern.compile("\\s*[\\p{L}\\p{N}_]+|\\s*[^\\s\\p{L}\\p{N}_]|\\s+");

  private Tokens() {}

  /** Splits {@code text} into tokens (empty list for an empty text). */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Returns the number of tokens in {@code text}. */
  public static int count(String text) {
    int n = 0;
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Returns the first {@code max} tokens of {@code text} joined. */
  public static String prefix(String text, int max) {
    StringBuilder sb = new StringBuilder();
    Matcher m = TOKEN.matcher(text);
    int n = 0;
    while (n < max && m.find()) {
      sb.append(m.group());
      n++;
    }
    return sb.toString();
  }
}
