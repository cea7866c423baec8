package dev.conduit.internal.structured;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.internal.schema.JsonSchemaGenerator;
import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import dev.conduit.models.chat.ChatCompletion;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.chat.ChatCompletionMessage;
import dev.conduit.models.chat.ResponseFormatJsonSchema;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseOutputContent;
import dev.conduit.models.responses.ResponseOutputItem;
import dev.conduit.models.responses.ResponseOutputMessage;
import dev.conduit.models.responses.ResponseTextConfig;
import dev.conduit.models.responses.ResponseTextFormat;
import dev.conduit.structured.ParsedChatCompletion;
import dev.conduit.structured.ParsedResponse;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Structured outputs: strict schemas into requests, typed values (or refusals) out of answers. */
public final class StructuredOutputs {
  private static final JsonSchemaGenerator SCHEMAS = new JsonSchemaGenerator();

  private StructuredOutputs() {}

  /** Returns the generator shared by every client (it caches schemas per type). */
  public static JsonSchemaGenerator schemas() {
    return SCHEMAS;
  }

  /** Returns {@code params} asking for JSON that fits the strict schema of {@code type}. */
  public static ResponseCreateParams withSchema(ResponseCreateParams params, Type type) {
    ResponseTextFormat.JsonSchema format = ResponseTextFormat.JsonSchema.builder()
        .name(JsonSchemaGenerator.schemaName(type))
        .schema(SCHEMAS.strictSchema(type))
        .strict(true)
        .build();
    ResponseTextConfig existing = params.text();
    ResponseTextConfig text = existing == null ? ResponseTextConfig.of(format) : existing.toBuilder().format(format).build();
    return params.toBuilder().text(text).build();
  }

  /** Returns chat {@code params} asking for JSON that fits the strict schema of {@code type}. */
  public static ChatCompletionCreateParams withSchema(ChatCompletionCreateParams params, Type type) {
    ResponseFormatJsonSchema format = ResponseFormatJsonSchema.builder()
        .name(JsonSchemaGenerator.schemaName(type))
        .schema(SCHEMAS.strictSchema(type))
        .strict(true)
        .build();
    return params.toBuilder().responseFormat(format).build();
  }

  /** Decodes the first choice of {@code completion}, or returns its refusal. */
  public static <T> ParsedChatCompletion<T> parse(ChatCompletion completion, Class<T> type, JsonCodec codec) {
    if (completion.choices().isEmpty()) {
      throw new InvalidResponseException("the chat completion has no choices to decode as " + type.getTypeName(), 0, null, "", null);
    }
    ChatCompletionMessage message = completion.choices().get(0).message();
    if (message.refusal() != null) {
      return new ParsedChatCompletion<>(completion, null, message.refusal());
    }
    String content = message.content();
    return new ParsedChatCompletion<>(completion, decode(content == null ? "" : content, type, codec, null), null);
  }

  /** Decodes the structured output of {@code response}, or returns its refusal. */
  public static <T> ParsedResponse<T> parse(Response response, Class<T> type, JsonCodec codec) {
    StringBuilder text = new StringBuilder();
    String refusal = null;
    for (ResponseOutputItem item : response.output()) {
      if (item instanceof ResponseOutputMessage) {
        for (ResponseOutputContent part : ((ResponseOutputMessage) item).content()) {
          if (part instanceof ResponseOutputContent.Refusal) {
            refusal = ((ResponseOutputContent.Refusal) part).refusal();
          } else if (part instanceof ResponseOutputContent.OutputText) {
            text.append(((ResponseOutputContent.OutputText) part).text());
          }
        }
      }
    }
    if (refusal != null) {
      return new ParsedResponse<>(response, null, refusal);
    }
    return new ParsedResponse<>(response, decode(text.toString(), type, codec, null), null);
  }

  /** Decodes JSON text the model produced as {@code type}. */
  public static <T> T decode(String json, Type type, JsonCodec codec, @Nullable String requestId) {
    if (json.isBlank()) {
      throw new InvalidResponseException("the model produced no output to decode as " + type.getTypeName(), 0, requestId, "", null);
    }
    try {
      return codec.decode(json.getBytes(StandardCharsets.UTF_8), type);
    } catch (CodecException e) {
      String snippet = json.length() > 1000 ? json.substring(0, 1000) + "…" : json;
      throw new InvalidResponseException("the model's output does not decode as " + type.getTypeName() + ": " + e.getMessage(), 0,
          requestId, snippet, e);
    }
  }
}
