package dev.conduit.testing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A parser for {@code multipart/form-data} request bodies (RFC 7578). */
final class Multipart {
  /** One form field; {@code filename} is set for a file. */
  record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  /** Returns the boundary of a multipart content type, or null if it is not multipart/form-data. */
  static @Nullable String boundary(@Nullable String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring(9).trim();
        return b.startsWith("\"") && b.endsWith("\"") && b.length() >= 2 ? b.substring(1, b.length() - 1) : b;
      }
    }
    return null;
  }

  /**
   * Parses the body of {@code req}; throws {@link ApiError} if it is not {@code multipart/form-data} or
   * not well-formed.
   */
  static List<Part> parse(IncomingRequest req) {
    String boundary = boundary(req.headers().first("content-type"));
    if (boundary == null) {
      throw ApiError.invalid("Invalid Content-Type header (" + req.headers().first("content-type")
          + "), expected multipart/form-data.", null, null);
    }
    return parse(req.body(), boundary);
  }

  /** Parses {@code body}; throws {@link ApiError} if it is not well-formed. */
  static List<Part> parse(byte[] body, String boundary) {
    byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delim, 0);
    if (pos < 0) {
      throw malformed();
    }
    pos += delim.length;
    while (true) {
      if (pos + 2 <= body.length && body[pos] == '-' && body[pos + 1] == '-') {
        return parts;
      }
      pos = skipLineEnd(body, pos);
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      if (headerEnd < 0) {
        throw malformed();
      }
      String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
      int start = headerEnd + 4;
      int end = indexOf(body, next, start);
      if (end < 0) {
        throw malformed();
      }
      parts.add(part(headers, Arrays.copyOfRange(body, start, end)));
      pos = end + next.length;
    }
  }

  private static Part part(String headers, byte[] content) {
    String name = null;
    String filename = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String h = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String v = line.substring(colon + 1).trim();
      if (h.equals("content-type")) {
        type = v;
      } else if (h.equals("content-disposition")) {
        for (String p : v.split(";")) {
          String param = p.trim();
          int eq = param.indexOf('=');
          if (eq < 0) {
            continue;
          }
          String key = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
          String val = unquote(param.substring(eq + 1).trim());
          if (key.equals("name")) {
            name = val;
          } else if (key.equals("filename") && filename == null) {
            filename = val;
          } else if (key.equals("filename*")) {
            int tick = val.lastIndexOf('\'');
            filename = java.net.URLDecoder.decode(tick >= 0 ? val.substring(tick + 1) : val, StandardCharsets.UTF_8);
          }
        }
      }
    }
    if (name == null) {
      throw malformed();
    }
    return new Part(name, filename, type, content);
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }

  private static int skipLineEnd(byte[] b, int pos) {
    if (pos < b.length && b[pos] == '\r') {
      pos++;
    }
    if (pos < b.length && b[pos] == '\n') {
      pos++;
    }
    return pos;
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static ApiError malformed() {
    return ApiError.invalid("Could not parse multipart form data.", null, null);
  }
}
