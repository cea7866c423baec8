package dev.conduit.testing.kit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import dev.conduit.testing.kit.json.ContractTypes.Address;
import dev.conduit.testing.kit.json.ContractTypes.Color;
import dev.conduit.testing.kit.json.ContractTypes.Paint;
import dev.conduit.testing.kit.json.ContractTypes.Person;
import dev.conduit.testing.kit.json.ContractTypes.Primitives;
import dev.conduit.testing.kit.json.ContractTypes.ToolCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract test every {@link JsonCodec} passes. A codec's own test extends it and supplies the
 * codec; JUnit 5 runs every test below against it:
 *
 * <pre>{@code
 * class MoshiJsonCodecTest extends JsonCodecContract {
 *   @Override protected JsonCodec newCodec() { return MoshiJsonCodec.create(); }
 * }
 * }</pre>
 *
 * <p>It covers the JSON tree contract of {@link JsonCodec} (every JSON type, the {@code Long} /
 * {@code Double} boundary, document order, present null versus absent key, escapes, large and deep
 * input), writing and round trips, the failures of bad input (malformed, truncated, empty, trailing
 * data, an HTML error page: always a {@link CodecException} with a useful message), and data binding
 * of the user types in {@link ContractTypes}.
 */
public abstract class JsonCodecContract {
  private @Nullable JsonCodec codec;

  /**
   * Creates the codec under test; called before each test.
   *
   * @return a new codec
   */
  protected abstract JsonCodec newCodec();

  /**
   * Returns the codec of the current test, for a subclass's own tests.
   *
   * @return the codec {@link #newCodec()} made for this test
   */
  protected final JsonCodec codec() {
    if (codec == null) throw new IllegalStateException("codec() is available inside tests only");
    return codec;
  }

  @BeforeEach
  void createCodec() {
    codec = newCodec();
  }

  // ---------------------------------------------------------------------------------------------
  // Reading trees

  @Test
  void readsEveryJsonType() {
    Object tree =
        read("{\"s\":\"x\",\"i\":1,\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,"
            + "\"o\":{\"k\":\"v\"},\"a\":[1,\"two\",null,[],{}]}");

    assertThat(tree)
        .isEqualTo(map("s", "x", "i", 1L, "d", 1.5, "t", true, "f", false, "n", null,
            "o", map("k", "v"), "a", list(1L, "two", null, list(), map())));
  }

