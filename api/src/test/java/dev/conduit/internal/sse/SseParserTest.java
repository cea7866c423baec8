package dev.conduit.internal.sse;

import static dev.conduit.internal.sse.SseFixtures.RESPONSES_STREAM;
import static dev.conduit.internal.sse.SseFixtures.concat;
import static dev.conduit.internal.sse.SseFixtures.ev;
import static dev.conduit.internal.sse.SseFixtures.parseBytes;
import static dev.conduit.internal.sse.SseFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseParserTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  // Line endings.

  @Test
  void lfLineEndings() throws Exception {
    assertThat(parse("data: a\n\ndata: b\n\n")).containsExactly(ev("a"), ev("b"));
  }

  @Test
  void crLineEndings() throws Exception {
    assertThat(parse("data: a\r\rdata: b\r\r")).containsExactly(ev("a"), ev("b"));
  }

  @Test
  void crlfLineEndings() throws Exception {
    assertThat(parse("data: a\r\n\r\ndata: b\r\n\r\n")).containsExactly(ev("a"), ev("b"));
  }

  @Test
  void mixedLineEndings() throws Exception {
    assertThat(parse("data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r\n"))
        .containsExactly(ev("a\nb\nc"), ev("d"));
  }

  @Test
  void lfCrIsTwoLineBreaks() throws Exception {
    assertThat(parse("data: a\n\rdata: b\n\n")).containsExactly(ev("a"), ev("b"));
  }

  @Test
  void crAtChunkEndAndLfAtNextChunkStartAreOneLineBreak() throws Exception {
    assertThat(parse("data: a\r", "\ndata: b\r", "\n\r", "\n")).containsExactly(ev("a\nb"));
  }

  @Test
  void crAtChunkEndDispatchesWithoutWaitingForTheNextChunk() throws Exception {
    SseParser parser = new SseParser();
    List<ServerSentEvent> out = new ArrayList<>();
    feed(parser, "data: a\r\r", out);
    assertThat(out).containsExactly(ev("a"));
    feed(parser, "\ndata: b\n\n", out); // the LF completes the CRLF; it is no blank line
    assertThat(out).containsExactly(ev("a"), ev("b"));
  }

  @Test
  void trailingCrAtEndOfInputEndsTheEvent() throws Exception {
    SseParser parser = new SseParser();
    List<ServerSentEvent> out = new ArrayList<>();
    feed(parser, "data: a\r", out);
    feed(parser, "\r", out);
    parser.finish(out::add);
    assertThat(out).containsExactly(ev("a"));
    assertThat(parser.hasPartialEvent()).isFalse();
  }

  // Fields.

  @Test
  void multiLineDataIsJoinedWithLf() throws Exception {
    assertThat(parse("data: a\ndata: b\ndata: c\n\n")).containsExactly(ev("a\nb\nc"));
    assertThat(parse("data: a\ndata:\ndata: c\n\n")).containsExactly(ev("a\n\nc"));
    assertThat(parse("data\ndata\n\n")).containsExactly(ev("\n"));
  }

  @Test
  void commentsAreIgnored() throws Exception {
    assertThat(parse(": hello\ndata: x\n:another\n: \n\n")).containsExactly(ev("x"));
    SseParser parser = new SseParser();
    List<ServerSentEvent> out = new ArrayList<>();
    feed(parser, ": only\n:comments\n\n", out);
    parser.finish(out::add);
    assertThat(out).isEmpty();
    assertThat(parser.hasPartialEvent()).isFalse();
  }

  @Test
  void oneLeadingSpaceIsRemovedFromTheValue() throws Exception {
    assertThat(parse("data:x\n\n")).containsExactly(ev("x"));
    assertThat(parse("data: x\n\n")).containsExactly(ev("x"));
    assertThat(parse("data:  x \n\n")).containsExactly(ev(" x "));
    assertThat(parse("data:\tx\n\n")).containsExactly(ev("\tx"));
    assertThat(parse("data: \n\n")).containsExactly(ev(""));
    assertThat(parse("data: a:b: c\n\n")).containsExactly(ev("a:b: c"));
  }

  @Test
  void lineWithoutColonIsFieldWithEmptyValue() throws Exception {
    assertThat(parse("data\n\n")).containsExactly(ev(""));
    assertThat(parse("event: x\nevent\ndata: y\n\n")).containsExactly(ev("y"));
    assertThat(parse("id: 1\nid\ndata: y\n\n")).containsExactly(new ServerSentEvent(null, "y", "", -1));
  }

  @Test
  void eventTypeAppliesToOneEventOnly() throws Exception {
    assertThat(parse("event: response.created\ndata: a\n\ndata: b\n\nevent:\ndata: c\n\n"))
        .containsExactly(new ServerSentEvent("response.created", "a", null, -1), ev("b"), ev("c"));
  }

  @Test
  void idWithNulIsIgnored() throws Exception {
    assertThat(parse("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n"))
        .containsExactly(new ServerSentEvent(null, "a", "1", -1), new ServerSentEvent(null, "b", "1", -1));
  }

  @Test
  void idPersistsAcrossEvents() throws Exception {
    SseParser parser = new SseParser();
    List<ServerSentEvent> out = new ArrayList<>();
    assertThat(parser.lastEventId()).isNull();
    feed(parser, "data: a\n\nid: 7\ndata: b\n\ndata: c\n\nid: 9\n\ndata: d\n\nid:\ndata: e\n\n", out);
    assertThat(out)
        .containsExactly(
            new ServerSentEvent(null, "a", null, -1),
            new ServerSentEvent(null, "b", "7", -1),
            new ServerSentEvent(null, "c", "7", -1),
            new ServerSentEvent(null, "d", "9", -1), // set by a block that dispatched nothing
            new ServerSentEvent(null, "e", "", -1));
    assertThat(parser.lastEventId()).isEmpty();
  }

  @Test
  void retryAcceptsOnlyAsciiDigits() throws Exception {
    SseParser parser = new SseParser();
    List<ServerSentEvent> out = new ArrayList<>();
    feed(parser, "retry: 3000\ndata: a\n\ndata: b\n\n", out);
    assertThat(out).containsExactly(new ServerSentEvent(null, "a", null, 3000), ev("b"));
    assertThat(parser.reconnectionTime()).isEqualTo(3000);

    for (String bad : new String[] {"12a", "-5", "1.5", " 7", "", "+1", "\uFF13", "1 "}) {
      out.clear();
      feed(parser, "retry: " + bad + "\ndata: x\n\n", out);
      assertThat(out).as("retry: %s", bad).containsExactly(ev("x"));
    }
    assertThat(parser.reconnectionTime()).isEqualTo(3000);

    out.clear();
    feed(parser, "retry:0\ndata: y\n\nretry: 99999999999999999999999\ndata: z\n\n", out);
    assertThat(out)
        .containsExactly(new ServerSentEvent(null, "y", null, 0), new ServerSentEvent(null, "z", null, Long.MAX_VALUE));
  }

  @Test
  void unknownFieldsAreIgnoredAndNamesAreCaseSensitive() throws Exception {
    assertThat(parse("foo: bar\nData: y\nEVENT: z\ndata: x\n\n")).containsExactly(ev("x"));
  }

  @Test
  void blankLineWithoutDataDispatchesNothingAndResetsTheType() throws Exception {
    assertThat(parse("\n\n\nevent: x\n\nretry: 5\n\ndata: y\n\n")).containsExactly(ev("y"));
  }

  @Test
  void doneIsJustData() throws Exception {
    assertThat(parse("data: [DONE]\n\n")).containsExactly(ev("[DONE]"));
  }

  // BOM.

  @Test
  void leadingBomIsSkipped() throws Exception {
    assertThat(parseBytes(concat(BOM, utf8("data: a\n\n")))).containsExactly(ev("a"));
  }

  @Test
  void leadingBomSplitAcrossChunksIsSkipped() throws Exception {
    byte[] all = concat(BOM, utf8("data: a\n\n"));
    for (int i = 0; i <= all.length; i++) {
      assertThat(parseBytes(all, i)).as("split at %d", i).containsExactly(ev("a"));
      for (int j = i; j <= all.length; j++) {
        assertThat(parseBytes(all, i, j)).as("split at %d and %d", i, j).containsExactly(ev("a"));
      }
    }
  }

  @Test
  void onlyOneBomAtStreamStartIsSkipped() throws Exception {
    // A second BOM becomes part of the field name, which is then unknown.
    assertThat(parseBytes(concat(BOM, BOM, utf8("data: a\n\ndata: b\n\n")))).containsExactly(ev("b"));
    // A BOM after the start is ordinary content.
    assertThat(parseBytes(concat(utf8("data: a\n\ndata: "), BOM, utf8("b\n\n"))))
        .containsExactly(ev("a"), ev("\uFEFFb"));
    assertThat(parseBytes(concat(utf8("\n"), BOM, utf8("data: a\n\ndata: b\n\n")))).containsExactly(ev("b"));
  }

  @Test
  void partialBomIsContent() throws Exception {
    assertThat(parseBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, '\n', 'd', 'a', 't', 'a', ':', 'x', '\n', '\n'}, 1))
        .containsExactly(ev("x"));
    SseParser parser = new SseParser();
    parser.feed(new byte[] {(byte) 0xEF, (byte) 0xBB}, 0, 2, e -> {});
    assertThat(parser.hasPartialEvent()).isTrue();
  }

  // End of input.

  @Test
  void unterminatedEventIsDiscardedAndReported() throws Exception {
    for (String truncated : new String[] {"data: a\n\ndata: b\n", "data: a\n\ndata: b", "data: a\n\nevent: x\n", "data: a\n\n:ping"}) {
      SseParser parser = new SseParser();
      List<ServerSentEvent> out = new ArrayList<>();
      feed(parser, truncated, out);
      assertThat(parser.hasPartialEvent()).as(truncated).isTrue();
      parser.finish(out::add);
      assertThat(out).as(truncated).containsExactly(ev("a"));
      assertThat(parser.hasPartialEvent()).as(truncated).isTrue();
    }
  }

  @Test
  void completeStreamHasNoPartialEvent() throws Exception {
    SseParser parser = new SseParser();
    List<ServerSentEvent> out = new ArrayList<>();
    assertThat(parser.hasPartialEvent()).isFalse();
    feed(parser, "data: a\n", out);
    assertThat(parser.hasPartialEvent()).isTrue();
    feed(parser, "\n", out);
    assertThat(parser.hasPartialEvent()).isFalse();
    parser.finish(out::add);
    parser.finish(out::add); // idempotent
    assertThat(out).containsExactly(ev("a"));
    assertThat(parser.hasPartialEvent()).isFalse();
  }

  @Test
  void unterminatedIdIsNotApplied() throws Exception {
    SseParser parser = new SseParser();
    feed(parser, "id: 1\ndata: a\n\nid: 2", new ArrayList<>());
    parser.finish(e -> {});
    assertThat(parser.lastEventId()).isEqualTo("1");
  }

  @Test
  void feedAfterFinishIsRejected() throws Exception {
    SseParser parser = new SseParser();
    parser.finish(e -> {});
    assertThatThrownBy(() -> parser.feed(new byte[1], 0, 1, e -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  // UTF-8.

  @ParameterizedTest
  @ValueSource(strings = {"é", "€", "😀", "é€😀"})
  void multiByteCharacterSplitAcrossChunksStaysIntact(String text) throws Exception {
    byte[] all = utf8("event: t" + text + "\ndata: x" + text + "y\nid: " + text + "\n\n");
    ServerSentEvent expected = new ServerSentEvent("t" + text, "x" + text + "y", text, -1);
    for (int i = 0; i <= all.length; i++) {
      assertThat(parseBytes(all, i)).as("split at %d", i).containsExactly(expected);
    }
    assertThat(parseByteByByte(all)).containsExactly(expected);
  }

  @Test
  void malformedUtf8BecomesReplacementCharacter() throws Exception {
    byte[] all =
        concat(
            utf8("data: a"), new byte[] {(byte) 0xC3}, utf8("\ndata: "),
            new byte[] {(byte) 0xE2, (byte) 0x82}, utf8("x\ndata: "),
            new byte[] {(byte) 0x80, (byte) 0xFF}, utf8("\n\n"));
    assertThat(parseBytes(all)).containsExactly(ev("a\uFFFD\n\uFFFDx\n\uFFFD\uFFFD"));
    assertThat(parseBytes(concat(utf8("data: "), new byte[] {(byte) 0xF0, (byte) 0x9F}, utf8("\n\n"))))
        .containsExactly(ev("\uFFFD"));
  }

  // A whole stream, split every way.

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void realisticStreamSplitAtEveryByteGivesTheSameEvents(String lineEnding) throws Exception {
    byte[] all = utf8(RESPONSES_STREAM.replace("\n", lineEnding));
    List<ServerSentEvent> expected = parseBytes(all);
    assertThat(expected).hasSize(9);
    assertThat(expected.get(0).event()).isEqualTo("response.created");
    assertThat(expected.get(3))
        .isEqualTo(
            new ServerSentEvent(
                "response.output_text.delta",
                "{\"type\":\"response.output_text.delta\",\"sequence_number\":3,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Café \"}",
                "3",
                -1));
    assertThat(expected.get(4).id()).isEqualTo("3");
    assertThat(expected.get(6).data()).endsWith(",\n \"text\":\"Café costs 3 € 😀\"}");
    assertThat(expected.get(6).retry()).isEqualTo(2500);
    assertThat(expected.get(8)).isEqualTo(new ServerSentEvent(null, "[DONE]", "3", -1));

    for (int i = 0; i <= all.length; i++) {
      assertThat(parseBytes(all, i)).as("split at %d", i).isEqualTo(expected);
    }
    assertThat(parseByteByByte(all)).isEqualTo(expected);
  }

  @Test
  void byteBuffersOfEveryKind() throws Exception {
    byte[] all = utf8(RESPONSES_STREAM);
    List<ServerSentEvent> expected = parseBytes(all);

    ByteBuffer direct = ByteBuffer.allocateDirect(all.length + 20000); // larger than the scratch array
    direct.position(20000);
    direct.put(all).flip().position(20000);
    ByteBuffer heapSlice = ByteBuffer.wrap(concat(new byte[7], all, new byte[5]), 7, all.length).slice();
    ByteBuffer readOnly = ByteBuffer.wrap(all).asReadOnlyBuffer();
    for (ByteBuffer buf : new ByteBuffer[] {direct, heapSlice, readOnly}) {
      SseParser parser = new SseParser();
      List<ServerSentEvent> out = new ArrayList<>();
      parser.feed(buf, out::add);
      parser.finish(out::add);
      assertThat(buf.hasRemaining()).isFalse();
      assertThat(out).isEqualTo(expected);
    }
  }

  // Limits.

  @Test
  void lineLongerThanTheMaximumFails() throws Exception {
    String ok = "data: " + "x".repeat(58); // 64 bytes
    assertThat(parseWithMax(64, ok + "\n\n")).containsExactly(ev("x".repeat(58)));
    assertThat(parseWithMax(64, ok.substring(0, 30), ok.substring(30) + "\n\n")).containsExactly(ev("x".repeat(58)));

    String tooLong = ok + "x";
    assertThatThrownBy(() -> parseWithMax(64, tooLong + "\n\n"))
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("line exceeds 64 bytes");
    assertThatThrownBy(() -> parseWithMax(64, tooLong.substring(0, 40), tooLong.substring(40), "\n\n"))
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("line exceeds 64 bytes");
    // Without a line terminator in sight the limit still applies, so memory stays bounded.
    assertThatThrownBy(() -> parseWithMax(64, ": " + "y".repeat(40), "y".repeat(40)))
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("line exceeds 64 bytes");
  }

  @Test
  void eventLongerThanTheMaximumFails() throws Exception {
    String line = "data: " + "x".repeat(20) + "\n"; // 21 bytes of data each
    assertThat(parseWithMax(64, line.repeat(3) + "\n")).hasSize(1);
    assertThatThrownBy(() -> parseWithMax(64, line.repeat(4) + "\n"))
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("event data exceeds 64 bytes");
  }

  @Test
  void parserIsUnusableAfterAFailure() {
    SseParser parser = new SseParser(8);
    byte[] bytes = utf8("data: 0123456789\n\n");
    assertThatThrownBy(() -> parser.feed(bytes, 0, bytes.length, e -> {})).isInstanceOf(SseFormatException.class);
    assertThatThrownBy(() -> parser.feed(bytes, 0, 1, e -> {})).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SseParser(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bufferBoundsAreChecked() {
    SseParser parser = new SseParser();
    assertThatThrownBy(() -> parser.feed(new byte[4], 3, 2, e -> {})).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void serverSentEventValueSemantics() {
    ServerSentEvent a = new ServerSentEvent("t", "d", "1", 5);
    assertThat(a).isEqualTo(new ServerSentEvent("t", "d", "1", 5)).hasSameHashCodeAs(new ServerSentEvent("t", "d", "1", 5));
    assertThat(a).isNotEqualTo(new ServerSentEvent(null, "d", "1", 5)).isNotEqualTo(new ServerSentEvent("t", "d", "1", -1));
    assertThat(a.toString()).isEqualTo("ServerSentEvent{event=t, id=1, retry=5, data=d}");
    assertThat(ev("z".repeat(1000)).toString()).contains("(1000 chars)").hasSizeLessThan(300);
  }

  // Helpers.

  private static void feed(SseParser parser, String chunk, List<ServerSentEvent> out) throws SseFormatException {
    byte[] b = utf8(chunk);
    parser.feed(b, 0, b.length, out::add);
  }

  private static List<ServerSentEvent> parse(String... chunks) throws SseFormatException {
    return parseWithMax(SseParser.DEFAULT_MAX_SIZE, chunks);
  }

  private static List<ServerSentEvent> parseWithMax(int max, String... chunks) throws SseFormatException {
    SseParser parser = new SseParser(max);
    List<ServerSentEvent> out = new ArrayList<>();
    for (String c : chunks) {
      feed(parser, c, out);
    }
    parser.finish(out::add);
    return out;
  }

  private static List<ServerSentEvent> parseByteByByte(byte[] all) throws SseFormatException {
    SseParser parser = new SseParser();
    List<ServerSentEvent> out = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      byte[] one = {all[i]}; // a fresh array each time, so nothing can depend on earlier chunks
      parser.feed(one, 0, 1, out::add);
    }
    parser.finish(out::add);
    return out;
  }
}
