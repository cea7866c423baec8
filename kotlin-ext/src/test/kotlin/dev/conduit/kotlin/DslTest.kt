package dev.conduit.kotlin

import dev.conduit.models.ReasoningEffort
import dev.conduit.models.chat.ChatCompletionContentPart
import dev.conduit.models.chat.ChatCompletionCreateParams
import dev.conduit.models.chat.ChatCompletionMessage
import dev.conduit.models.chat.ChatCompletionMessageParam
import dev.conduit.models.chat.ChatCompletionTool
import dev.conduit.models.chat.ResponseFormat
import dev.conduit.models.responses.FunctionTool
import dev.conduit.models.responses.Reasoning
import dev.conduit.models.responses.ResponseCreateParams
import dev.conduit.models.responses.ResponseInputContent
import dev.conduit.models.responses.ResponseInputItem
import dev.conduit.models.responses.ToolChoice
import dev.conduit.models.responses.WebSearchTool
import dev.conduit.models.shared.ModerationParam
import dev.conduit.models.shared.Prompt
import dev.conduit.models.shared.PromptCacheModeEnum
import dev.conduit.models.shared.PromptCacheOptionsParam
import dev.conduit.structured.Description
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull

@JvmRecord
@Description("Arguments of get_weather")
data class WeatherArgs(@Description("City name") val city: String, val unit: TemperatureUnit, val days: Int)

enum class TemperatureUnit { CELSIUS, FAHRENHEIT }

/** The DSL builders produce exactly what the Java builders produce. */
class DslTest {
  private val weatherSchema: Map<String, Any?> = mapOf(
    "type" to "object",
    "description" to "Arguments of get_weather",
    "properties" to mapOf(
      "city" to mapOf("type" to "string", "description" to "City name"),
      "unit" to mapOf("type" to "string", "enum" to listOf("CELSIUS", "FAHRENHEIT")),
      "days" to mapOf("type" to "integer"),
    ),
    "required" to listOf("city", "unit", "days"),
    "additionalProperties" to false,
  )

  @Test
  fun `responseCreateParams sets every property as the Java builder does`() {
    val tool = functionTool<WeatherArgs>("get_weather", "Current weather")
    val kotlin = responseCreateParams {
      model = "gpt-5"
      instructions = "Be brief."
      input("Weather in Paris?")
      previousResponseId = "resp_1"
      temperature = 0.2
      topP = 0.9
      maxOutputTokens = 500
      toolChoice = ToolChoice.function("get_weather")
      reasoning = Reasoning.of(ReasoningEffort.LOW)
      store = false
      background = false
      metadata = mapOf("k" to "v")
      parallelToolCalls = true
      user = "u1"
      include = listOf("reasoning.encrypted_content")
      serviceTier = "flex"
      truncation = "auto"
      conversation = "conv_1"
      topLogprobs = 3
      maxToolCalls = 5
      safetyIdentifier = "user-7f3a"
      promptCacheKey = "cache-1"
      promptCacheRetention = "24h"
      promptCacheOptions = PromptCacheOptionsParam.builder().mode(PromptCacheModeEnum.EXPLICIT).build()
      prompt = Prompt.builder().id("pmpt_1").build()
      moderation = ModerationParam.builder().model("omni-moderation-latest").build()
      tool(tool)
      tool(WebSearchTool.builder().build())
      jsonField("context_management", listOf(mapOf("type" to "compaction")))
    }
    val java = ResponseCreateParams.builder()
      .model("gpt-5")
      .instructions("Be brief.")
      .input("Weather in Paris?")
      .previousResponseId("resp_1")
      .temperature(0.2)
      .topP(0.9)
      .maxOutputTokens(500L)
      .toolChoice(ToolChoice.function("get_weather"))
      .reasoning(Reasoning.of(ReasoningEffort.LOW))
      .store(false)
      .background(false)
      .metadata(mapOf("k" to "v"))
      .parallelToolCalls(true)
      .user("u1")
      .include(listOf("reasoning.encrypted_content"))
      .serviceTier("flex")
      .truncation("auto")
      .conversation("conv_1")
      .topLogprobs(3L)
      .maxToolCalls(5L)
      .safetyIdentifier("user-7f3a")
      .promptCacheKey("cache-1")
      .promptCacheRetention("24h")
      .promptCacheOptions(PromptCacheOptionsParam.builder().mode(PromptCacheModeEnum.EXPLICIT).build())
      .prompt(Prompt.builder().id("pmpt_1").build())
      .moderation(ModerationParam.builder().model("omni-moderation-latest").build())
      .addTool(tool)
      .addTool(WebSearchTool.builder().build())
      .putJsonField("context_management", listOf(mapOf("type" to "compaction")))
      .build()

    assertEquals(java.toJson(), kotlin.toJson())
  }

