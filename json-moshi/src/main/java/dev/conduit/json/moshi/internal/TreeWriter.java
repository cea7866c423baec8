package dev.conduit.json.moshi.internal;

import com.squareup.moshi.JsonWriter;
import dev.conduit.json.CodecException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON trees (maps, lists, strings, numbers, booleans, null) to a Moshi {@link JsonWriter}.
 * Integral numbers are written without a fraction; non-finite doubles are refused. A strict writer
 * (for {@code writeTree}) refuses every other class; an encoding writer (for {@code encode}) hands
 * other values to a {@link Fallback}, Moshi's adapter for the value's runtime class.
 */
public final class TreeWriter {
  /** Writes a value that is not part of the tree form. */
  @FunctionalInterface
  public interface Fallback {
    void write(JsonWriter writer, Object value) throws IOException;
  }

  private static final TreeWriter STRICT = new TreeWriter(null);

  private final @Nullable Fallback fallback;

  private TreeWriter(@Nullable Fallback fallback) {
    this.fallback = fallback;
  }

  /** Returns a writer that accepts only the tree form. */
  public static TreeWriter strict() {
    return STRICT;
  }

  /** Returns a writer that also accepts any {@link Collection} and sends other values to {@code fallback}. */
  public static TreeWriter encoding(Fallback fallback) {
    return new TreeWriter(fallback);
  }

  public void write(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String string) {
      writer.value(string);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(writer, map);
    } else if (value instanceof Number number) {
      writeNumber(writer, number);
    } else if (value instanceof Boolean bool) {
      writer.value(bool.booleanValue());
    } else if (value instanceof List<?> || (fallback != null && value instanceof Collection<?>)) {
      writer.beginArray();
      for (Object element : (Collection<?>) value) {
        write(writer, element);
      }
      writer.endArray();
    } else if (fallback != null) {
      fallback.write(writer, value);
    } else {
      throw new CodecException(
          "Cannot write " + value.getClass().getName() + " at path " + writer.getPath()
              + " as JSON: a tree holds only Map, List, String, Number, Boolean and null",
          null);
    }
  }

  private void writeObject(JsonWriter writer, Map<?, ?> map) throws IOException {
    writer.beginObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object key = entry.getKey();
      if (!(key instanceof String name)) {
        throw new CodecException(
            "Cannot write a map key of " + (key == null ? "null" : key.getClass().getName())
                + " at path " + writer.getPath() + ": JSON object keys must be Strings",
            null);
      }
      writer.name(name);
      write(writer, entry.getValue());
    }
    writer.endObject();
  }

  private void writeNumber(JsonWriter writer, Number number) throws IOException {
    if (number instanceof Long || number instanceof Integer || number instanceof Short
        || number instanceof Byte) {
      writer.value(number.longValue());
    } else if (number instanceof Double) {
      double value = number.doubleValue();
      requireFinite(writer, value);
      writer.value(value);
    } else if (number instanceof Float) {
      requireFinite(writer, number.floatValue());
      writer.value(number); // Float.toString: 0.1f is written as 0.1, not 0.10000000149011612
    } else if (number instanceof BigDecimal || number instanceof BigInteger) {
      writer.value(number);
    } else if (fallback != null) {
      fallback.write(writer, number);
    } else {
      throw new CodecException(
          "Cannot write " + number.getClass().getName() + " at path " + writer.getPath()
              + " as JSON: a tree's numbers are Long, Integer, Short, Byte, Double, Float,"
              + " BigDecimal or BigInteger",
          null);
    }
  }

  private static void requireFinite(JsonWriter writer, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new CodecException(
          "Cannot write " + value + " at path " + writer.getPath()
              + ": JSON has no NaN or infinite numbers",
          null);
    }
  }
}
