package dev.conduit.examples;

import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.structured.Description;
import dev.conduit.structured.ParsedResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Structured output: the answer as a typed record, validated against a strict schema derived from it. */
public final class StructuredOutput {
  private StructuredOutput() {}

  /** One step of a recipe. */
  public record Step(int number, String instruction) {}

  /** The typed answer. */
  @Description("A short recipe")
  public record Recipe(String title, @Description("total minutes") int minutes, List<String> ingredients, List<Step> steps,
      @Nullable String tip) {}

  public static void main(String[] args) {
    try (ExampleSession session = ExampleSession.open()) {
      run(session);
    }
  }

  static void run(ExampleSession session) {
    ParsedResponse<Recipe> parsed = session.client().responses().parse(
        ResponseCreateParams.builder().model(session.model()).input("A quick pancake recipe.").build(), Recipe.class);
    if (parsed.isRefusal()) {
      session.out().println("The model refused: " + parsed.refusal());
      return;
    }
    Recipe recipe = parsed.output();
    session.out().println(recipe.title() + " (" + recipe.minutes() + " min), " + recipe.ingredients().size() + " ingredients, "
        + recipe.steps().size() + " steps");
  }
}
