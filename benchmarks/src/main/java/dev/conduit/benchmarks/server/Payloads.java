package dev.conduit.benchmarks.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The canned answers of the {@link LoopbackServer}, rendered once into direct buffers: a chat
 * completion, a Responses object, a 10,000-delta Responses SSE stream, and a short stream that the
 * server holds open after its first events (for the async-streams figure). The JSON has the shape and
 * the fields the real API sends (including {@code obfuscation} padding on deltas), so every client
 * decodes what it would decode in production.
 */
public final class Payloads {
  /** Deltas in the big Responses stream. */
  public static final int STREAM_DELTAS = 10_000;

  /** Events in the big Responses stream: created, in_progress, item added, part added, the deltas, 4 closing events. */
  public static final int STREAM_EVENTS = STREAM_DELTAS + 8;

  /** Deltas in the held stream of the async figure. */
  public static final int HELD_DELTAS = 8;

  /** Events in the held stream. */
  public static final int HELD_EVENTS = HELD_DELTAS + 8;

  /** Events of the held stream sent before the server holds it. */
  public static final int HELD_EVENTS_BEFORE_HOLD = 4;

  /** The model name that asks for the held stream. */
  public static final String HOLD_MODEL = "bench-hold";

  /** The answer text of the chat completion. */
  public static final String CHAT_TEXT = "Hello! How can I help you today?";

  private static final String[] WORDS = {
    " The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", ",", " and", " then",
    " it", " runs", " back", " home", " again", ".", " Stream", "ing", " tokens", " one", " by", " one"
  };
  private static final String PAD = "Xq7Lm2Vb9Rt4Np8Kw3Zs6Hd1Gf5Jc0Ya";
  private static final String RESPONSE_ID = "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b";
  private static final String MESSAGE_ID = "msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b";

  final ByteBuffer chat;
  final ByteBuffer response;
  final ByteBuffer stream;
  final ByteBuffer heldHead;
  final ByteBuffer heldRest;
  final ByteBuffer released;
  final ByteBuffer notFound;
  final ByteBuffer continue100;

  Payloads() {
    chat = direct(json(chatCompletion()));
    response = direct(json(responseObject("completed", text(16), true)));
    stream = direct(sseHead() + chunkedEvents(STREAM_DELTAS, 0, Integer.MAX_VALUE) + "0\r\n\r\n");
    heldHead = direct(sseHead() + chunkedEvents(HELD_DELTAS, 0, HELD_EVENTS_BEFORE_HOLD));
    heldRest = direct(chunkedEvents(HELD_DELTAS, HELD_EVENTS_BEFORE_HOLD, Integer.MAX_VALUE) + "0\r\n\r\n");
    released = direct(json("{\"released\":true}"));
    notFound = direct(json("404 Not Found",
        "{\"error\":{\"message\":\"no such route\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));
    continue100 = direct("HTTP/1.1 100 Continue\r\n\r\n");
  }

  /** Returns the size in bytes of the big stream's HTTP body and head, for the docs. */
  public static int streamBytes() {
    return new Payloads().stream.remaining();
  }

  private static String json(String body) {
    return json("200 OK", body);
  }

  private static String json(String status, String body) {
    int len = body.getBytes(StandardCharsets.UTF_8).length;
    return "HTTP/1.1 " + status + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + len + "\r\n"
        + "x-request-id: req_0123456789abcdef0123456789abcdef\r\n"
        + "openai-processing-ms: 1\r\n"
        + "\r\n"
        + body;
  }

  private static String sseHead() {
    return "HTTP/1.1 200 OK\r\n"
        + "Content-Type: text/event-stream; charset=utf-8\r\n"
        + "Transfer-Encoding: chunked\r\n"
        + "x-request-id: req_0123456789abcdef0123456789abcdef\r\n"
        + "openai-processing-ms: 1\r\n"
        + "\r\n";
  }

  private static ByteBuffer direct(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocateDirect(b.length);
    buf.put(b).flip();
    return buf.asReadOnlyBuffer();
  }

  static String chatCompletion() {
    return "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\",\"created\":1741569952,"
        + "\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"" + CHAT_TEXT + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
        + "{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
        + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_b376dfbbd5\"}";
  }

  private static String text(int deltas) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < deltas; i++) {
      sb.append(WORDS[i % WORDS.length]);
    }
    return sb.toString();
  }