  @Test
  void objectsAreMutableLinkedHashMapsAndArraysMutableArrayLists() {
    Map<String, Object> object = asMap(read("{\"a\":[1],\"b\":{}}"));

    assertThat(object).isExactlyInstanceOf(LinkedHashMap.class);
    assertThat(object.get("a")).isExactlyInstanceOf(ArrayList.class);
    assertThat(object.get("b")).isExactlyInstanceOf(LinkedHashMap.class);
    object.put("c", "added");
    asList(object.get("a")).add(2L);
    assertThat(object).isEqualTo(map("a", list(1L, 2L), "b", map(), "c", "added"));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0, 0",
    "7, 7",
    "-42, -42",
    "123456789012345678, 123456789012345678",
    "2147483648, 2147483648",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808",
  })
  void integralNumbersThatFitAreLongs(String json, long expected) {
    assertThat(read(json)).isExactlyInstanceOf(Long.class).isEqualTo(expected);
    assertThat(read("[" + json + "]")).isEqualTo(list(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "9223372036854775808, 9.223372036854775808E18",
    "-9223372036854775809, -9.223372036854775809E18",
    "18446744073709551616, 1.8446744073709551616E19",
    "123456789012345678901234567890, 1.2345678901234568E29",
  })
  void integersBeyondLongAreDoubles(String json, double expected) {
    assertThat(read(json)).isExactlyInstanceOf(Double.class).isEqualTo(expected);
    assertThat(read("{\"n\":" + json + "}")).isEqualTo(map("n", expected));
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, 1.0",
    "-1.0, -1.0",
    "1e3, 1000.0",
    "1E3, 1000.0",
    "1e+3, 1000.0",
    "2.5E2, 250.0",
    "1.5e-3, 0.0015",
    "0.1, 0.1",
    "-0.0, -0.0",
    "3.141592653589793, 3.141592653589793",
    "1.7976931348623157e308, 1.7976931348623157E308",
    "4.9e-324, 4.9E-324",
  })
  void fractionsAndExponentsAreDoubles(String json, double expected) {
    assertThat(read(json)).isExactlyInstanceOf(Double.class).isEqualTo(expected);
  }

  @Test
  void readsTopLevelScalars() {
    assertThat(read("\"text\"")).isEqualTo("text");
    assertThat(read("true")).isEqualTo(Boolean.TRUE);
    assertThat(read("false")).isEqualTo(Boolean.FALSE);
    assertThat(read("42")).isEqualTo(42L);
    assertThat(read("null")).isNull();
  }

  @Test
  void keepsDocumentOrder() {
    List<String> keys = new ArrayList<>();
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 60; i++) {
      String key = "k" + (i * 37 % 60);
      keys.add(key);
      json.append(i == 0 ? "" : ",").append('"').append(key).append("\":").append(i);
    }
    Map<String, Object> object = asMap(read(json.append('}').toString()));

    assertThat(new ArrayList<>(object.keySet())).containsExactlyElementsOf(keys);
    assertThat(asList(read("[3,1,2,\"b\",\"a\"]"))).containsExactly(3L, 1L, 2L, "b", "a");
  }

  @Test
  void keepsPresentNullApartFromAbsentKey() {
    Map<String, Object> object = asMap(read("{\"present\":null,\"other\":1}"));

    assertThat(object).containsKey("present").doesNotContainKey("absent").hasSize(2);
    assertThat(object.get("present")).isNull();
  }

  @Test
  void repeatedKeyKeepsTheLastValue() {
    assertThat(read("{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo(map("a", 3L, "b", 2L));
  }

  @Test
  void acceptsWhitespaceAroundAndInsideTheValue() {
    assertThat(read(" \n\t\r {\r\n \"a\" : [ 1 , 2 ] ,\t\"b\" : null } \n\n"))
        .isEqualTo(map("a", list(1L, 2L), "b", null));
  }

  @Test
  void decodesStringEscapes() {
    assertThat(read("\"q\\\" b\\\\ s\\/ b\\b f\\f n\\n r\\r t\\t\""))
        .isEqualTo("q\" b\\ s/ b\b f\f n\n r\r t\t");
  }

  @Test
  void decodesUnicodeEscapesIncludingSurrogatePairs() {
    String text = (String) read("\"\\u00e9\\u4E2D\\ud83d\\ude00\\u0000\\u001F\"");

    assertThat(text).isEqualTo("é中😀\u0000\u001f");
    assertThat(text.codePoints().toArray()).containsExactly(0xe9, 0x4e2d, 0x1f600, 0, 0x1f);
    assertThat(read("{\"\\u006b\\u00e9y\":\"\\uD834\\uDD1E\"}")).isEqualTo(map("kéy", "𝄞"));
  }

  @Test
  void readsRawUtf8() {
    assertThat(read("{\"ünïcödé\":\"héllo 中文 😀 𝄞\"}"))
        .isEqualTo(map("ünïcödé", "héllo 中文 😀 𝄞"));
  }

  @Test
  void readsLargeStringsAndArrays() {
    String large = "é0123456789abcdef😀".repeat(60_000); // about 1.3 MB of UTF-8
    assertThat(read("{\"s\":\"" + large + "\"}")).isEqualTo(map("s", large));

    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 100_000; i++) json.append(i == 0 ? "" : ",").append(i);
    List<Object> array = asList(read(json.append(']').toString()));
    assertThat(array).hasSize(100_000);
    assertThat(array.get(99_999)).isEqualTo(99_999L);
  }

  @Test
  void readsModerateNesting() {
    int depth = 100;
    Object tree = read("[".repeat(depth) + "\"deep\"" + "]".repeat(depth));
    for (int i = 0; i < depth; i++) {
      assertThat(tree).isInstanceOf(List.class);
      tree = asList(tree).get(0);
    }
    assertThat(tree).isEqualTo("deep");
    assertThat(read("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))).isNotNull();
  }

  @Test
  void rejectsExcessiveNestingWithCodecException() {
    assertRejected("[".repeat(100_000) + "]".repeat(100_000)).isNotBlank();
    assertRejected("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)).isNotBlank();
  }

  @Test
  void readTreeDoesNotCloseTheStream() throws IOException {
    TrackingInputStream in = new TrackingInputStream(utf8("{\"a\":1}"));

    assertThat(codec().readTree(in)).isEqualTo(map("a", 1L));
    assertThat(in.closed).isFalse();
  }

  @Test
  void readTreeLetsIoFailuresOfTheStreamThrough() {
    InputStream failing = new FilterInputStream(new ByteArrayInputStream(utf8("{\"a\":"))) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n == -1) throw new IOException("connection reset");
        return n;
      }

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b == -1) throw new IOException("connection reset");
        return b;
      }
    };

    Throwable thrown = catchThrowable(() -> codec().readTree(failing));
    assertThat(thrown).isInstanceOf(IOException.class).hasMessage("connection reset");
  }

  // ---------------------------------------------------------------------------------------------
  // Bad input

  @Test
  void rejectsEmptyInput() {
    assertRejected("").containsIgnoringCase("empty");
    assertRejected(" \n\t ").isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "[1,2", "[1,2,", "\"abc",
    "{\"a\":\"b", "{\"a\":[1,{\"b\":\"c", "\"\\u00", "\"esc\\", "tru", "{\"a\":fals", "[nul",
  })
  void rejectsTruncatedInputSayingItEndedEarly(String json) {
    assertThat(rejectionMessage(json).toLowerCase(Locale.ROOT))
        .as("message for %s", json)
        .containsAnyOf("ended early", "end of input", "truncated", "unexpected end");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{a:1}", "{'a':1}", "['a']", "[1 2]", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":1,}", "[1,]",
    "[,1]", "{,}", "01", "-", ".5", "+1", "1.e5", "NaN", "Infinity", "-Infinity", "[undefined]",
    "// comment\n1", "/* comment */ 1", "# comment\n1", "]", "}", ":", ",", "\"\\x\"",
    "\"\\u12G4\"", "{\"a\":}", "{\"a\"::1}", "[1:2]", "{1:2}", "{\"a\":1]", "[1}",
  })
  void rejectsMalformedInput(String json) {
    assertRejected(json).isNotBlank();
  }

  @Test
  void malformedInputNamesTheJsonPath() {
    assertRejected("{\"a\":{\"b\":[1,2,x]}}").contains("$.a.b[2]");
    assertRejected("{\"first\":true,\"second\":{\"x\":nope}}").contains("$.second.x");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"a\":1} x", "{}{}", "{} {}", "1 2", "[] ]", "\"a\" \"b\"", "null null", "true,",
    "{\"a\":1}\n{\"b\":2}", "{\"a\":1}}", "[1]]", "0 <html>",
  })
  void rejectsTrailingDataAfterTheValue(String json) {
    assertRejected(json).containsIgnoringCase("trailing");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
        + "<body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>\n",
    "<html><body>Service Unavailable</body></html>",
    "  \n<HTML>\n<HEAD><TITLE>Error</TITLE></HEAD></HTML>",
  })
  void rejectsAnHtmlErrorPageWithAMessageThatSaysSo(String html) {
    assertRejected(html).containsIgnoringCase("html");
  }

  @Test
  void rejectsPlainText() {
    assertRejected("Internal Server Error").isNotBlank();
    assertRejected("upstream connect error or disconnect/reset before headers").isNotBlank();
  }

  // ---------------------------------------------------------------------------------------------
  // Writing trees

  @Test
  void writesCompactJsonInMapOrder() {
    Map<String, Object> tree = map("s", "x", "i", 1L, "d", 1.5, "t", true, "f", false, "n", null,
        "o", map("z", 1L, "a", 2L), "a", list(1L, "two", null, list(), map()));

    assertThat(write(tree)).isEqualTo("{\"s\":\"x\",\"i\":1,\"d\":1.5,\"t\":true,\"f\":false,"
        + "\"n\":null,\"o\":{\"z\":1,\"a\":2},\"a\":[1,\"two\",null,[],{}]}");
  }

  @Test
  void writesIntegralNumbersWithoutAFraction() {
    assertThat(write(list(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE)))
        .isEqualTo("[0,1,-1,9223372036854775807,-9223372036854775808]");
    assertThat(write(list(7, (short) -3, (byte) 12, Integer.MIN_VALUE)))
        .isEqualTo("[7,-3,12,-2147483648]");
    assertThat(write(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.0, -1.0, 0.1, 1.5, -0.0, 0.0, 1e300, -2.5e-300, 4.9e-324,
      1.7976931348623157e308, 123456.789, 9.223372036854775808E18})
  void writesDoublesSoThatTheyReadBackAsTheSameDouble(double value) {
    String json = write(value);

    assertThat(json).doesNotContain(" ");
    assertThat(read(json)).isExactlyInstanceOf(Double.class).isEqualTo(value);
    assertThat(read(write(list(value)))).isEqualTo(list(value));
  }

  @Test
  void writesFloatsAndBigDecimalsAsNumbers() {
    assertThat(write(0.1f)).isEqualTo("0.1");
    assertThat(read(write(1.0f))).isEqualTo(1.0);
    assertThat(read(write(new BigDecimal("12.50")))).isEqualTo(12.5);
    assertThat(read(write(new BigDecimal("1E+3")))).isEqualTo(1000.0);
    assertThat(read(write(map("price", new BigDecimal("0.000001"))))).isEqualTo(map("price", 1e-6));
  }

  @Test
  void rejectsNonFiniteNumbers() {
    for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Float.NaN, Float.POSITIVE_INFINITY)) {
      assertWriteRejected(bad).isNotBlank();
      assertWriteRejected(map("a", list(1L, bad))).isNotBlank();
    }
  }

  @Test
  void rejectsValuesOutsideTheTreeNamingTheirClass() {
    assertWriteRejected(new Object()).contains("Object");
    assertWriteRejected(map("when", Instant.EPOCH)).contains("Instant");
    assertWriteRejected(list(new Address("Paris", "75001"))).contains("Address");
    assertWriteRejected(map("c", 'c')).contains("Character");
    assertWriteRejected(new int[] {1}).isNotBlank();
  }

  @Test
  void rejectsMapKeysThatAreNotStrings() {
    Map<Object, Object> tree = new LinkedHashMap<>();
    tree.put(1, "one");
    assertWriteRejected(tree).isNotBlank();
    Map<Object, Object> nullKey = new LinkedHashMap<>();
    nullKey.put(null, "none");
    assertWriteRejected(map("nested", nullKey)).isNotBlank();
  }

  @Test
  void rejectsATreeThatContainsItself() {
    Map<String, Object> cyclic = new LinkedHashMap<>();
    cyclic.put("self", cyclic);
    assertWriteRejected(cyclic).isNotBlank();
  }

  @Test
  void writesTopLevelScalarsAndNull() {
    assertThat(write(null)).isEqualTo("null");
    assertThat(write("x")).isEqualTo("\"x\"");
    assertThat(write(true)).isEqualTo("true");
    assertThat(write(5L)).isEqualTo("5");
  }

  @Test
  void writesNullsInsideObjectsAndArrays() {
    assertThat(write(map("a", null, "b", list(null, null)))).isEqualTo("{\"a\":null,\"b\":[null,null]}");
  }

  @Test
  void escapesStringsSoThatTheyReadBack() {
    String text = "q\" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f \u007f é中 😀 \u2028\u2029 </script>";
    String json = write(map(text, text));

    for (char c : json.toCharArray()) assertThat((int) c).as("raw control char in %s", json).isGreaterThanOrEqualTo(0x20);
    assertThat(read(json)).isEqualTo(map(text, text));
  }

  @Test
  void acceptsAnyMapAndListImplementation() {
    Map<String, Object> sorted = new TreeMap<>(Map.of("b", 2L, "a", 1L));
    Object tree = map("sorted", sorted, "immutable", List.of("x"), "linked", new LinkedList<>(List.of(1L)),
        "empty", Collections.emptyMap(), "view", Collections.unmodifiableList(Arrays.asList(1, 2)));

    assertThat(write(tree)).isEqualTo("{\"sorted\":{\"a\":1,\"b\":2},\"immutable\":[\"x\"],"
        + "\"linked\":[1],\"empty\":{},\"view\":[1,2]}");
  }

  @Test
  void writeTreeFlushesIntoTheStreamAndLeavesItOpen() throws IOException {
    TrackingOutputStream out = new TrackingOutputStream();
    Object tree = map("a", list(1L, "b"));

    codec().writeTree(tree, out);

    assertThat(out.closed).isFalse();
    assertThat(out.toString(UTF_8)).isEqualTo("{\"a\":[1,\"b\"]}");
    assertThat(codec().writeTreeToBytes(tree)).isEqualTo(out.toByteArray());
  }

  // ---------------------------------------------------------------------------------------------
  // Round trips

  @ParameterizedTest
  @ValueSource(strings = {
    "{}", "[]", "null", "true", "0", "-1", "9223372036854775807", "-9223372036854775808", "1.5",
    "-0.25", "\"\"", "\"text\"", "{\"a\":null}", "[null,true,false]", "{\"z\":1,\"a\":2,\"m\":3}",
    "{\"id\":\"resp_1\",\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\","
        + "\"text\":\"Hi\",\"annotations\":[]}]}],\"usage\":{\"input_tokens\":10,\"total\":2.5}}",
    "[[[[[]]]],{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}]",
    "{\"unicode\":\"é中😀\"}",
  })
  void roundTripsCompactDocumentsExactly(String json) {
    assertThat(write(read(json))).isEqualTo(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    " { \"a\" : 1e3 , \"b\" : [ 1.0 , -0 , 2E-2 ] } ",
    "\"\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\/\"",
    "{\"big\":9223372036854775808,\"small\":-9223372036854775809,\"tiny\":4.9e-324}",
    "[1.7976931348623157e308,0.1,100000000000000000000000]",
  })
  void roundTripsOtherDocumentsSemantically(String json) {
    Object tree = read(json);
    assertThat(read(write(tree))).isEqualTo(tree);
  }

  // ---------------------------------------------------------------------------------------------
  // Data binding: decode

  private static final String ADA_JSON =
      "{\"name\":\"Ada\",\"age\":36,\"address\":{\"city\":\"London\",\"postcode\":\"W1\"},"
          + "\"nickname\":\"Countess\",\"tags\":[\"math\",\"poetry\"]}";
  private static final Person ADA =
      new Person("Ada", 36, new Address("London", "W1"), "Countess", List.of("math", "poetry"));

  @Test
  void decodesARecordWithANestedRecord() {
    assertThat(decodeAs(ADA_JSON, Person.class)).isEqualTo(ADA);
    assertThat(codec().<Person>decode(utf8(ADA_JSON), Person.class)).isEqualTo(ADA);
  }

  @Test
  void decodesFromAStream() throws IOException {
    Person person = codec().decode(new ByteArrayInputStream(utf8(ADA_JSON)), Person.class);
    assertThat(person).isEqualTo(ADA);
  }

  @Test
  void decodesAListOfRecords() {
    String json = "[" + ADA_JSON + ",{\"name\":\"Alan\",\"age\":41,"
        + "\"address\":{\"city\":\"Wilmslow\",\"postcode\":\"SK9\"},\"tags\":[]}]";

    List<Person> people = decode(json, new TypeRef<List<Person>>() {}.type());

    assertThat(people).containsExactly(ADA,
        new Person("Alan", 41, new Address("Wilmslow", "SK9"), null, List.of()));
  }

  @Test
  void decodesEnumsByConstantName() {
    Paint paint = decode("{\"name\":\"Signal\",\"color\":\"RED\",\"coats\":2}", Paint.class);
    assertThat(paint).isEqualTo(new Paint("Signal", Color.RED, 2));
    assertThat(this.<Color>decode("\"BLUE\"", Color.class)).isEqualTo(Color.BLUE);
  }

  @Test
  void absentAndNullNullableComponentsAreNull() {
    assertThat(decodeAs("{\"name\":\"Sky\",\"color\":\"BLUE\"}", Paint.class))
        .isEqualTo(new Paint("Sky", Color.BLUE, null));
    assertThat(decodeAs("{\"name\":\"Sky\",\"color\":\"BLUE\",\"coats\":null}", Paint.class))
        .isEqualTo(new Paint("Sky", Color.BLUE, null));
    assertThat(decodeAs("{\"name\":\"A\",\"age\":1,\"address\":null,\"tags\":[]}", Person.class))
        .isEqualTo(new Person("A", 1, null, null, List.of()));
  }

  @Test
  void ignoresUnknownFields() {
    String json = "{\"name\":\"Sky\",\"unknown\":{\"deep\":[1,{\"x\":null}]},\"color\":\"GREEN\","
        + "\"more\":[true,\"s\",1.5],\"last\":null}";
    assertThat(decodeAs(json, Paint.class)).isEqualTo(new Paint("Sky", Color.GREEN, null));
  }

  @Test
  void decodesFreeFormTypesToTheTreeForm() {
    String json = "{\"n\":1,\"d\":2.5,\"big\":9223372036854775808,\"o\":{\"k\":[1,null]},\"s\":\"x\"}";
    Map<String, Object> expected =
        map("n", 1L, "d", 2.5, "big", 9.223372036854775808E18, "o", map("k", list(1L, null)), "s", "x");

    Map<String, Object> typed = decode(json, new TypeRef<Map<String, Object>>() {}.type());
    assertThat(typed).isExactlyInstanceOf(LinkedHashMap.class).isEqualTo(expected);
    assertThat(asMap(typed.get("o"))).isExactlyInstanceOf(LinkedHashMap.class);
    assertThat(this.<Object>decode(json, Object.class)).isEqualTo(expected);
    assertThat(this.<Object>decode(json, Map.class)).isEqualTo(expected);
    assertThat(this.<Object>decode(json, new TypeRef<Map<String, ?>>() {}.type())).isEqualTo(expected);

    List<Object> array = decode("[1,2.0,\"3\",[4]]", new TypeRef<List<Object>>() {}.type());
    assertThat(array).isExactlyInstanceOf(ArrayList.class).containsExactly(1L, 2.0, "3", list(4L));
    assertThat(this.<Object>decode("7", Object.class)).isEqualTo(7L);
  }

  @Test
  void recordComponentsOfFreeFormTypesUseTheTreeForm() {
    String json = "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\",\"days\":3,"
        + "\"units\":{\"temp\":\"C\"},\"threshold\":0.5},\"extra\":[10,20]}";

    ToolCall call = decode(json, ToolCall.class);

    assertThat(call.arguments()).isEqualTo(
        map("city", "Paris", "days", 3L, "units", map("temp", "C"), "threshold", 0.5));
    assertThat(call.extra()).isEqualTo(list(10L, 20L));
  }

  @Test
  void decodesStringsListsAndPrimitives() {
    assertThat(this.<List<String>>decode("[\"a\",\"b\"]", new TypeRef<List<String>>() {}.type()))
        .containsExactly("a", "b");
    assertThat(this.<String>decode("\"s\"", String.class)).isEqualTo("s");
    assertThat(this.<Integer>decode("42", int.class)).isEqualTo(42);
    assertThat(this.<Long>decode("9223372036854775807", long.class)).isEqualTo(Long.MAX_VALUE);
    assertThat(this.<Double>decode("2.5", double.class)).isEqualTo(2.5);
    assertThat(this.<Boolean>decode("true", boolean.class)).isTrue();
    assertThat(this.<Integer>decode("42", Integer.class)).isEqualTo(42);
    assertThat(decodeAs("{\"i\":-7,\"l\":9007199254740993,\"d\":1e-3,\"b\":false}", Primitives.class))
        .isEqualTo(new Primitives(-7, 9007199254740993L, 0.001, false));
  }

  @Test
  void decodesJsonNullToNullForReferenceTypes() {
    assertThat(this.<Object>decode("null", Person.class)).isNull();
    assertThat(this.<Object>decode("null", String.class)).isNull();
    assertThat(this.<Object>decode("null", new TypeRef<Map<String, Object>>() {}.type())).isNull();
  }

  @Test
  void typeMismatchNamesTheJsonPath() {
    assertDecodeRejected("{\"name\":{\"first\":\"Ada\"},\"age\":36}", Person.class).contains("$.name");
    assertDecodeRejected("{\"name\":\"Ada\",\"age\":\"old\"}", Person.class).contains("$.age");
    assertDecodeRejected("{\"name\":\"Ada\",\"age\":1,\"tags\":\"math\"}", Person.class).contains("$.tags");
    assertDecodeRejected("{\"name\":\"Sky\",\"color\":\"PURPLE\"}", Paint.class).contains("$.color");
    assertDecodeRejected(
            "[" + ADA_JSON + ",{\"name\":\"B\",\"age\":1,\"address\":{\"city\":[\"x\"]},\"tags\":[]}]",
            new TypeRef<List<Person>>() {}.type())
        .contains("$[1].address.city");
  }

  @Test
  void rejectsAMissingOrNullPrimitive() {
    assertDecodeRejected("{\"name\":\"Ada\",\"tags\":[]}", Person.class).contains("age");
    assertDecodeRejected("{\"name\":\"Ada\",\"age\":null,\"tags\":[]}", Person.class).contains("$.age");
    assertDecodeRejected("null", int.class).isNotBlank();
  }

  @Test
  void rejectsTheWrongShapeForFreeFormTypes() {
    assertDecodeRejected("[1]", new TypeRef<Map<String, Object>>() {}.type()).isNotBlank();
    assertDecodeRejected("{\"a\":1}", new TypeRef<List<Object>>() {}.type()).isNotBlank();
    assertDecodeRejected("{\"name\":\"x\",\"arguments\":[1]}", ToolCall.class).contains("$.arguments");
    assertDecodeRejected("\"text\"", Person.class).isNotBlank();
  }

  @Test
  void decodeRejectsBadInput() {
    assertDecodeRejected("", Person.class).containsIgnoringCase("empty");
    assertDecodeRejected("{\"name\":\"Ada\",\"age\":", Person.class).isNotBlank();
    assertDecodeRejected(ADA_JSON + " {}", Person.class).containsIgnoringCase("trailing");
    assertDecodeRejected("<html><body>Bad Gateway</body></html>", Person.class)
        .containsIgnoringCase("html");
    assertDecodeRejected("{name:\"Ada\"}", Person.class).isNotBlank();
  }

  // ---------------------------------------------------------------------------------------------
  // Data binding: encode

  @Test
  void encodesRecordsWritingNullComponents() {
    Person person = new Person("Ada", 36, new Address("London", "W1"), null, List.of("math"));

    Object tree = read(encode(person));

    assertThat(tree).isEqualTo(map("name", "Ada", "age", 36L,
        "address", map("city", "London", "postcode", "W1"), "nickname", null, "tags", list("math")));
    assertThat(asMap(tree)).containsKey("nickname");
    assertThat(this.<Person>decode(encode(person), Person.class)).isEqualTo(person);
  }

  @Test
  void encodesListsOfRecordsAndEnums() {
    List<Paint> paints = List.of(new Paint("A", Color.RED, 1), new Paint("B", Color.GREEN, null));

    String json = encode(paints);

    assertThat(read(json)).isEqualTo(list(map("name", "A", "color", "RED", "coats", 1L),
        map("name", "B", "color", "GREEN", "coats", null)));
    assertThat(this.<List<Paint>>decode(json, new TypeRef<List<Paint>>() {}.type())).isEqualTo(paints);
    assertThat(encode(Color.BLUE)).isEqualTo("\"BLUE\"");
  }

  @Test
  void encodesTreesExactlyAsWriteTreeDoes() {
    Object tree = map("s", "x", "i", 1L, "d", 1.5, "n", null, "a", list(1, 2.5f, true, map()),
        "big", new BigInteger("99999999999999999999"));

    assertThat(encode(tree)).isEqualTo(write(tree));
    assertThat(codec().encodeToBytes(tree)).isEqualTo(codec().writeTreeToBytes(tree));
  }

  @Test
  void encodesMapsAndListsThatHoldRecords() {
    Map<String, Object> tree = map("person", ADA, "paints", list(new Paint("A", Color.RED, null)));

    assertThat(read(encode(tree))).isEqualTo(map(
        "person", read(encode(ADA)),
        "paints", list(map("name", "A", "color", "RED", "coats", null))));
  }

  @Test
  void encodesRecordsWithFreeFormComponents() {
    ToolCall call = new ToolCall("f", map("n", 1L, "list", list("a", null), "d", 0.5), null);

    String json = encode(call);

    assertThat(read(json)).isEqualTo(
        map("name", "f", "arguments", map("n", 1L, "list", list("a", null), "d", 0.5), "extra", null));
    assertThat(this.<ToolCall>decode(json, ToolCall.class)).isEqualTo(call);
  }

  @Test
  void encodesScalarsAndNull() {
    assertThat(encode(null)).isEqualTo("null");
    assertThat(encode("x")).isEqualTo("\"x\"");
    assertThat(encode(5)).isEqualTo("5");
    assertThat(encode(5L)).isEqualTo("5");
    assertThat(encode(2.5)).isEqualTo("2.5");
    assertThat(encode(false)).isEqualTo("false");
  }

  @Test
  void encodeRejectsNonFiniteNumbers() {
    Throwable thrown = catchThrowable(() -> codec().encodeToBytes(map("x", Double.NaN)));
    assertThat(thrown).isInstanceOf(CodecException.class);
    Throwable inRecord = catchThrowable(
        () -> codec().encodeToBytes(new Primitives(1, 2, Double.POSITIVE_INFINITY, true)));
    assertThat(inRecord).isInstanceOf(CodecException.class);
  }

  @Test
  void encodeFlushesIntoTheStreamAndLeavesItOpen() throws IOException {
    TrackingOutputStream out = new TrackingOutputStream();

    codec().encode(ADA, out);

    assertThat(out.closed).isFalse();
    assertThat(out.toByteArray()).isEqualTo(codec().encodeToBytes(ADA));
    assertThat(this.<Person>decode(out.toString(UTF_8), Person.class)).isEqualTo(ADA);
  }

  // ---------------------------------------------------------------------------------------------
  // Thread safety

  @Test
  void oneCodecServesManyThreads() throws Exception {
    JsonCodec shared = codec();
    Type listOfPeople = new TypeRef<List<Person>>() {}.type();
    byte[] people = utf8("[" + ADA_JSON + "," + ADA_JSON + "]");
    Callable<Void> work = () -> {
      for (int i = 0; i < 300; i++) {
        assertThat(shared.<List<Person>>decode(people, listOfPeople)).containsExactly(ADA, ADA);
        Object tree = shared.readTree(people);
        assertThat(shared.readTree(shared.writeTreeToBytes(tree))).isEqualTo(tree);
        assertThat(shared.<Person>decode(shared.encodeToBytes(ADA), Person.class)).isEqualTo(ADA);
      }
      return null;
    };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Void>> results = pool.invokeAll(Collections.nCopies(4, work));
      for (Future<Void> result : results) result.get(); // rethrows a failed assertion
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Reads {@code json} from a byte array and from a stream; both must give the same tree. */
  private @Nullable Object read(String json) {
    Object fromBytes = codec().readTree(utf8(json));
    Object fromStream;
    try {
      fromStream = codec().readTree(new ByteArrayInputStream(utf8(json)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(fromStream).as("readTree(InputStream) versus readTree(byte[])").isEqualTo(fromBytes);
    return fromBytes;
  }

  /** Writes {@code tree} to a stream and to a byte array; both must give the same JSON. */
  private String write(@Nullable Object tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      codec().writeTree(tree, out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(codec().writeTreeToBytes(tree)).isEqualTo(out.toByteArray());
    return out.toString(UTF_8);
  }

  private <T> T decode(String json, Type type) {
    return codec().decode(utf8(json), type);
  }

  private <T> T decodeAs(String json, Class<T> type) {
    return codec().decode(utf8(json), type);
  }

  private String encode(@Nullable Object value) {
    return new String(codec().encodeToBytes(value), UTF_8);
  }

  /** Asserts that both readTree variants reject {@code json}; returns an assert on the message. */
  private AbstractStringAssert<?> assertRejected(String json) {
    return assertThat(rejectionMessage(json)).as("message of readTree of %s", abbreviate(json));
  }

  /** Asserts that both readTree variants reject {@code json}; returns the message. */
  private String rejectionMessage(String json) {
    String description = "readTree of " + abbreviate(json);
    codecFailure(() -> codec().readTree(new ByteArrayInputStream(utf8(json))), description);
    return codecFailure(() -> codec().readTree(utf8(json)), description).getMessage();
  }

  private AbstractStringAssert<?> assertWriteRejected(@Nullable Object tree) {
    String description = "writeTree of " + abbreviate(String.valueOf(tree));
    codecFailure(() -> codec().writeTree(tree, new ByteArrayOutputStream()), description);
    return assertThat(codecFailure(() -> codec().writeTreeToBytes(tree), description).getMessage())
        .as("message of %s", description);
  }

  private AbstractStringAssert<?> assertDecodeRejected(String json, Type type) {
    String description = "decode of " + abbreviate(json) + " as " + type.getTypeName();
    codecFailure(() -> codec().decode(new ByteArrayInputStream(utf8(json)), type), description);
    return assertThat(codecFailure(() -> codec().decode(utf8(json), type), description).getMessage())
        .as("message of %s", description);
  }

  private static CodecException codecFailure(ThrowingCallable call, String description) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as(description).isInstanceOf(CodecException.class);
    assertThat(thrown.getMessage()).as("message of %s", description).isNotBlank();
    return (CodecException) thrown;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }

  /** Builds a mutable, ordered map that allows null values: {@code map("k1", v1, "k2", v2)}. */
  private static Map<String, Object> map(@Nullable Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Builds a mutable list that allows nulls. */
  private static List<Object> list(@Nullable Object... elements) {
    return new ArrayList<>(Arrays.asList(elements));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(@Nullable Object tree) {
    assertThat(tree).isInstanceOf(Map.class);
    return (Map<String, Object>) tree;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(@Nullable Object tree) {
    assertThat(tree).isInstanceOf(List.class);
    return (List<Object>) tree;
  }

  /** Captures a generic type: {@code new TypeRef<List<Person>>() {}.type()}. */
  private abstract static class TypeRef<T> {
    Type type() {
      return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
    }
  }

  private static final class TrackingInputStream extends FilterInputStream {
    boolean closed;

    TrackingInputStream(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  private static final class TrackingOutputStream extends FilterOutputStream {
    boolean closed;

    TrackingOutputStream() {
      super(new ByteArrayOutputStream());
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }

    byte[] toByteArray() {
      return ((ByteArrayOutputStream) out).toByteArray();
    }

    String toString(Charset charset) {
      return new String(toByteArray(), charset);
    }
  }
}
