package dev.conduit.internal.multipart;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A strict reader of multipart/form-data bodies for the tests: fails on any framing error. */
final class MultipartParser {
  /** One parsed part: its headers (UTF-8 decoded) and its raw content. */
  record Part(Map<String, String> headers, byte[] content) {
    String disposition() {
      return headers.get("Content-Disposition");
    }

    String text() {
      return new String(content, UTF_8);
    }
  }

  private MultipartParser() {}

  static List<Part> parse(byte[] body, String boundary) {
    String s = new String(body, ISO_8859_1);
    String delimiter = "--" + boundary;
    if (!s.startsWith(delimiter + "\r\n")) {
      throw new IllegalArgumentException("body does not start with the first boundary line");
    }
    String close = "\r\n" + delimiter + "--\r\n";
    if (!s.endsWith(close)) {
      throw new IllegalArgumentException("body does not end with the closing boundary line");
    }
    String inner = s.substring(delimiter.length() + 2, s.length() - close.length());
    List<Part> parts = new ArrayList<>();
    for (String raw : inner.split(Pattern.quote("\r\n" + delimiter + "\r\n"), -1)) {
      int end = raw.indexOf("\r\n\r\n");
      if (end < 0) {
        throw new IllegalArgumentException("part without a blank line after its headers");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : new String(raw.substring(0, end).getBytes(ISO_8859_1), UTF_8).split("\r\n")) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
          throw new IllegalArgumentException("bad header line: " + line);
        }
        headers.put(line.substring(0, colon), line.substring(colon + 2));
      }
      parts.add(new Part(headers, raw.substring(end + 4).getBytes(ISO_8859_1)));
    }
    return parts;
  }
}
