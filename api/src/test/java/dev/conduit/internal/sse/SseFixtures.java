package dev.conduit.internal.sse;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Streams and helpers shared by the SSE tests. */
final class SseFixtures {
  /** A Responses stream with comments, ids, multi-byte text and long lines; lines end with LF. */
  static final String RESPONSES_STREAM =
      ": keep-alive\n"
          + "\n"
          + "event: response.created\n"
          + "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"in_progress\",\"model\":\"gpt-5\",\"output\":[]}}\n"
          + "\n"
          + "event: response.in_progress\n"
          + "data: {\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\"}}\n"
          + "\n"
          + "event: response.output_item.added\n"
          + "data: {\"type\":\"response.output_item.added\",\"sequence_number\":2,\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}\n"
          + "\n"
          + "event: response.output_text.delta\n"
          + "id: 3\n"
          + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":3,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Café \"}\n"
          + "\n"
          + ": ping\n"
          + "event: response.output_text.delta\n"
          + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"costs 3 €\"}\n"
          + "\n"
          + "event: response.output_text.delta\n"
          + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":5,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\" 😀\"}\n"
          + "\n"
          + "event: response.output_text.done\n"
          + "retry: 2500\n"
          + "data: {\"type\":\"response.output_text.done\",\"sequence_number\":6,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\n"
          + "data:  \"text\":\"Café costs 3 € 😀\"}\n"
          + "\n"
          + "event: response.completed\n"
          + "data: {\"type\":\"response.completed\",\"sequence_number\":7,\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"usage\":{\"input_tokens\":5,\"output_tokens\":9}}}\n"
          + "\n"
          + "data: [DONE]\n"
          + "\n";

  static ServerSentEvent ev(String data) {
    return new ServerSentEvent(null, data, null, -1);
  }

  static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Formats one {@code data:} event per value. */
  static String events(String... data) {
    StringBuilder sb = new StringBuilder();
    for (String d : data) {
      sb.append("data: ").append(d).append("\n\n");
    }
    return sb.toString();
  }

  /** Parses {@code all} split at the given ascending positions. */
  static List<ServerSentEvent> parseBytes(byte[] all, int... splits) throws SseFormatException {
    SseParser parser = new SseParser();
    List<ServerSentEvent> out = new ArrayList<>();
    int from = 0;
    for (int s : splits) {
      parser.feed(all, from, s - from, out::add);
      from = s;
    }
    parser.feed(all, from, all.length - from, out::add);
    parser.finish(out::add);
    return out;
  }

  private SseFixtures() {}
}
