package dev.conduit.json.moshi.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON value from a Moshi {@link JsonReader} into the tree form of {@link
 * dev.conduit.json.JsonCodec}: {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Long}
 * or {@code Double}, {@code Boolean}, {@code null}. Nesting depth is bounded by the reader (Moshi stops
 * at 255 levels), so the recursion here is bounded too.
 */
public final class TreeReader {
  private TreeReader() {}

  /** Reads the next value, which must be of {@code kind}; JSON null is accepted for every kind. */
  public static @Nullable Object read(JsonReader reader, TreeKind kind) throws IOException {
    if (kind != TreeKind.ANY) {
      JsonReader.Token token = reader.peek();
      JsonReader.Token expected =
          kind == TreeKind.OBJECT ? JsonReader.Token.BEGIN_OBJECT : JsonReader.Token.BEGIN_ARRAY;
      if (token != expected && token != JsonReader.Token.NULL) {
        throw new JsonDataException(
            "Expected " + kind.description + " but was " + token + " at path " + reader.getPath());
      }
    }
    return read(reader);
  }

  /** Reads the next value, whatever it is. */
  public static @Nullable Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        return readObject(reader);
      case BEGIN_ARRAY:
        return readArray(reader);
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.nextString(), reader);
      case BOOLEAN:
        return reader.nextBoolean() ? Boolean.TRUE : Boolean.FALSE;
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException(
            "Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  private static LinkedHashMap<String, @Nullable Object> readObject(JsonReader reader)
      throws IOException {
    LinkedHashMap<String, @Nullable Object> object = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      object.put(name, read(reader)); // a repeated name: the last value wins
    }
    reader.endObject();
    return object;
  }

  private static ArrayList<@Nullable Object> readArray(JsonReader reader) throws IOException {
    ArrayList<@Nullable Object> array = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      array.add(read(reader));
    }
    reader.endArray();
    return array;
  }

  /**
   * Turns the literal text of a JSON number into a {@code Long} when it is an integer that fits, and
   * into a {@code Double} otherwise. The integer path never goes through {@code double}, so every
   * long survives exactly.
   */
  static Object number(String literal, JsonReader reader) {
    int length = literal.length();
    int start = length > 0 && literal.charAt(0) == '-' ? 1 : 0;
    if (length > start && length - start <= 18) { // 18 digits always fit in a long
      long value = 0;
      int i = start;
      for (; i < length; i++) {
        char c = literal.charAt(i);
        if (c < '0' || c > '9') break;
        value = value * 10 + (c - '0');
      }
      if (i == length) return start == 1 ? -value : value;
    }
    boolean integral = true;
    for (int i = start; i < length; i++) {
      char c = literal.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        integral = false;
        break;
      }
    }
    if (integral) {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException beyondLong) {
        // an integer outside the long range: a Double, as the tree contract says
      }
    }
    double value;
    try {
      value = Double.parseDouble(literal);
    } catch (NumberFormatException e) {
      throw new JsonDataException(
          "Not a number: " + literal + " at path " + reader.getPath());
    }
    if (Double.isInfinite(value) || Double.isNaN(value)) {
      throw new JsonDataException(
          "Number out of the range of a double: " + Failures.shorten(literal, 40) + " at path "
              + reader.getPath());
    }
    return value;
  }
}
