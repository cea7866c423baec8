package dev.conduit.kotlin

import dev.conduit.models.responses.Reasoning
import dev.conduit.models.responses.ResponseCreateParams
import dev.conduit.models.responses.ResponseInputContent
import dev.conduit.models.responses.ResponseInputItem
import dev.conduit.models.responses.ResponseTextConfig
import dev.conduit.models.responses.Tool
import dev.conduit.models.responses.ToolChoice
import dev.conduit.models.shared.ModerationParam
import dev.conduit.models.shared.Prompt
import dev.conduit.models.shared.PromptCacheOptionsParam

/**
 * Returns the [ResponseCreateParams] that [block] describes:
 *
 * ```kotlin
 * val params = responseCreateParams {
 *     model = "gpt-5"
 *     instructions = "Answer in one sentence."
 *     input("What is the capital of France?")
 *     tool(functionTool<WeatherArgs>("get_weather", "Current weather of a city"))
 * }
 * ```
 *
 * Properties left null are not sent, so the server's defaults apply.
 */
public fun responseCreateParams(block: ResponseCreateParamsBuilder.() -> Unit): ResponseCreateParams =
  ResponseCreateParamsBuilder().apply(block).build()

/**
 * The receiver of [responseCreateParams]: the fields of [ResponseCreateParams] as properties, and
 * functions for the input and the tools. A property set to null is not sent.
 */
@ConduitDsl
public class ResponseCreateParamsBuilder internal constructor() {
  private var input: Any? = null // a String, or a MutableList<ResponseInputItem>
  private val tools = ArrayList<Tool>()
  private val jsonFields = LinkedHashMap<String, Any?>()

  /** The model, e.g. `"gpt-5"`; may be left null when a prompt template supplies it. */
  public var model: String? = null

  /** The system (developer) instructions. */
  public var instructions: String? = null

  /** The id of the previous response, to continue its conversation. */
  public var previousResponseId: String? = null

  /** The sampling temperature, 0 to 2. */
  public var temperature: Double? = null

  /** The nucleus-sampling probability mass, 0 to 1. */
  public var topP: Double? = null

  /** The upper bound on generated tokens, reasoning included. */
  public var maxOutputTokens: Long? = null

  /** How the model chooses tools: [ToolChoice.auto], [ToolChoice.required], [ToolChoice.function], ... */
  public var toolChoice: ToolChoice? = null

  /** The text output configuration, e.g. a JSON schema format. */
  public var text: ResponseTextConfig? = null

  /** The reasoning configuration, e.g. `Reasoning.of(ReasoningEffort.LOW)`. */
  public var reasoning: Reasoning? = null

  /** Whether to store the response for later retrieval. */
  public var store: Boolean? = null

  /** Whether to run the response in the background. */
  public var background: Boolean? = null

  /** Up to 16 metadata key-value pairs. */
  public var metadata: Map<String, String>? = null

  /** Whether tool calls may run in parallel. */
  public var parallelToolCalls: Boolean? = null

  /** The end-user identifier. */
  public var user: String? = null

  /** The extra output data to include, e.g. `"reasoning.encrypted_content"`. */
  public var include: List<String>? = null

  /** The service tier, e.g. `"flex"` or `"priority"`. */
  public var serviceTier: String? = null

  /** The truncation strategy: `"auto"` or `"disabled"`. */
  public var truncation: String? = null

  /** The id of the conversation the response belongs to; its items are read before the input. */
  public var conversation: String? = null

  /** How many most likely tokens to return per position, 0 to 20, each with its log probability. */
  public var topLogprobs: Long? = null

  /** The upper bound on calls to built-in tools in the response. */
  public var maxToolCalls: Long? = null

  /** A stable identifier of the end user (e.g. a hash of their user name), for abuse detection. */
  public var safetyIdentifier: String? = null

  /** The key under which the prompt cache is read and written. */
  public var promptCacheKey: String? = null

  /** How long a prompt cache entry is retained: `"in_memory"` or `"24h"`. */
  public var promptCacheRetention: String? = null

  /** The prompt cache options. */
  public var promptCacheOptions: PromptCacheOptionsParam? = null

  /** A prompt template stored in the dashboard, with its variables. */
  public var prompt: Prompt? = null

  /** A moderation model to run on the input and output. */
  public var moderation: ModerationParam? = null

  /** Sets the input to [text], which the model reads as a user message. */
  public fun input(text: String) {
    input = text
  }

