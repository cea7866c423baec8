package dev.conduit.kotlin

import dev.conduit.OpenAIClient
import dev.conduit.kotlin.support.clientOf
import dev.conduit.structured.Description
import dev.conduit.testing.FakeOpenAI
import dev.conduit.testing.FakeReply
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.test.runTest

@JvmRecord
@Description("A recipe")
data class Recipe(
  @Description("The dish") val title: String,
  val servings: Int,
  val ingredients: List<Ingredient>,
  val difficulty: Difficulty,
)

@JvmRecord
data class Ingredient(val name: String, val grams: Double)

enum class Difficulty { EASY, HARD }

/** A data class that is not a record: structured outputs cannot bind it. */
data class PlainRecipe(val title: String)

@JvmRecord
data class Menu(val starter: PlainRecipe)

/** `parse<T>()` of `@JvmRecord` data classes, for responses and chat completions, against the fake. */
class StructuredOutputTest {
  private val fake = FakeOpenAI.start()
  private val java: OpenAIClient = clientOf(fake)
  private val client = java.coroutines()

  @AfterTest
  fun close() {
    java.close()
    fake.close()
  }

  private val pancakes = Recipe(
    "Pancakes", 4, listOf(Ingredient("flour", 250.0), Ingredient("milk", 500.0)), Difficulty.EASY,
  )
  private val pancakesJson =
    """{"title":"Pancakes","servings":4,"ingredients":[{"name":"flour","grams":250.0},""" +
      """{"name":"milk","grams":500.0}],"difficulty":"EASY"}"""

  @Test
  fun `parse of a response decodes a nested data class and sends its strict schema`() = runTest {
    fake.reply(FakeReply.json(pancakesJson))

    val parsed = client.responses().parse<Recipe>(responseCreateParams {
      model = "gpt-5"
      input("A pancake recipe, please.")
    })

    assertEquals(pancakes, parsed.output())
    assertNull(parsed.refusal())
    @Suppress("UNCHECKED_CAST")
    val format = (fake.lastRequest().bodyJson()["text"] as Map<String, Any?>)["format"] as Map<String, Any?>
    assertEquals("json_schema", format["type"])
    assertEquals("Recipe", format["name"])
    assertEquals(true, format["strict"])
    @Suppress("UNCHECKED_CAST")
    val schema = format["schema"] as Map<String, Any?>
    assertEquals("A recipe", schema["description"])
    assertEquals(listOf("title", "servings", "ingredients", "difficulty"), schema["required"])
    @Suppress("UNCHECKED_CAST")
    assertTrue("Ingredient" in (schema["\$defs"] as Map<String, Any?>).keys, "nested record defined: $schema")
  }

  @Test
  fun `parse of a chat completion decodes the first choice`() = runTest {
    fake.reply(FakeReply.json(pancakesJson))

    val parsed = client.chat().completions().parse<Recipe>(chatCompletionCreateParams {
      model = "gpt-5"
      messages { user("A pancake recipe, please.") }
    })

    assertEquals(pancakes, parsed.output())
    @Suppress("UNCHECKED_CAST")
    val format = fake.lastRequest().bodyJson()["response_format"] as Map<String, Any?>
    assertEquals("json_schema", format["type"])
  }

  @Test
  fun `without a scripted answer the fake still produces conforming JSON that decodes`() = runTest {
    val parsed = client.responses().parse<Recipe>(responseCreateParams {
      model = "gpt-5"
      input("Anything.")
    })

    val recipe = parsed.output()!!
    assertTrue(recipe.difficulty in Difficulty.entries)
  }

  @Test
  fun `a refusal is returned instead of an output`() = runTest {
    fake.reply(FakeReply.refusal("I cannot cook."))

    val parsed = client.responses().parse<Recipe>(responseCreateParams {
      model = "gpt-5"
      input("Cook!")
    })

    assertTrue(parsed.isRefusal())
    assertEquals("I cannot cook.", parsed.refusal())
    assertNull(parsed.output())
  }

  @Test
  fun `a data class without @JvmRecord is rejected before any request, with the fix in the message`() = runTest {
    val params = responseCreateParams {
      model = "gpt-5"
      input("Anything.")
    }

    val root = assertFailsWith<IllegalArgumentException> { client.responses().parse<PlainRecipe>(params) }
    val nested = assertFailsWith<IllegalArgumentException> { client.responses().parse<Menu>(params) }

    assertEquals(
      "dev.conduit.kotlin.PlainRecipe is not a record; the root of a structured output schema must be a record:" +
        " annotate the data class with @JvmRecord",
      root.message,
    )
    assertEquals(
      "Menu.starter: dev.conduit.kotlin.PlainRecipe is a Kotlin class but not a record; annotate it with @JvmRecord",
      nested.message,
    )
    assertEquals(0, fake.journal().size)
  }
}
