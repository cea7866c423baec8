package dev.conduit.internal.sse;

import static dev.conduit.internal.sse.SseFixtures.RESPONSES_STREAM;
import static dev.conduit.internal.sse.SseFixtures.ev;
import static dev.conduit.internal.sse.SseFixtures.parseBytes;
import static dev.conduit.internal.sse.SseFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventReaderTest {

  @Test
  void readsEveryEventThenNull() throws Exception {
    byte[] all = utf8(RESPONSES_STREAM);
    try (SseEventReader reader = new SseEventReader(new ByteArrayInputStream(all))) {
      assertThat(readAll(reader)).isEqualTo(parseBytes(all)).hasSize(9);
      assertThat(reader.next()).isNull();
      assertThat(reader.endedMidEvent()).isFalse();
    }
  }

  @Test
  void trickledBytesGiveTheSameEvents() throws Exception {
    byte[] all = utf8(RESPONSES_STREAM);
    RecordingStream in = new RecordingStream(all, 1, -1);
    try (SseEventReader reader = new SseEventReader(in)) {
      assertThat(readAll(reader)).isEqualTo(parseBytes(all));
    }
  }

  @Test
  void readsLazilyInChunksOfEightKib() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      sb.append("data: ").append(i).append("\n\n");
    }
    RecordingStream in = new RecordingStream(utf8(sb.toString()), Integer.MAX_VALUE, -1);
    try (SseEventReader reader = new SseEventReader(in)) {
      assertThat(reader.next()).isEqualTo(ev("0"));
      assertThat(in.reads).isEqualTo(1); // the rest of the first chunk's events wait in the queue
      assertThat(in.maxRequested).isEqualTo(8192);
      List<ServerSentEvent> rest = readAll(reader);
      assertThat(rest).hasSize(2999);
      for (int i = 0; i < rest.size(); i++) {
        assertThat(rest.get(i).data()).isEqualTo(String.valueOf(i + 1));
      }
      assertThat(in.maxRequested).isEqualTo(8192);
    }
  }

  @Test
  void inputEndingInsideAnEventIsReported() throws Exception {
    for (String truncated : new String[] {"data: a\n\ndata: b\n", "data: a\n\ndata: b", "data: a\n\n: comm"}) {
      try (SseEventReader reader = new SseEventReader(new ByteArrayInputStream(utf8(truncated)))) {
        assertThat(reader.next()).isEqualTo(ev("a"));
        assertThat(reader.endedMidEvent()).as("before the end").isFalse();
        assertThat(reader.next()).isNull();
        assertThat(reader.endedMidEvent()).as(truncated).isTrue();
      }
    }
  }

  @Test
  void ioExceptionMidStreamPropagates() throws Exception {
    RecordingStream in = new RecordingStream(utf8("data: a\n\ndata: b"), 4, 12);
    try (SseEventReader reader = new SseEventReader(in)) {
      assertThat(reader.next()).isEqualTo(ev("a"));
      assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessage("connection reset");
    }
    assertThat(in.closed).isTrue();
  }

  @Test
  void closeClosesTheStreamOnce() throws Exception {
    RecordingStream in = new RecordingStream(utf8("data: a\n\ndata: b\n\n"), Integer.MAX_VALUE, -1);
    SseEventReader reader = new SseEventReader(in);
    assertThat(reader.next()).isEqualTo(ev("a"));
    reader.close();
    reader.close();
    assertThat(in.closed).isTrue();
    assertThat(in.closeCount).isEqualTo(1);
    assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void oversizedEventFails() throws Exception {
    try (SseEventReader reader = new SseEventReader(new ByteArrayInputStream(utf8("data: 0123456789abcdef\n\n")), 16)) {
      assertThatThrownBy(reader::next).isInstanceOf(SseFormatException.class).hasMessageContaining("16 bytes");
    }
  }

  private static List<ServerSentEvent> readAll(SseEventReader reader) throws IOException {
    List<ServerSentEvent> out = new ArrayList<>();
    for (ServerSentEvent e; (e = reader.next()) != null; ) {
      out.add(e);
    }
    return out;
  }

  /** Serves bytes at most {@code perRead} at a time, and fails once {@code failAt} bytes are served. */
  private static final class RecordingStream extends InputStream {
    private final byte[] bytes;
    private final int perRead;
    private final int failAt;
    private int pos;
    int reads;
    int maxRequested;
    boolean closed;
    int closeCount;

    RecordingStream(byte[] bytes, int perRead, int failAt) {
      this.bytes = bytes;
      this.perRead = perRead;
      this.failAt = failAt;
    }

    @Override
    public int read() {
      throw new AssertionError("single-byte read");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      reads++;
      maxRequested = Math.max(maxRequested, len);
      if (failAt >= 0 && pos >= failAt) {
        throw new IOException("connection reset");
      }
      if (pos == bytes.length) {
        return -1;
      }
      int limit = failAt >= 0 ? failAt : bytes.length;
      int n = Math.min(Math.min(len, perRead), limit - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() {
      closed = true;
      closeCount++;
    }
  }
}