  @Test
  fun `unset properties are not sent`() {
    val params = responseCreateParams { model = "gpt-5" }

    assertEquals(mapOf<String, Any?>("model" to "gpt-5"), params.toJson())
  }

  @Test
  fun `input items are appended, and a text input set before becomes a user message`() {
    val earlier = ResponseInputItem.assistantMessage("Earlier answer.")
    val params = responseCreateParams {
      model = "gpt-5"
      input("First question")
      input {
        developer("Answer in French.")
        system("You are terse.")
        assistant("Sure.")
        user(ResponseInputContent.text("Look:"), ResponseInputContent.imageUrl("https://example.com/a.png"))
        items(listOf(earlier))
        item(ResponseInputItem.itemReference("msg_1"))
        functionCallOutput("call_1", """{"celsius":21}""")
      }
    }

    val expected = listOf(
      ResponseInputItem.userMessage("First question"),
      ResponseInputItem.developerMessage("Answer in French."),
      ResponseInputItem.systemMessage("You are terse."),
      ResponseInputItem.assistantMessage("Sure."),
      ResponseInputItem.message(
        "user",
        listOf(ResponseInputContent.text("Look:"), ResponseInputContent.imageUrl("https://example.com/a.png")),
      ),
      earlier,
      ResponseInputItem.itemReference("msg_1"),
      ResponseInputItem.functionCallOutput("call_1", """{"celsius":21}"""),
    )
    assertEquals(expected.map { it.toJson() }, params.inputItems().map { it.toJson() })
    assertNull(params.inputText())
  }

  @Test
  fun `a later input replaces an earlier one`() {
    val params = responseCreateParams {
      input { user("dropped") }
      input("kept")
    }

    assertEquals("kept", params.inputText())
  }

  @Test
  fun `functionTool derives strict parameters from a JvmRecord data class`() {
    val tool = functionTool<WeatherArgs>("get_weather", "Current weather")

    assertEquals("get_weather", tool.name())
    assertEquals("Current weather", tool.description())
    assertEquals(true, tool.strict())
    assertEquals(weatherSchema, tool.parameters())
  }

  @Test
  fun `a tool block gives the same tool, or one with a schema written by hand`() {
    val params = responseCreateParams {
      tool("get_weather") {
        description = "Current weather"
        parametersFrom<WeatherArgs>()
      }
      tool("ping") {
        parameters = mapOf("type" to "object", "properties" to emptyMap<String, Any?>())
        strict = false
      }
      tool("noop") {}
    }

    val tools = params.tools().map { it as FunctionTool }
    assertEquals(functionTool<WeatherArgs>("get_weather", "Current weather"), tools[0])
    assertEquals(FunctionTool.builder().name("ping").strict(false)
      .parameters(mapOf("type" to "object", "properties" to emptyMap<String, Any?>())).build(), tools[1])
    assertEquals(mapOf<String, Any?>("type" to "function", "name" to "noop"), tools[2].toJson())
  }

  @Test
  fun `deriving parameters from a data class without JvmRecord explains the fix`() {
    val e = assertFailsWith<IllegalArgumentException> { functionTool<PlainRecipe>("cook") }

    assertEquals(
      "dev.conduit.kotlin.PlainRecipe is not a record; the root of a function tool's parameters schema must be" +
        " a record: annotate the data class with @JvmRecord",
      e.message,
    )
  }

