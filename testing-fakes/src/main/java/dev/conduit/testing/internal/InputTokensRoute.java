package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.ARRAY;
import static dev.conduit.testing.internal.Params.Type.BOOLEAN;
import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;
import static dev.conduit.testing.internal.Params.Type.STRING_OR_ARRAY;
import static dev.conduit.testing.internal.Params.Type.STRING_OR_OBJECT;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/responses/input_tokens}: validates the fields a create shares with it, reads the
 * context the same way ({@code previous_response_id}, {@code conversation}, compaction items) and
 * answers the {@code usage.input_tokens} that a create with the same fields would report. Every field
 * is optional, the model too.
 */
final class InputTokensRoute {
  private static final Map<String, Params.Type> KNOWN = Map.ofEntries(Map.entry("model", STRING),
      Map.entry("input", STRING_OR_ARRAY), Map.entry("previous_response_id", STRING), Map.entry("tools", ARRAY),
      Map.entry("text", OBJECT), Map.entry("reasoning", OBJECT), Map.entry("truncation", STRING),
      Map.entry("instructions", STRING), Map.entry("personality", STRING), Map.entry("conversation", STRING_OR_OBJECT),
      Map.entry("tool_choice", STRING_OR_OBJECT), Map.entry("parallel_tool_calls", BOOLEAN));
  private static final int MAX_PERSONALITY = 64;

  private final FakeCore core;
  private final ResponseOptions options = new ResponseOptions();

  InputTokensRoute(FakeCore core) {
    this.core = core;
  }

  Reply count(IncomingRequest req) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, KNOWN);
    String model = Json.strAt(body, "model");
    if (model != null) {
      ModelsRoutes.require(core.store(), model, 400);
      options.reasoning(body, model);
    }
    Object truncation = body.get("truncation");
    if (truncation != null && !truncation.equals("auto") && !truncation.equals("disabled")) {
      throw ApiError.invalidValue("truncation", truncation, "Supported values are: 'auto' and 'disabled'.");
    }
    String personality = Json.strAt(body, "personality");
    if (personality != null && personality.length() > MAX_PERSONALITY) {
      throw ApiError.invalid("Invalid 'personality': string too long. Expected a string with maximum length "
          + MAX_PERSONALITY + ", but got a string with length " + personality.length() + " instead.", "personality",
          "string_above_max_length");
    }
    ResponseOptions.Tools tools = options.tools(body);
    options.text(body);
    ResponseContext context = ResponseContext.read(core, body, false).answeringPendingCalls();
    long tokens = ResponseContext.inputTokens(context.turns(body.get("instructions")), tools.echo(), core.codec());
    return Reply.json(200, core.codec().write(Json.obj("object", "response.input_tokens", "input_tokens", tokens)));
  }
}
