package dev.conduit.testing.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small server-sent-events parser for the tests (LF, CR and CRLF line ends, multi-line data). */
public final class SseEvents {
  /** One event: its {@code event:} name (null if none) and its data. */
  public record Event(String name, String data) {}

  private SseEvents() {}

  public static List<Event> parse(byte[] stream) {
    String text = new String(stream, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
    List<Event> out = new ArrayList<>();
    String name = null;
    StringBuilder data = null;
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          out.add(new Event(name, data.toString()));
        }
        name = null;
        data = null;
      } else if (line.startsWith(":")) {
        continue;
      } else {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        if (field.equals("event")) {
          name = value;
        } else if (field.equals("data")) {
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    }
    return out;
  }
}
