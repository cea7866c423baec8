package dev.conduit.testing.internal;

import java.util.SplittableRandom;

/**
 * Realistic-looking, deterministic identifiers: the same sequence of calls on a fresh fake yields
 * the same ids. Thread-safe.
 */
public final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private SplittableRandom random = new SplittableRandom(0x0C0DE1L);

  /** Restarts the sequence. */
  public synchronized void reset() {
    random = new SplittableRandom(0x0C0DE1L);
  }

  public synchronized String hex(int n) {
    return pick(HEX, n);
  }

  public synchronized String alnum(int n) {
    return pick(ALNUM, n);
  }

  private String pick(char[] alphabet, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(out);
  }

  public String response() {
    return "resp_" + hex(50);
  }

  public String message() {
    return "msg_" + hex(50);
  }

  public String reasoning() {
    return "rs_" + hex(50);
  }

  /** The id of a compaction item. */
  public String compaction() {
    return "cmp_" + hex(50);
  }

  public String functionCall() {
    return "fc_" + hex(50);
  }

  public String functionCallOutput() {
    return "fco_" + hex(50);
  }

  public String callId() {
    return "call_" + alnum(24);
  }

  public String chatCompletion() {
    return "chatcmpl-" + alnum(29);
  }

  public String file() {
    return "file-" + alnum(22);
  }

  public String vectorStore() {
    return "vs_" + hex(32);
  }

  public String fileBatch() {
    return "vsfb_" + hex(32);
  }

  /** An id for a conversation item of a kind that came without one. */
  public String item() {
    return "item_" + hex(50);
  }

  public String conversation() {
    return "conv_" + hex(48);
  }

  public String requestId() {
    return "req_" + hex(32);
  }

  public String upload() {
    return "upload_" + hex(32);
  }

  public String uploadPart() {
    return "part_" + hex(32);
  }

  public String batch() {
    return "batch_" + hex(32);
  }

  /** Returns the id of one request line's result in a batch's output or error file. */
  public String batchRequest() {
    return "batch_req_" + hex(32);
  }
}
