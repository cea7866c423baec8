package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.errors.InvalidResponseException;
import dev.conduit.models.chat.ChatCompletionCreateParams;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.structured.Description;
import dev.conduit.structured.ParsedChatCompletion;
import dev.conduit.structured.ParsedResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class StructuredOutputTest {
  public enum Unit { GRAM, CUP, PIECE }

  public record Ingredient(String name, double amount, Unit unit) {}

  @Description("A recipe")
  public record Recipe(String title, @Description("minutes") int minutes, List<Ingredient> ingredients, @Nullable String notes) {}

  private ScriptedServer server;
  private OpenAIClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new ScriptedServer();
    client = Clients.client(server);
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.close();
  }

  private static final String RECIPE_JSON = "{\"title\":\"Pancakes\",\"minutes\":20,\"ingredients\":["
      + "{\"name\":\"flour\",\"amount\":200,\"unit\":\"GRAM\"},{\"name\":\"milk\",\"amount\":1.5,\"unit\":\"CUP\"}],\"notes\":null}";

  @Test
  void responsesParseRoundTripWithNestedRecord() throws Exception {
    server.enqueue(json(200, Fixtures.response("resp_1", "completed", "[" + Fixtures.message(RECIPE_JSON) + "]")));

    ParsedResponse<Recipe> parsed = client.responses().parse(
        ResponseCreateParams.builder().model("gpt-5").input("A pancake recipe").build(), Recipe.class);

    assertThat(parsed.isRefusal()).isFalse();
    assertThat(parsed.output()).isEqualTo(new Recipe("Pancakes", 20,
        List.of(new Ingredient("flour", 200, Unit.GRAM), new Ingredient("milk", 1.5, Unit.CUP)), null));

    Map<String, Object> sent = TreeOf.json(server.takeRequest().bodyText());
    @SuppressWarnings("unchecked")
    Map<String, Object> format = (Map<String, Object>) ((Map<String, Object>) sent.get("text")).get("format");
    assertThat(format).containsEntry("type", "json_schema").containsEntry("name", "Recipe").containsEntry("strict", true);
    @SuppressWarnings("unchecked")
    Map<String, Object> schema = (Map<String, Object>) format.get("schema");
    assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false)
        .containsEntry("required", List.of("title", "minutes", "ingredients", "notes"));
    assertThat(schema.toString()).contains("$defs", "Ingredient", "GRAM", "minutes");
  }

  @Test
  void responsesRefusalIsExposed() {
    server.enqueue(json(200, Fixtures.response("resp_2", "completed", "[" + Fixtures.refusalMessage("I can't help with that.") + "]")));

    ParsedResponse<Recipe> parsed = client.responses().parse(
        ResponseCreateParams.builder().model("gpt-5").input("Something bad").build(), Recipe.class);

    assertThat(parsed.isRefusal()).isTrue();
    assertThat(parsed.refusal()).isEqualTo("I can't help with that.");
    assertThat(parsed.output()).isNull();
  }

  @Test
  void outputThatDoesNotFitTheTypeIsInvalidResponse() {
    server.enqueue(json(200, Fixtures.response("resp_3", "completed", "[" + Fixtures.message("{\"title\": 42}") + "]")));

    assertThatThrownBy(() -> client.responses().parse(ResponseCreateParams.builder().model("gpt-5").input("x").build(), Recipe.class))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("does not decode as")
        .hasMessageContaining("Recipe");
  }

  @Test
  void chatParseRoundTripAndRefusal() throws Exception {
    server.enqueue(json(200, Fixtures.chatCompletion(Fixtures.quote(RECIPE_JSON), "null")),
        json(200, Fixtures.chatCompletion("null", "\"No.\"")));
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-5").addUserMessage("Pancakes?").build();

    ParsedChatCompletion<Recipe> ok = client.chat().completions().parse(params, Recipe.class);
    assertThat(ok.output().ingredients()).hasSize(2);
    assertThat(ok.output().title()).isEqualTo("Pancakes");
    Map<String, Object> sent = TreeOf.json(server.takeRequest().bodyText());
    assertThat(sent.get("response_format").toString()).contains("json_schema", "Recipe", "strict=true");

    ParsedChatCompletion<Recipe> refused = client.chat().completions().parse(params, Recipe.class);
    assertThat(refused.refusal()).isEqualTo("No.");
  }

  @Test
  void asyncParse() {
    server.enqueue(json(200, Fixtures.response("resp_1", "completed", "[" + Fixtures.message(RECIPE_JSON) + "]")));

    Recipe recipe = client.async().responses()
        .parse(ResponseCreateParams.builder().model("gpt-5").input("A pancake recipe").build(), Recipe.class).join().output();

    assertThat(recipe.minutes()).isEqualTo(20);
  }
}