  private static String message(String status, String text, boolean withContent) {
    return "{\"id\":\"" + MESSAGE_ID + "\",\"type\":\"message\",\"status\":\"" + status + "\",\"content\":["
        + (withContent ? outputText(text) : "") + "],\"role\":\"assistant\"}";
  }

  private static String outputText(String text) {
    return "{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"" + text + "\"}";
  }

  private static String responseObject(String status, String text, boolean withOutput) {
    boolean done = "completed".equals(status);
    return "{\"id\":\"" + RESPONSE_ID + "\",\"object\":\"response\",\"created_at\":1741476542,"
        + "\"status\":\"" + status + "\",\"background\":false,\"completed_at\":" + (done ? "1741476543" : "null") + ","
        + "\"error\":null,\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":null,"
        + "\"max_tool_calls\":null,\"model\":\"gpt-4.1-2025-04-14\",\"output\":["
        + (withOutput ? message("completed", text, true) : "") + "],"
        + "\"parallel_tool_calls\":true,\"previous_response_id\":null,\"prompt_cache_key\":null,"
        + "\"reasoning\":{\"effort\":null,\"summary\":null},\"safety_identifier\":null,\"service_tier\":\"default\","
        + "\"store\":true,\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"},\"verbosity\":\"medium\"},"
        + "\"tool_choice\":\"auto\",\"tools\":[],\"top_logprobs\":0,\"top_p\":1.0,\"truncation\":\"disabled\","
        + "\"usage\":" + (done
            ? "{\"input_tokens\":36,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":87,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":123}"
            : "null")
        + ",\"user\":null,\"metadata\":{}}";
  }

  /**
   * Renders the events {@code [from, to)} of a stream with {@code deltas} text deltas, each event in
   * its own HTTP chunk, the way the real API flushes them.
   */
  private static String chunkedEvents(int deltas, int from, int to) {
    StringBuilder out = new StringBuilder(deltas * 260 + 4096);
    String text = text(deltas);
    int seq = 0;
    String ids = "\"item_id\":\"" + MESSAGE_ID + "\",\"output_index\":0,\"content_index\":0";
    seq = event(out, seq, from, to, "response.created",
        ",\"response\":" + responseObject("in_progress", "", false));
    seq = event(out, seq, from, to, "response.in_progress",
        ",\"response\":" + responseObject("in_progress", "", false));
    seq = event(out, seq, from, to, "response.output_item.added",
        ",\"output_index\":0,\"item\":" + message("in_progress", "", false));
    seq = event(out, seq, from, to, "response.content_part.added",
        "," + ids + ",\"part\":" + outputText(""));
    for (int i = 0; i < deltas; i++) {
      String delta = WORDS[i % WORDS.length];
      int n = Math.max(1, 16 - delta.length());
      int p = i % (PAD.length() - 16);
      seq = event(out, seq, from, to, "response.output_text.delta",
          "," + ids + ",\"delta\":\"" + delta + "\",\"logprobs\":[],\"obfuscation\":\"" + PAD.substring(p, p + n) + "\"");
    }
    seq = event(out, seq, from, to, "response.output_text.done",
        "," + ids + ",\"text\":\"" + text + "\",\"logprobs\":[]");
    seq = event(out, seq, from, to, "response.content_part.done", "," + ids + ",\"part\":" + outputText(text));
    seq = event(out, seq, from, to, "response.output_item.done",
        ",\"output_index\":0,\"item\":" + message("completed", text, true));
    event(out, seq, from, to, "response.completed", ",\"response\":" + responseObject("completed", text, true));
    return out.toString();
  }

  private static int event(StringBuilder out, int seq, int from, int to, String type, String rest) {
    if (seq >= from && seq < to) {
      String e = "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + seq + rest + "}\n\n";
      int len = e.getBytes(StandardCharsets.UTF_8).length;
      out.append(Integer.toHexString(len)).append("\r\n").append(e).append("\r\n");
    }
    return seq + 1;
  }
}
