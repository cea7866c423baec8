package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.INTEGER;
import static dev.conduit.testing.internal.Params.Type.STRING;
import static dev.conduit.testing.internal.Params.Type.STRING_OR_ARRAY;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/embeddings}: deterministic unit vectors (the same model and input always give the
 * same vector), shortened and renormalised to {@code dimensions}, as floats or base64 of
 * little-endian float32s.
 */
final class EmbeddingsRoutes {
  private static final Map<String, Params.Type> KNOWN = Map.of("input", STRING_OR_ARRAY, "model", STRING,
      "encoding_format", STRING, "dimensions", INTEGER, "user", STRING);

  private final FakeCore core;

  EmbeddingsRoutes(FakeCore core) {
    this.core = core;
  }

  @Nullable Reply route(IncomingRequest req, String[] seg) {
    if (seg.length != 1 || !req.method().equals("POST")) {
      return null;
    }
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, KNOWN, "model", "input");
    String model = (String) body.get("model");
    ModelsRoutes.require(core.store(), model, 404);
    int nativeDims = model.equals("text-embedding-3-large") ? 3072 : 1536;
    String format = body.get("encoding_format") == null ? "float" : (String) body.get("encoding_format");
    if (!format.equals("float") && !format.equals("base64")) {
      throw ApiError.invalid("Invalid value: '" + format + "'. Supported values are: 'float' and 'base64'.",
          "encoding_format", "invalid_value");
    }
    int dims = nativeDims;
    if (body.get("dimensions") != null) {
      if (!model.startsWith("text-embedding-3")) {
        throw ApiError.invalid("This model does not support specifying dimensions.", "dimensions", null);
      }
      Params.rangeInt(body, "dimensions", 1, nativeDims);
      dims = (int) Json.longAt(body, "dimensions", nativeDims);
    }
    List<String> inputs = inputs(body.get("input"));
    List<@Nullable Object> data = new ArrayList<>();
    long tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      float[] v = vector(model, inputs.get(i), nativeDims, dims);
      tokens += Tokens.count(inputs.get(i));
      data.add(Json.obj("object", "embedding", "index", (long) i, "embedding",
          format.equals("base64") ? base64(v) : floats(v)));
    }
    return Reply.json(200, core.codec().write(Json.obj("object", "list", "data", data, "model", model, "usage",
        Json.obj("prompt_tokens", tokens, "total_tokens", tokens))));
  }

  /** Returns each input as text (token arrays are joined with spaces), validating like the real API. */
  private static List<String> inputs(Object input) {
    List<String> out = new ArrayList<>();
    if (input instanceof String) {
      out.add((String) input);
    } else {
      List<?> list = (List<?>) input;
      if (list.isEmpty() || list.size() > 2048) {
        throw invalidInput();
      }
      boolean tokens = list.get(0) instanceof Long;
      if (tokens) {
        out.add(join(list));
      } else {
        for (Object o : list) {
          if (o instanceof String) {
            out.add((String) o);
          } else if (o instanceof List && !((List<?>) o).isEmpty()) {
            out.add(join((List<?>) o));
          } else {
            throw invalidInput();
          }
        }
      }
    }
    for (String s : out) {
      if (s.isEmpty()) {
        throw invalidInput();
      }
    }
    return out;
  }

  private static String join(List<?> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Object t : tokens) {
      if (!(t instanceof Long)) {
        throw invalidInput();
      }
      sb.append(sb.length() == 0 ? "" : " ").append(t);
    }
    return sb.toString();
  }

  private static ApiError invalidInput() {
    return ApiError.invalid("'$.input' is invalid. Please check the API reference: "
        + "https://platform.openai.com/docs/api-reference.", null, null);
  }

  static float[] vector(String model, String text, int nativeDims, int dims) {
    long seed = 1125899906842597L;
    for (byte b : (model + '\u0000' + text).getBytes(StandardCharsets.UTF_8)) {
      seed = 31 * seed + b;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] full = new double[nativeDims];
    for (int i = 0; i < nativeDims; i++) {
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      full[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2); // Box-Muller
    }
    double norm = 0;
    for (int i = 0; i < dims; i++) {
      norm += full[i] * full[i];
    }
    norm = Math.sqrt(norm);
    float[] v = new float[dims];
    for (int i = 0; i < dims; i++) {
      v[i] = (float) (full[i] / norm);
    }
    return v;
  }

  private static List<@Nullable Object> floats(float[] v) {
    List<@Nullable Object> out = new ArrayList<>(v.length);
    for (float f : v) {
      out.add(Double.parseDouble(Float.toString(f)));
    }
    return out;
  }

  private static String base64(float[] v) {
    ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      buf.putFloat(f);
    }
    return Base64.getEncoder().encodeToString(buf.array());
  }
}
