package dev.conduit.models.embeddings;

import dev.conduit.models.OpenEnum;

/**
 * The wire format the API uses for embedding vectors. {@link Embedding#embedding()} decodes both, so
 * the choice only affects the size of the response. Values added later decode to new instances.
 */
public final class EmbeddingEncodingFormat extends OpenEnum {
  /** A JSON array of numbers. */
  public static final EmbeddingEncodingFormat FLOAT = new EmbeddingEncodingFormat("float");
  /** Base64 of little-endian IEEE-754 float32 values: about a quarter of the size. */
  public static final EmbeddingEncodingFormat BASE64 = new EmbeddingEncodingFormat("base64");

  private EmbeddingEncodingFormat(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance if this version does not know it. */
  public static EmbeddingEncodingFormat of(String value) {
    switch (value) {
      case "float":
        return FLOAT;
      case "base64":
        return BASE64;
      default:
        return new EmbeddingEncodingFormat(value);
    }
  }
}
