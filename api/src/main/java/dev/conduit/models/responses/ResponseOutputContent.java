package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A part of an assistant message or a streamed content part: {@link OutputText}, {@link Refusal}, or
 * {@link ReasoningText}. A part this version does not know decodes to {@link Unknown}.
 */
public abstract sealed class ResponseOutputContent extends JsonModel
    permits ResponseOutputContent.OutputText,
        ResponseOutputContent.Refusal,
        ResponseOutputContent.ReasoningText,
        ResponseOutputContent.Unknown {

  ResponseOutputContent(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns the variant for {@code json} by its {@code type}; never fails, an unknown type gives {@link Unknown}. */
  public static ResponseOutputContent fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    switch (Unions.typeOf(frozen)) {
      case "output_text":
        return new OutputText(frozen);
      case "refusal":
        return new Refusal(frozen);
      case "reasoning_text":
        return new ReasoningText(frozen);
      default:
        return new Unknown(frozen);
    }
  }

  /** Returns an {@code output_text} part holding {@code text} with no annotations. */
  public static OutputText outputText(String text) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "output_text");
    json.put("text", text);
    json.put("annotations", new ArrayList<>());
    return new OutputText(Json.freezeMap(json));
  }

  /** Returns a {@code refusal} part holding {@code refusal}. */
  public static Refusal refusal(String refusal) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", "refusal");
    json.put("refusal", refusal);
    return new Refusal(Json.freezeMap(json));
  }

  /** Returns the {@code type} discriminator, e.g. {@code "output_text"}; "" if the JSON had none. */
  public String type() {
    return Unions.typeOf(toJson());
  }

  /** Text the model produced. */
  public static final class OutputText extends ResponseOutputContent {
    private OutputText(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns the text. */
    public String text() {
      return string("text");
    }

    /** Returns the annotations (citations, file paths) as JSON trees; empty if none. */
    public List<Map<String, @Nullable Object>> annotations() {
      return objectList("annotations", m -> m);
    }

    /** Returns the token log probabilities as JSON trees; empty unless they were requested. */
    public List<Map<String, @Nullable Object>> logprobs() {
      return objectList("logprobs", m -> m);
    }
  }

  /** The model's refusal to answer. */
  public static final class Refusal extends ResponseOutputContent {
    private Refusal(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns the refusal explanation. */
    public String refusal() {
      return string("refusal");
    }
  }

  /** Reasoning text of a reasoning model, as streamed in a content part. */
  public static final class ReasoningText extends ResponseOutputContent {
    private ReasoningText(Map<String, @Nullable Object> json) {
      super(json);
    }

    /** Returns the reasoning text. */
    public String text() {
      return string("text");
    }
  }

  /** A part this version of Conduit does not know; its JSON is kept whole. */
  public static final class Unknown extends ResponseOutputContent {
    private Unknown(Map<String, @Nullable Object> json) {
      super(json);
    }
  }
}
