package dev.conduit.internal.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An incremental, push-based parser of the WHATWG {@code text/event-stream} format.
 *
 * <p>Feed it the bytes of a stream in chunks of any size; it calls the sink with each event as soon as
 * the blank line that ends it arrives, then {@link #finish} at end of input. It follows the WHATWG
 * rules: lines end at CRLF, LF or CR (also when a CRLF straddles two chunks); one leading UTF-8 BOM is
 * skipped; each line is decoded as UTF-8 only once complete, so a character split across chunks stays
 * intact and malformed bytes become U+FFFD; {@code :} starts a comment; {@code data} lines are joined
 * with {@code '\n'}; an {@code id} containing NUL is ignored and the last id persists across events; a
 * {@code retry} that is not all ASCII digits is ignored; unknown fields are ignored; a blank line with
 * no data dispatches nothing; an event not ended by a blank line at end of input is discarded (see
 * {@link #hasPartialEvent()}).
 *
 * <p>A line is processed as soon as its terminator arrives: a CR at the very end of a chunk completes
 * its line at once, and an LF starting the next chunk is then skipped as the second half of a CRLF.
 *
 * <p>Lines and events longer than the configured maximum fail with {@link SseFormatException}, after
 * which the parser is unusable. If the sink throws, the exception propagates and the rest of that chunk
 * is lost. Not thread-safe: use it from one thread at a time.
 */
public final class SseParser {
  /** The default maximum size, in bytes, of a line and of an event's data: 16 MiB. */
  public static final int DEFAULT_MAX_SIZE = 16 * 1024 * 1024;

  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final byte COLON = ':';
  private static final byte SPACE = ' ';
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int BOM_DONE = -1;
  private static final byte[] DATA = ascii("data");
  private static final byte[] EVENT = ascii("event");
  private static final byte[] ID = ascii("id");
  private static final byte[] RETRY = ascii("retry");
  private static final int INITIAL_CAPACITY = 1024;
  /** Buffers grown beyond this are dropped after use, so one huge event does not pin memory. */
  private static final int RETAINED_CAPACITY = 64 * 1024;
  private static final int SCRATCH_SIZE = 8192;

  private final int maxSize;

  private byte[] line = new byte[INITIAL_CAPACITY];
  private int lineLen;
  /** The data buffer: each data line's value followed by LF. */
  private byte[] data = new byte[INITIAL_CAPACITY];
  private int dataLen;
  private @Nullable String eventType;
  private @Nullable String lastEventId;
  private long retry = -1;
  private long reconnectionTime = -1;
  /** A field line was seen since the last blank line. */
  private boolean fieldsPending;
  /** How many bytes of a leading BOM have been matched, or BOM_DONE. */
  private int bomMatched;
  /** The previous chunk ended with CR, so an LF starting the next one belongs to it. */
  private boolean skipLf;
  private boolean finished;
  private boolean truncated;
  private boolean failed;
  private byte @Nullable [] scratch;
  /** A one-entry cache, since streams repeat a few event types many times. */
  private byte[] cachedTypeBytes = new byte[0];
  private String cachedType = "";

  /** Creates a parser with lines and events limited to {@link #DEFAULT_MAX_SIZE} bytes. */
  public SseParser() {
    this(DEFAULT_MAX_SIZE);
  }

  /**
   * Creates a parser.
   *
   * @param maxSize the maximum size in bytes of a line (without its terminator) and of an event's data
   * @throws IllegalArgumentException if {@code maxSize <= 0}
   */
  public SseParser(int maxSize) {
    if (maxSize <= 0) {
      throw new IllegalArgumentException("maxSize <= 0: " + maxSize);
    }
    this.maxSize = maxSize;
  }

  /**
   * Parses the remaining bytes of {@code buf}, leaving its position at its limit, and passes each
   * completed event to {@code sink}.
   *
   * @throws SseFormatException if a line or an event exceeds the maximum size
   * @throws IllegalStateException if called after {@link #finish} or after a failure
   */
  public void feed(ByteBuffer buf, Consumer<? super ServerSentEvent> sink) throws SseFormatException {
    int n = buf.remaining();
    if (buf.hasArray()) {
      feed(buf.array(), buf.arrayOffset() + buf.position(), n, sink);
      buf.position(buf.limit());
      return;
    }
    byte[] s = scratch;
    if (s == null) {
      s = new byte[SCRATCH_SIZE];
      scratch = s;
    }
    do {
      int k = Math.min(s.length, buf.remaining());
      buf.get(s, 0, k);
      feed(s, 0, k, sink);
    } while (buf.hasRemaining());
  }

  /**
   * Parses {@code len} bytes of {@code buf} from {@code off} and passes each completed event to {@code
   * sink}.
   *
   * @throws SseFormatException if a line or an event exceeds the maximum size
   * @throws IllegalStateException if called after {@link #finish} or after a failure
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} are out of bounds of {@code buf}
   */
  public void feed(byte[] buf, int off, int len, Consumer<? super ServerSentEvent> sink) throws SseFormatException {
    Objects.checkFromIndexSize(off, len, buf.length);
    Objects.requireNonNull(sink, "sink == null");
    checkUsable();
    int i = off;
    int end = off + len;
    if (bomMatched != BOM_DONE) {
      i = skipBom(buf, i, end);
    }
    if (skipLf && i < end) {
      skipLf = false;
      if (buf[i] == LF) {
        i++;
      }
    }
    while (i < end) {
      int start = i;
      while (i < end) {
        byte b = buf[i];
        if (b == LF || b == CR) {
          break;
        }
        i++;
      }
      int lineEnd = i;
      if (i == end) {
        appendLine(buf, start, lineEnd - start);
        return;
      }
      if (buf[i++] == CR) {
        if (i == end) {
          skipLf = true;
        } else if (buf[i] == LF) {
          i++;
        }
      }
      if (lineLen == 0) {
        if (lineEnd - start > maxSize) {
          throw fail("line exceeds " + maxSize + " bytes");
        }
        processLine(buf, start, lineEnd, sink);
      } else {
        appendLine(buf, start, lineEnd - start);
        int n = lineLen;
        lineLen = 0;
        processLine(line, 0, n, sink);
        if (line.length > RETAINED_CAPACITY) {
          line = new byte[INITIAL_CAPACITY];
        }
      }
    }
  }

  /**
   * Signals the end of input. A pending event not yet ended by a blank line is discarded, as WHATWG
   * requires; {@link #hasPartialEvent()} then tells whether there was one. Lines are processed as soon
   * as they end, so nothing is left to dispatch here and {@code sink} is not called in practice; it is
   * taken so that callers need not depend on that. Calling it again does nothing.
   *
   * @throws IllegalStateException if the parser failed earlier
   */
  public void finish(Consumer<? super ServerSentEvent> sink) {
    Objects.requireNonNull(sink, "sink == null");
    if (failed) {
      throw new IllegalStateException("parser failed earlier");
    }
    if (finished) {
      return;
    }
    truncated = hasPartialEvent();
    finished = true;
    bomMatched = BOM_DONE;
    skipLf = false;
    lineLen = 0;
    dataLen = 0;
    eventType = null;
    retry = -1;
    fieldsPending = false;
  }

  /**
   * Returns true if input so far ends inside an event: after a field line not yet followed by a blank
   * line, or inside an unterminated line. After {@link #finish} it tells whether the input was cut
   * short that way (the discarded event).
   */
  public boolean hasPartialEvent() {
    if (finished) {
      return truncated;
    }
    return fieldsPending || lineLen > 0 || bomMatched > 0;
  }

  /** Returns the reconnection time in ms set by the latest valid {@code retry} field, or -1. */
  public long reconnectionTime() {
    return reconnectionTime;
  }

  /** Returns the last event id buffer: the latest valid {@code id} field's value, or null. */
  public @Nullable String lastEventId() {
    return lastEventId;
  }

  private void checkUsable() {
    if (failed) {
      throw new IllegalStateException("parser failed earlier");
    }
    if (finished) {
      throw new IllegalStateException("finish() was called");
    }
  }

  private SseFormatException fail(String message) {
    failed = true;
    return new SseFormatException("Malformed event stream: " + message);
  }

  private int skipBom(byte[] buf, int i, int end) throws SseFormatException {
    while (i < end) {
      if (buf[i] != BOM[bomMatched]) {
        int matched = bomMatched;
        bomMatched = BOM_DONE;
        appendLine(BOM, 0, matched); // not a BOM after all: those bytes are content
        return i;
      }
      i++;
      if (++bomMatched == BOM.length) {
        bomMatched = BOM_DONE;
        return i;
      }
    }
    return i;
  }

  private void appendLine(byte[] src, int off, int n) throws SseFormatException {
    if (n == 0) {
      return;
    }
    int needed = lineLen + n;
    if (needed > maxSize || needed < 0) {
      throw fail("line exceeds " + maxSize + " bytes");
    }
    if (needed > line.length) {
      line = Arrays.copyOf(line, newCapacity(line.length, needed));
    }
    System.arraycopy(src, off, line, lineLen, n);
    lineLen = needed;
  }

  private int newCapacity(int current, int needed) {
    long doubled = 2L * current;
    return (int) Math.max(needed, Math.min(doubled, maxSize));
  }

  private void processLine(byte[] b, int off, int end, Consumer<? super ServerSentEvent> sink)
      throws SseFormatException {
    if (off == end) {
      dispatch(sink);
      return;
    }
    if (b[off] == COLON) {
      return; // comment
    }
    fieldsPending = true;
    int nameEnd = off;
    while (nameEnd < end && b[nameEnd] != COLON) {
      nameEnd++;
    }
    int valueStart = nameEnd;
    if (nameEnd < end) {
      valueStart++; // skip the colon
      if (valueStart < end && b[valueStart] == SPACE) {
        valueStart++;
      }
    }
    int valueLen = end - valueStart;
    if (nameIs(DATA, b, off, nameEnd)) {
      appendData(b, valueStart, valueLen);
    } else if (nameIs(EVENT, b, off, nameEnd)) {
      eventType = valueLen == 0 ? null : eventType(b, valueStart, end);
    } else if (nameIs(ID, b, off, nameEnd)) {
      if (indexOfNul(b, valueStart, end) < 0) {
        lastEventId = new String(b, valueStart, valueLen, StandardCharsets.UTF_8);
      }
    } else if (nameIs(RETRY, b, off, nameEnd)) {
      long value = parseDigits(b, valueStart, end);
      if (value >= 0) {
        retry = value;
        reconnectionTime = value;
      }
    }
    // Any other field is ignored.
  }

  private void appendData(byte[] src, int off, int n) throws SseFormatException {
    int needed = dataLen + n + 1;
    if (needed > maxSize || needed < 0) {
      throw fail("event data exceeds " + maxSize + " bytes");
    }
    if (needed > data.length) {
      data = Arrays.copyOf(data, newCapacity(data.length, needed));
    }
    System.arraycopy(src, off, data, dataLen, n);
    data[needed - 1] = LF;
    dataLen = needed;
  }

  private void dispatch(Consumer<? super ServerSentEvent> sink) {
    fieldsPending = false;
    String type = eventType;
    long eventRetry = retry;
    eventType = null;
    retry = -1;
    if (dataLen == 0) {
      return;
    }
    byte[] value = Arrays.copyOf(data, dataLen - 1); // drop the final LF
    dataLen = 0;
    if (data.length > RETAINED_CAPACITY) {
      data = new byte[INITIAL_CAPACITY];
    }
    sink.accept(ServerSentEvent.ofUtf8(type, value, lastEventId, eventRetry));
  }

  private String eventType(byte[] b, int off, int end) {
    if (!Arrays.equals(b, off, end, cachedTypeBytes, 0, cachedTypeBytes.length)) {
      cachedTypeBytes = Arrays.copyOfRange(b, off, end);
      cachedType = new String(cachedTypeBytes, StandardCharsets.UTF_8);
    }
    return cachedType;
  }

  private static boolean nameIs(byte[] name, byte[] b, int off, int end) {
    return Arrays.equals(b, off, end, name, 0, name.length);
  }

  private static int indexOfNul(byte[] b, int off, int end) {
    for (int i = off; i < end; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the value of a non-empty run of ASCII digits (saturating), or -1 if it is not one. */
  private static long parseDigits(byte[] b, int off, int end) {
    if (off == end) {
      return -1;
    }
    long value = 0;
    for (int i = off; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : value * 10 + d;
    }
    return value;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