  /** Sets the input to [items]: messages, earlier output items, tool call outputs. */
  public fun input(items: List<ResponseInputItem>) {
    input = items.toMutableList()
  }

  /**
   * Appends the items [block] describes to the input; a text input set before becomes a user message
   * first.
   *
   * ```kotlin
   * input {
   *     developer("Answer in French.")
   *     user("What is the weather in Paris?")
   * }
   * ```
   */
  public fun input(block: ResponseInputBuilder.() -> Unit) {
    val items: MutableList<ResponseInputItem> = when (val current = input) {
      is String -> mutableListOf(ResponseInputItem.userMessage(current))
      is MutableList<*> -> @Suppress("UNCHECKED_CAST") (current as MutableList<ResponseInputItem>)
      else -> ArrayList()
    }
    ResponseInputBuilder(items).block()
    input = items
  }

  /** Adds a tool the model may call, e.g. one made by [functionTool]. */
  public fun tool(tool: Tool) {
    tools += tool
  }

  /**
   * Adds a function tool named [name], described by [block]:
   *
   * ```kotlin
   * tool("get_weather") {
   *     description = "Current weather of a city"
   *     parametersFrom<WeatherArgs>()
   * }
   * ```
   *
   * @throws IllegalArgumentException as [FunctionToolBuilder.parametersFrom] does
   */
  public fun tool(name: String, block: FunctionToolBuilder.() -> Unit) {
    tools += functionTool(name, block)
  }

  /**
   * Sets the body field [name] to [value], converted to JSON; for parameters this version of Conduit
   * does not model. It wins over a property of the same JSON name.
   */
  public fun jsonField(name: String, value: Any?) {
    jsonFields[name] = value
  }

  internal fun build(): ResponseCreateParams {
    val builder = ResponseCreateParams.builder()
    model?.let(builder::model)
    when (val current = input) {
      is String -> builder.input(current)
      is MutableList<*> -> @Suppress("UNCHECKED_CAST") builder.input(current as List<ResponseInputItem>)
    }
    builder
      .instructions(instructions)
      .previousResponseId(previousResponseId)
      .temperature(temperature)
      .topP(topP)
      .maxOutputTokens(maxOutputTokens)
      .text(text)
      .reasoning(reasoning)
      .store(store)
      .background(background)
      .metadata(metadata)
      .parallelToolCalls(parallelToolCalls)
      .user(user)
      .include(include)
      .serviceTier(serviceTier)
      .truncation(truncation)
      .conversation(conversation)
      .topLogprobs(topLogprobs)
      .maxToolCalls(maxToolCalls)
      .safetyIdentifier(safetyIdentifier)
      .promptCacheKey(promptCacheKey)
      .promptCacheRetention(promptCacheRetention)
      .promptCacheOptions(promptCacheOptions)
      .prompt(prompt)
      .moderation(moderation)
    toolChoice?.let(builder::toolChoice)
    if (tools.isNotEmpty()) {
      builder.tools(tools)
    }
    jsonFields.forEach { (name, value) -> builder.putJsonField(name, value) }
    return builder.build()
  }
}

/**
 * The receiver of [ResponseCreateParamsBuilder.input]: appends input items in order.
 */
@ConduitDsl
public class ResponseInputBuilder internal constructor(private val items: MutableList<ResponseInputItem>) {
  /** Appends a user message with text content. */
  public fun user(text: String) {
    items += ResponseInputItem.userMessage(text)
  }

  /** Appends a user message made of content parts (text, images, files). */
  public fun user(vararg content: ResponseInputContent) {
    items += ResponseInputItem.message("user", content.toList())
  }

  /** Appends a system message. */
  public fun system(text: String) {
    items += ResponseInputItem.systemMessage(text)
  }

  /** Appends a developer message: instructions that outrank the user's. */
  public fun developer(text: String) {
    items += ResponseInputItem.developerMessage(text)
  }

  /** Appends an assistant message, e.g. an earlier answer of the model. */
  public fun assistant(text: String) {
    items += ResponseInputItem.assistantMessage(text)
  }

  /** Appends the result of the function call [callId], as text (often JSON) the model reads. */
  public fun functionCallOutput(callId: String, output: String) {
    items += ResponseInputItem.functionCallOutput(callId, output)
  }

  /** Appends [item]. */
  public fun item(item: ResponseInputItem) {
    items += item
  }

  /**
   * Appends [items], such as the output of an earlier response (`items(first.output())`), which a
   * tool loop sends back before the outputs of the calls it contains.
   */
  public fun items(items: List<ResponseInputItem>) {
    this.items += items
  }
}
