package dev.conduit.models.embeddings;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One embedding vector of a {@link CreateEmbeddingResponse}. The vector arrives either as a JSON
 * array of numbers or, with {@link EmbeddingEncodingFormat#BASE64}, as base64 of little-endian
 * float32 values; {@link #embedding()} decodes both.
 */
public final class Embedding extends JsonModel {
  private volatile float @Nullable [] decoded;

  private Embedding(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static Embedding fromJson(Map<String, @Nullable Object> json) {
    return new Embedding(Json.freezeMap(json));
  }

  /** Returns a new builder, mainly for tests and fakes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this embedding. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the index of the input this embedding belongs to. */
  public long index() {
    return longValue("index");
  }

  /** Returns the object type, always {@code "embedding"}. */
  public String object() {
    return string("object");
  }

  /**
   * Returns the embedding vector, decoded from either wire format. Each call returns a new copy that
   * the caller may modify.
   *
   * @throws InvalidResponseException naming the field if it is absent, is neither an array of
   *     numbers nor a string, is not valid base64, or decodes to a length not a multiple of 4 bytes
   */
  public float[] embedding() {
    float[] vector = decoded;
    if (vector == null) {
      vector = decode();
      decoded = vector;
    }
    return vector.clone();
  }

  /** Returns the number of dimensions of the vector. */
  public int dimensions() {
    float[] vector = decoded;
    if (vector == null) {
      vector = decode();
      decoded = vector;
    }
    return vector.length;
  }

  private float[] decode() {
    String where = "Embedding.embedding";
    Object value = jsonField("embedding");
    if (value instanceof String) {
      return decodeBase64((String) value, where);
    }
    if (value == null) {
      throw new InvalidResponseException(
          where + " is " + (hasField("embedding") ? "null" : "absent") + " in the JSON, but the API declares it required",
          0, null, "", null);
    }
    List<@Nullable Object> numbers = Json.asArray(value, where);
    float[] vector = new float[numbers.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) Json.asDouble(numbers.get(i), where + "[" + i + "]");
    }
    return vector;
  }

  private static float[] decodeBase64(String base64, String where) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(where + " is not valid base64: " + e.getMessage(), 0, null, "", e);
    }
    if (bytes.length % Float.BYTES != 0) {
      throw new InvalidResponseException(
          where + " decodes to " + bytes.length + " bytes, which is not a multiple of 4 (float32)", 0, null, "", null);
    }
    FloatBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] vector = new float[floats.remaining()];
    floats.get(vector);
    return vector;
  }

  /** A builder of {@link Embedding}. */
  public static final class Builder extends JsonModel.Builder<Builder, Embedding> {
    private Builder() {
      set("object", "embedding");
    }

    private Builder(Embedding from) {
      super(from);
    }

    /** Sets the index of the input. */
    public Builder index(long index) {
      return set("index", index);
    }

    /** Sets the vector, sent as a JSON array of numbers. */
    public Builder embedding(float[] embedding) {
      return set("embedding", Objects.requireNonNull(embedding, "embedding == null"));
    }

    /** Sets the vector in the base64 wire form: little-endian float32 values. */
    public Builder embeddingBase64(float[] embedding) {
      Objects.requireNonNull(embedding, "embedding == null");
      ByteBuffer bytes = ByteBuffer.allocate(embedding.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(embedding);
      return set("embedding", Base64.getEncoder().encodeToString(bytes.array()));
    }

    /** Returns the embedding. */
    @Override
    public Embedding build() {
      return new Embedding(frozenJson());
    }
  }
}
