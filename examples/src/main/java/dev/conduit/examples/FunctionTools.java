package dev.conduit.examples;

import dev.conduit.models.responses.FunctionTool;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.responses.ResponseFunctionToolCall;
import dev.conduit.models.responses.ResponseInputItem;
import dev.conduit.models.responses.ResponseOutputItem;
import dev.conduit.models.responses.ToolChoice;
import java.util.ArrayList;
import java.util.List;

/** Function tools: declared from a record, called by the model, answered, and the loop closed. */
public final class FunctionTools {
  private FunctionTools() {}

  /** The tool's arguments. */
  public record WeatherQuery(String city, Unit unit) {}

  /** Temperature units. */
  public enum Unit { CELSIUS, FAHRENHEIT }

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    FunctionTool weather = FunctionTool.fromRecord("get_weather", "Current weather for a city", WeatherQuery.class);
    ResponseCreateParams first = ResponseCreateParams.builder().model(session.model())
        .input("What's the weather in Paris?")
        .addTool(weather)
        .toolChoice(ToolChoice.required())
        .build();
    Response response = session.client().responses().create(first);

    List<ResponseInputItem> conversation = new ArrayList<>(response.output());
    for (ResponseOutputItem item : response.output()) {
      if (item instanceof ResponseFunctionToolCall) {
        ResponseFunctionToolCall call = (ResponseFunctionToolCall) item;
        WeatherQuery query = call.arguments(WeatherQuery.class);
        session.out().println("model called " + call.name() + " for " + query.city() + " in " + query.unit());
        conversation.add(ResponseInputItem.functionCallOutput(call.callId(), "{\"temperature\": 18, \"sky\": \"clear\"}"));
      }
    }
    Response answer = session.client().responses().create(ResponseCreateParams.builder().model(session.model())
        .input(conversation).addTool(weather).build());
    session.out().println("answer: " + answer.outputText());
  }
}
