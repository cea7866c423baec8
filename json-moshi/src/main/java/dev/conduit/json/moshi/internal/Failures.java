package dev.conduit.json.moshi.internal;

import com.squareup.moshi.JsonReader;
import dev.conduit.json.CodecException;
import java.io.IOException;
import java.util.Locale;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Builds the {@link CodecException}s of this codec, with the JSON path and a bounded input snippet. */
final class Failures {
  private static final int MAX_PATH = 160;
  private static final int MAX_SNIPPET = 40;
  private static final String LENIENT_ADVICE = "Use JsonReader.setLenient(true)";

  private Failures() {}

  static CodecException empty() {
    return new CodecException("Empty input: expected a JSON value but found no content", null);
  }

  static CodecException truncated(JsonReader reader, @Nullable Throwable cause) {
    return new CodecException(
        "Input ended early: the JSON is truncated at path " + path(reader), cause);
  }

  static CodecException trailing(BufferedSource source) {
    return new CodecException(
        "Malformed JSON: unexpected trailing data after the JSON value" + near(source), null);
  }

  /** Maps Moshi's syntax errors (JsonEncodingException). */
  static CodecException malformed(IOException e, JsonReader reader, BufferedSource source) {
    String problem = withoutPath(e.getMessage());
    if (problem.startsWith("Unterminated string") || problem.startsWith("Unterminated escape")) {
      return truncated(reader, e);
    }
    if (problem.startsWith(LENIENT_ADVICE)) {
      if (endsInPartialLiteral(source)) return truncated(reader, e);
      problem = "unexpected character";
    }
    return new CodecException(
        "Malformed JSON: " + problem + " at path " + path(reader) + near(source), e);
  }

  /** Maps Moshi's data errors (JsonDataException): type mismatches, missing values, nesting. */
  static CodecException mismatch(RuntimeException e, JsonReader reader, String target) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Nesting too deep")) {
      return new CodecException(
          "Malformed JSON: nested more than 255 levels deep at path "
              + shorten(reader.getPath(), 40), e);
    }
    return new CodecException("Cannot decode " + target + ": " + message, e);
  }

  /** Maps any other failure while binding, such as a record constructor that rejected a value. */
  static CodecException binding(Throwable e, JsonReader reader, String target) {
    Throwable cause = e instanceof AssertionError && e.getCause() != null ? e.getCause() : e;
    return new CodecException(
        "Cannot decode " + target + " at path " + path(reader) + ": " + cause, cause);
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  private static String path(JsonReader reader) {
    return shorten(reader.getPath(), MAX_PATH);
  }

  private static String withoutPath(@Nullable String message) {
    if (message == null) return "syntax error";
    int at = message.lastIndexOf(" at path ");
    return at >= 0 ? message.substring(0, at) : message;
  }

  /** Returns " near '...'" with the input that is still buffered at the failure, or "". */
  private static String near(BufferedSource source) {
    Buffer buffer = source.getBuffer();
    int count = (int) Math.min(buffer.size(), MAX_SNIPPET);
    if (count == 0) return "";
    String text = buffer.snapshot(count).utf8();
    StringBuilder out = new StringBuilder(" near '");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') out.append("\\n");
      else if (c == '\r') out.append("\\r");
      else if (c == '\t') out.append("\\t");
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    out.append(buffer.size() > count ? "…'" : "'");
    if (text.stripLeading().startsWith("<")) {
      out.append(" (this looks like an HTML or XML page, not JSON)");
    }
    return out.toString();
  }

  /**
   * True if all that is left is the start of a literal, such as {@code tru} or {@code 1.}. Moshi asks
   * for one more byte than a literal it is matching, so a short buffer of nothing but literal
   * characters means the input has ended; it is truncated if those characters begin a keyword or end
   * where a number cannot.
   */
  private static boolean endsInPartialLiteral(BufferedSource source) {
    Buffer buffer = source.getBuffer();
    long size = buffer.size();
    if (size == 0 || size > 8) return false;
    StringBuilder rest = new StringBuilder();
    for (long i = 0; i < size; i++) {
      byte b = buffer.getByte(i);
      boolean literal = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
          || b == '-' || b == '+' || b == '.';
      if (!literal) return false;
      rest.append((char) b);
    }
    String partial = rest.toString().toLowerCase(Locale.ROOT);
    if ("true".startsWith(partial) || "false".startsWith(partial) || "null".startsWith(partial)) {
      return true;
    }
    char last = partial.charAt(partial.length() - 1);
    return (partial.charAt(0) == '-' || (partial.charAt(0) >= '0' && partial.charAt(0) <= '9'))
        && (last == '-' || last == '+' || last == '.' || last == 'e');
  }
}
