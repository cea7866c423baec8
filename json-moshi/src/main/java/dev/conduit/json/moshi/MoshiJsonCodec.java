package dev.conduit.json.moshi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import dev.conduit.json.moshi.internal.Bindings;
import dev.conduit.json.moshi.internal.JsonDocuments;
import dev.conduit.json.moshi.internal.TreeReader;
import dev.conduit.json.moshi.internal.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JsonCodec} on <a href="https://github.com/square/moshi">Moshi</a>.
 *
 * <p>Conduit finds it on its own when {@code conduit-json-moshi} is on the class path (through {@link
 * MoshiJsonCodecProvider}, name {@code "moshi"}). Create one yourself to bring your own Moshi adapters
 * for the user types you decode in structured outputs and tool calls:
 *
 * <pre>{@code
 * Moshi moshi = new Moshi.Builder().add(Instant.class, new InstantAdapter()).build();
 * JsonCodec codec = MoshiJsonCodec.create(moshi);
 * Appointment a = codec.decode(json, Appointment.class);   // a record with an Instant component
 * }</pre>
 *
 * <p>What it binds:
 *
 * <ul>
 *   <li>JSON trees ({@link #readTree}, {@link #writeTree}) by a hand-written walk over Moshi's
 *       streaming reader, exactly as {@link JsonCodec} specifies: integers as {@code Long} without a
 *       round trip through {@code double}, other numbers as {@code Double}, objects as {@code
 *       LinkedHashMap} in document order. A repeated key keeps its last value. Numbers beyond the range
 *       of a {@code double} are refused.
 *   <li>{@code Object}, {@code Map<String, Object>} and {@code List<Object>} decode to that same tree
 *       form, also inside records, and not to Moshi's default of a {@code Double} for every number.
 *   <li>Java records (by component name; unknown fields are skipped, absent components are null, an
 *       absent primitive is an error), enums by constant name (or {@code @Json(name)}), strings,
 *       primitives, lists, maps, and whatever your own Moshi adapters bind.
 *   <li>Kotlin classes only through a Moshi you configured for them; without one, decoding names
 *       {@code conduit-kotlin}, because Moshi cannot bind them without kotlin-reflect.
 * </ul>
 *
 * <p>Input must hold exactly one JSON value, with optional whitespace around it. Malformed, truncated,
 * empty input, trailing data, and data that does not fit the type all raise {@link CodecException},
 * whose message names the JSON path and quotes a few bytes of the input near the failure. Moshi reads
 * strictly: no comments, single quotes or unquoted names; it accepts upper-case {@code TRUE}, {@code
 * FALSE} and {@code NULL}. Output is compact JSON; a null value inside an object is written, not
 * skipped.
 *
 * <p>Instances are immutable and thread-safe; adapters are looked up once per type and cached.
 */
public final class MoshiJsonCodec implements JsonCodec {
  private static final String TREE = "a JSON value";

  private final Bindings bindings;

  private MoshiJsonCodec(Moshi.Builder builder) {
    this.bindings = new Bindings(builder);
  }

  /**
   * Returns a codec with Moshi's built-in adapters.
   *
   * @return a new codec
   */
  public static MoshiJsonCodec create() {
    return new MoshiJsonCodec(new Moshi.Builder());
  }

  /**
   * Returns a codec that uses the adapters of {@code moshi} for user types. Its adapters come first,
   * except that {@code Object}, {@code Map<String, Object>} and {@code List<Object>} at the top level
   * always decode to the JSON tree form, and that {@link #readTree} and {@link #writeTree} never use
   * Moshi's data binding at all. {@code moshi} itself is not changed.
   *
   * @param moshi a Moshi configured with the user's adapters and factories
   * @return a new codec
   */
  public static MoshiJsonCodec create(Moshi moshi) {
    Objects.requireNonNull(moshi, "moshi == null");
    return new MoshiJsonCodec(moshi.newBuilder());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads {@code in} to its end, to make sure nothing follows the value.
   */
  @Override
  public @Nullable Object readTree(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in == null");
    return JsonDocuments.read(Okio.buffer(Okio.source(in)), TreeReader::read, TREE);
  }

  @Override
  public @Nullable Object readTree(byte[] json) {
    Objects.requireNonNull(json, "json == null");
    try {
      return JsonDocuments.read(new Buffer().write(json), TreeReader::read, TREE);
    } catch (IOException e) {
      throw new AssertionError("an okio Buffer does not fail", e);
    }
  }

  @Override
  public void writeTree(@Nullable Object tree, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out == null");
    write(TreeWriter.strict(), tree, out);
  }

  @Override
  public byte[] writeTreeToBytes(@Nullable Object tree) {
    return JsonDocuments.writeToBytes(TreeWriter.strict(), tree);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads {@code in} to its end, to make sure nothing follows the value. A JSON {@code null} decodes
   * to {@code null} for every reference type.
   *
   * @throws CodecException also if Moshi cannot bind {@code type} at all (for example a platform class
   *     without an adapter, or a Kotlin class)
   */
  @Override
  public <T> T decode(InputStream in, Type type) throws IOException {
    Objects.requireNonNull(in, "in == null");
    return decode(Okio.buffer(Okio.source(in)), type);
  }

  @Override
  public <T> T decode(byte[] json, Type type) {
    Objects.requireNonNull(json, "json == null");
    try {
      return decode(new Buffer().write(json), type);
    } catch (IOException e) {
      throw new AssertionError("an okio Buffer does not fail", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Maps, lists (any {@code Collection}), strings, numbers and booleans are written as in {@link
   * #writeTree}; any other value through Moshi's adapter for its runtime class, so a map may hold
   * records.
   */
  @Override
  public void encode(@Nullable Object value, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out == null");
    write(bindings.encodingWriter(), value, out);
  }

  @Override
  public byte[] encodeToBytes(@Nullable Object value) {
    return JsonDocuments.writeToBytes(bindings.encodingWriter(), value);
  }

  @Override
  public String toString() {
    return "MoshiJsonCodec";
  }

  @SuppressWarnings("unchecked") // the adapter for type produces T
  private <T> T decode(BufferedSource source, Type type) throws IOException {
    Objects.requireNonNull(type, "type == null");
    JsonAdapter<@Nullable Object> adapter = bindings.adapter(type);
    return (T) JsonDocuments.read(source, adapter::fromJson, type);
  }

  private static void write(TreeWriter writer, @Nullable Object value, OutputStream out)
      throws IOException {
    BufferedSink sink = Okio.buffer(Okio.sink(out));
    JsonDocuments.write(sink, writer, value); // flushes into out; never closes it
  }
}
