package dev.conduit.internal.webhooks;

import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import dev.conduit.testutil.TestJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A JSON codec for api's own tests (api has no real codec at test time): the tree form through
 * {@link TestJson} and a small writer. User-type binding is not offered: it raises CodecException.
 */
public final class TreeCodec implements JsonCodec {
  @Override
  public Object readTree(InputStream in) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    try {
      return TestJson.parse(text);
    } catch (RuntimeException e) {
      throw new CodecException("malformed JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public void writeTree(Object tree, OutputStream out) throws IOException {
    StringBuilder sb = new StringBuilder();
    write(tree, sb);
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Object v, StringBuilder sb) {
    if (v == null || v instanceof Boolean || v instanceof Number) {
      sb.append(v);
    } else if (v instanceof String) {
      sb.append('"');
      for (char c : ((String) v).toCharArray()) {
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      sb.append('"');
    } else if (v instanceof Map) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        sb.append(sep);
        write(String.valueOf(e.getKey()), sb);
        sb.append(':');
        write(e.getValue(), sb);
        sep = ",";
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      String sep = "";
      for (Object o : (List<?>) v) {
        sb.append(sep);
        write(o, sb);
        sep = ",";
      }
      sb.append(']');
    } else {
      throw new CodecException("not a JSON tree value: " + v.getClass().getName(), null);
    }
  }

  @Override
  public <T> T decode(InputStream in, Type type) {
    throw new CodecException("the test codec binds no user types: " + type, null);
  }

  @Override
  public void encode(Object value, OutputStream out) {
    throw new CodecException("the test codec binds no user types: " + value.getClass().getName(), null);
  }
}