  @Test
  fun `chatCompletionCreateParams sets every property as the Java builder does`() {
    // fromJson freezes the tree it is given in place, so it must be mutable.
    val toolCallMessage = ChatCompletionMessage.fromJson(mutableMapOf(
      "role" to "assistant",
      "content" to null,
      "tool_calls" to mutableListOf(mutableMapOf(
        "id" to "call_1", "type" to "function",
        "function" to mutableMapOf("name" to "get_weather", "arguments" to """{"city":"Paris"}"""),
      )),
    ))
    val kotlin = chatCompletionCreateParams {
      model = "gpt-5"
      messages {
        system("Be brief.")
        developer("Use metric units.")
        user("Weather in Paris?")
        user(ChatCompletionContentPart.text("And this:"), ChatCompletionContentPart.imageUrl("https://example.com/a.png"))
        assistant(toolCallMessage)
        tool("call_1", """{"celsius":21}""")
        assistant("It is 21 °C.")
        message(ChatCompletionMessageParam.user("Thanks"))
      }
      tool(chatFunctionTool<WeatherArgs>("get_weather", "Current weather"))
      temperature = 0.5
      topP = 0.8
      maxCompletionTokens = 100
      n = 1
      stop = listOf("END")
      seed = 42
      presencePenalty = 0.1
      frequencyPenalty = 0.2
      toolChoice = "auto"
      responseFormat = ResponseFormat.text()
      parallelToolCalls = false
      user = "u1"
      safetyIdentifier = "hash"
      promptCacheKey = "cache"
      store = true
      metadata = mapOf("k" to "v")
      logprobs = true
      topLogprobs = 2
      reasoningEffort = ReasoningEffort.LOW
      jsonField("verbosity", "low")
    }
    val java = ChatCompletionCreateParams.builder()
      .model("gpt-5")
      .addSystemMessage("Be brief.")
      .addDeveloperMessage("Use metric units.")
      .addUserMessage("Weather in Paris?")
      .addMessage(ChatCompletionMessageParam.user(listOf(
        ChatCompletionContentPart.text("And this:"), ChatCompletionContentPart.imageUrl("https://example.com/a.png"))))
      .addMessage(toolCallMessage)
      .addToolMessage("call_1", """{"celsius":21}""")
      .addAssistantMessage("It is 21 °C.")
      .addMessage(ChatCompletionMessageParam.user("Thanks"))
      .addTool(ChatCompletionTool.builder().name("get_weather").description("Current weather")
        .parameters(weatherSchema).strict(true).build())
      .temperature(0.5)
      .topP(0.8)
      .maxCompletionTokens(100)
      .n(1)
      .stop(listOf("END"))
      .seed(42)
      .presencePenalty(0.1)
      .frequencyPenalty(0.2)
      .toolChoice("auto")
      .responseFormat(ResponseFormat.text())
      .parallelToolCalls(false)
      .user("u1")
      .safetyIdentifier("hash")
      .promptCacheKey("cache")
      .store(true)
      .metadata(mapOf("k" to "v"))
      .logprobs(true)
      .topLogprobs(2)
      .reasoningEffort(ReasoningEffort.LOW)
      .putJsonField("verbosity", "low")
      .build()

    assertEquals(java.toJson(), kotlin.toJson())
  }

  @Test
  fun `a forced function and its chat tool block`() {
    val params = chatCompletionCreateParams {
      model = "gpt-5"
      messages { user("Weather?") }
      tool("get_weather") { parametersFrom<WeatherArgs>() }
      toolChoiceFunction = "get_weather"
    }

    assertEquals("get_weather", params.toolChoiceFunctionName())
    assertEquals(weatherSchema, params.tools().single().function().parameters())
    assertEquals(true, params.tools().single().function().strict())
  }

  @Test
  fun `chat parameters are validated`() {
    val noModel = assertFailsWith<IllegalStateException> { chatCompletionCreateParams { messages { user("hi") } } }
    val noMessages = assertFailsWith<IllegalStateException> { chatCompletionCreateParams { model = "gpt-5" } }
    val twoChoices = assertFailsWith<IllegalStateException> {
      chatCompletionCreateParams {
        model = "gpt-5"
        messages { user("hi") }
        toolChoice = "auto"
        toolChoiceFunction = "get_weather"
      }
    }

    assertEquals("model is required but was not set", noModel.message)
    assertEquals("messages is required but was not set", noMessages.message)
    assertEquals("toolChoice and toolChoiceFunction both set: auto, get_weather", twoChoices.message)
  }
}
