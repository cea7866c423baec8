package dev.conduit.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Turns JSON bytes into objects and back. This is the whole JSON SPI.
 *
 * <p>Conduit's own models never meet a JSON library's data binding: they are views over a <em>JSON
 * tree</em>, the plain-Java form of a JSON value that every codec reads and writes in exactly the same
 * way:
 *
 * <table>
 *   <caption>The JSON tree contract</caption>
 *   <tr><th>JSON</th><th>Java</th></tr>
 *   <tr><td>object</td><td>{@code Map<String, Object>}, mutable {@link java.util.LinkedHashMap} in document order</td></tr>
 *   <tr><td>array</td><td>{@code List<Object>}, mutable {@link java.util.ArrayList}</td></tr>
 *   <tr><td>string</td><td>{@link String}</td></tr>
 *   <tr><td>number</td><td>{@link Long} if it is an integer that fits, else {@link Double}</td></tr>
 *   <tr><td>true / false</td><td>{@link Boolean}</td></tr>
 *   <tr><td>null</td><td>{@code null} (a present null is kept apart from an absent key)</td></tr>
 * </table>
 *
 * <p>{@link #writeTree} also accepts {@code Integer}, {@code Float}, {@code BigDecimal} and
 * {@code BigInteger} numbers, and writes integral {@code Long}s without a fraction. User types
 * (records, Kotlin data classes, maps, lists) go through {@link #decode} and {@link #encode}, the
 * codec's own data binding, for structured outputs and function-tool arguments.
 *
 * <p>Implementations are thread-safe. Malformed input raises {@link CodecException} (with the JSON
 * path where known), never a library-specific exception.
 */
public interface JsonCodec {
  /**
   * Reads the JSON value that {@code in} holds into the tree form. The input must hold exactly one
   * value (whitespace around it is fine); it is read to its end but not closed. A repeated key keeps
   * its last value.
   *
   * @throws CodecException if the input is empty, not well-formed JSON, ends early, or has data after
   *     the value; the message says which and names the JSON path (e.g. {@code $.a.b[2]}) where known
   * @throws IOException if reading {@code in} fails
   */
  @Nullable Object readTree(InputStream in) throws IOException;

  /**
   * Writes a tree (see the class documentation) as compact JSON; does not close {@code out}.
   *
   * @throws CodecException if the tree holds a value that is not part of the tree contract
   */
  void writeTree(@Nullable Object tree, OutputStream out) throws IOException;

  /**
   * Binds JSON to a user type such as a record, {@code List<MyRecord>} or {@code Map<String, Object>}
   * ({@code Object}, maps and lists bind to the tree form). A primitive record component absent from
   * the JSON is an error, not a silent zero.
   *
   * @throws CodecException if the input is malformed or does not fit {@code type}, naming the path
   */
  <T> T decode(InputStream in, Type type) throws IOException;

  /**
   * Writes a user object (record, map, list, string, number, boolean, or a JSON tree) as JSON; null
   * record components are written as JSON nulls.
   *
   * @throws CodecException if the codec cannot represent {@code value}
   */
  void encode(@Nullable Object value, OutputStream out) throws IOException;

  /** Reads a tree from a byte array; a convenience over {@link #readTree(InputStream)}. */
  default @Nullable Object readTree(byte[] json) {
    try {
      return readTree(new ByteArrayInputStream(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable for an in-memory stream
    }
  }

  /** Writes a tree to a new byte array; a convenience over {@link #writeTree(Object, OutputStream)}. */
  default byte[] writeTreeToBytes(@Nullable Object tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      writeTree(tree, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable for an in-memory stream
    }
    return out.toByteArray();
  }

  /** Binds a byte array to a user type; a convenience over {@link #decode(InputStream, Type)}. */
  default <T> T decode(byte[] json, Type type) {
    try {
      return decode(new ByteArrayInputStream(json), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable for an in-memory stream
    }
  }

  /** Encodes a user object to a new byte array; a convenience over {@link #encode(Object, OutputStream)}. */
  default byte[] encodeToBytes(@Nullable Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      encode(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable for an in-memory stream
    }
    return out.toByteArray();
  }
}
