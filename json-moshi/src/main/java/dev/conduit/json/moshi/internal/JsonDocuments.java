package dev.conduit.json.moshi.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.conduit.json.CodecException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes whole JSON documents: exactly one value with optional whitespace around it, with
 * every Moshi failure turned into a {@link CodecException}. I/O failures of the underlying stream
 * stay {@link IOException}s.
 */
public final class JsonDocuments {
  /** Reads one value from a positioned reader. */
  @FunctionalInterface
  public interface ValueReader {
    @Nullable Object read(JsonReader reader) throws IOException;
  }

  private JsonDocuments() {}

  /**
   * Reads the single JSON value in {@code source} with {@code body}. Does not close {@code source}.
   *
   * @param target what is being decoded, for messages: a {@link Type}, or a description such as
   *     {@code "a JSON value"}; only turned into text when decoding fails
   */
  public static @Nullable Object read(BufferedSource source, ValueReader body, Object target)
      throws IOException {
    if (!skipWhitespace(source)) throw Failures.empty();
    JsonReader reader = JsonReader.of(source); // strict by default; never closed, as that closes source
    Object value;
    try {
      value = body.read(reader);
    } catch (JsonEncodingException e) {
      throw Failures.malformed(e, reader, source);
    } catch (EOFException e) {
      throw Failures.truncated(reader, e);
    } catch (CodecException e) {
      throw e;
    } catch (JsonDataException e) {
      throw Failures.mismatch(e, reader, describeTarget(target));
    } catch (RuntimeException | AssertionError e) {
      throw Failures.binding(e, reader, describeTarget(target));
    }
    if (skipWhitespace(source)) throw Failures.trailing(source);
    return value;
  }

  /** Writes {@code value} with {@code writer} as compact JSON and flushes {@code sink}; does not close it. */
  public static void write(BufferedSink sink, TreeWriter writer, @Nullable Object value)
      throws IOException {
    JsonWriter json = JsonWriter.of(sink);
    json.setSerializeNulls(true);
    try {
      writer.write(json, value);
    } catch (CodecException e) {
      throw e;
    } catch (JsonDataException e) {
      String message = String.valueOf(e.getMessage());
      if (message.startsWith("Nesting too deep")) {
        message = "nested more than 255 levels deep (a map or list that contains itself?) at path "
            + Failures.shorten(json.getPath(), 40);
      }
      throw new CodecException("Cannot write " + describe(value) + " as JSON: " + message, e);
    } catch (RuntimeException | AssertionError e) {
      Throwable cause = e instanceof AssertionError && e.getCause() != null ? e.getCause() : e;
      throw new CodecException(
          "Cannot write " + describe(value) + " as JSON, at path "
              + Failures.shorten(json.getPath(), 160) + ": " + cause, cause);
    }
    json.flush();
  }

  /** Returns the bytes {@link #write} would produce. */
  public static byte[] writeToBytes(TreeWriter writer, @Nullable Object value) {
    Buffer buffer = new Buffer();
    try {
      write(buffer, writer, value);
    } catch (IOException e) {
      throw new AssertionError("an okio Buffer does not fail", e);
    }
    return buffer.readByteArray();
  }

  private static String describeTarget(Object target) {
    return target instanceof Type type ? type.getTypeName() : target.toString();
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  /** Skips JSON whitespace; returns true if a non-whitespace byte follows. */
  private static boolean skipWhitespace(BufferedSource source) throws IOException {
    Buffer buffer = source.getBuffer();
    while (source.request(1)) {
      byte b = buffer.getByte(0);
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return true;
      buffer.skip(1);
    }
    return false;
  }
}
