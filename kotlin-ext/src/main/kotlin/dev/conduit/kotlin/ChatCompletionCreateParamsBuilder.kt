package dev.conduit.kotlin

import dev.conduit.models.chat.ChatCompletionContentPart
import dev.conduit.models.chat.ChatCompletionCreateParams
import dev.conduit.models.chat.ChatCompletionMessage
import dev.conduit.models.chat.ChatCompletionMessageParam
import dev.conduit.models.chat.ChatCompletionStreamOptions
import dev.conduit.models.chat.ChatCompletionTool
import dev.conduit.models.ReasoningEffort
import dev.conduit.models.chat.ResponseFormat
import dev.conduit.models.chat.ServiceTier

/**
 * Returns the [ChatCompletionCreateParams] that [block] describes:
 *
 * ```kotlin
 * val params = chatCompletionCreateParams {
 *     model = "gpt-5"
 *     messages {
 *         system("Answer in one sentence.")
 *         user("Why is the sky blue?")
 *     }
 * }
 * ```
 *
 * Properties left null are not sent, so the server's defaults apply.
 *
 * @throws IllegalStateException if no model or no message was given, or both [ChatCompletionCreateParamsBuilder.toolChoice]
 *     and [ChatCompletionCreateParamsBuilder.toolChoiceFunction] were set
 */
public fun chatCompletionCreateParams(block: ChatCompletionCreateParamsBuilder.() -> Unit): ChatCompletionCreateParams =
  ChatCompletionCreateParamsBuilder().apply(block).build()

/**
 * The receiver of [chatCompletionCreateParams]: the fields of [ChatCompletionCreateParams] as
 * properties, and functions for the messages and the tools. A property set to null is not sent.
 */
@ConduitDsl
public class ChatCompletionCreateParamsBuilder internal constructor() {
  private val messages = ArrayList<ChatCompletionMessageParam>()
  private val tools = ArrayList<ChatCompletionTool>()
  private val jsonFields = LinkedHashMap<String, Any?>()

  /** The model id, e.g. `"gpt-5"`; required. */
  public var model: String? = null

  /** The sampling temperature, 0 to 2. */
  public var temperature: Double? = null

  /** The nucleus-sampling probability mass; alter this or the temperature, not both. */
  public var topP: Double? = null

  /** The upper bound of generated tokens, reasoning tokens included. */
  public var maxCompletionTokens: Long? = null

  /** How many choices to generate (each is billed). */
  public var n: Long? = null

  /** Up to four stop sequences. */
  public var stop: List<String>? = null

  /** The seed for best-effort deterministic sampling. */
  public var seed: Long? = null

  /** The presence penalty, -2 to 2. */
  public var presencePenalty: Double? = null

  /** The frequency penalty, -2 to 2. */
  public var frequencyPenalty: Double? = null

  /** The tool choice mode: `"none"`, `"auto"` or `"required"`. */
  public var toolChoice: String? = null

  /** The name of a function the model must call; excludes [toolChoice]. */
  public var toolChoiceFunction: String? = null

  /** The response format, e.g. [ResponseFormat.jsonObject]. */
  public var responseFormat: ResponseFormat? = null

  /** Whether several tool calls may come in one answer. */
  public var parallelToolCalls: Boolean? = null

  /** The end-user id (deprecated by the API in favour of [safetyIdentifier]). */
  public var user: String? = null

  /** A stable, hashed identifier of the end user for abuse detection. */
  public var safetyIdentifier: String? = null

  /** A key that groups similar requests for prompt caching. */
  public var promptCacheKey: String? = null

  /** Whether the completion is stored, for the stored-completion endpoints. */
  public var store: Boolean? = null

  /** Up to 16 metadata key-value pairs. */
  public var metadata: Map<String, String>? = null

  /** Whether to return log probabilities of the output tokens. */
  public var logprobs: Boolean? = null

  /** How many most likely tokens to return per position, 0 to 20; needs [logprobs]. */
  public var topLogprobs: Long? = null

  /** The reasoning effort of a reasoning model. */
  public var reasoningEffort: ReasoningEffort? = null

  /** The requested service tier. */
  public var serviceTier: ServiceTier? = null

  /** The stream options, sent only when the completion is streamed. */
  public var streamOptions: ChatCompletionStreamOptions? = null

  /** Appends the messages [block] describes to the conversation. */
  public fun messages(block: ChatMessagesBuilder.() -> Unit) {
    ChatMessagesBuilder(messages).block()
  }

  /** Adds a tool the model may call, e.g. one made by [chatFunctionTool]. */
  public fun tool(tool: ChatCompletionTool) {
    tools += tool
  }

  /**
   * Adds a function tool named [name], described by [block].
   *
   * @throws IllegalArgumentException as [FunctionToolBuilder.parametersFrom] does
   */
  public fun tool(name: String, block: FunctionToolBuilder.() -> Unit) {
    tools += chatFunctionTool(name, block)
  }

  /**
   * Sets the body field [name] to [value], converted to JSON; for parameters this version of Conduit
   * does not model. It wins over a property of the same JSON name.
   */
  public fun jsonField(name: String, value: Any?) {
    jsonFields[name] = value
  }

  internal fun build(): ChatCompletionCreateParams {
    check(toolChoice == null || toolChoiceFunction == null) {
      "toolChoice and toolChoiceFunction both set: $toolChoice, $toolChoiceFunction"
    }
    val builder = ChatCompletionCreateParams.builder()
    model?.let(builder::model)
    if (messages.isNotEmpty()) {
      builder.messages(messages)
    }
    temperature?.let(builder::temperature)
    topP?.let(builder::topP)
    maxCompletionTokens?.let(builder::maxCompletionTokens)
    n?.let(builder::n)
    stop?.let { builder.stop(it) }
    seed?.let(builder::seed)
    presencePenalty?.let(builder::presencePenalty)
    frequencyPenalty?.let(builder::frequencyPenalty)
    if (tools.isNotEmpty()) {
      builder.tools(tools)
    }
    toolChoice?.let { builder.toolChoice(it) }
    toolChoiceFunction?.let(builder::toolChoiceFunction)
    parallelToolCalls?.let(builder::parallelToolCalls)
    store?.let(builder::store)
    logprobs?.let(builder::logprobs)
    topLogprobs?.let(builder::topLogprobs)
    builder
      .responseFormat(responseFormat)
      .user(user)
      .safetyIdentifier(safetyIdentifier)
      .promptCacheKey(promptCacheKey)
      .metadata(metadata)
      .reasoningEffort(reasoningEffort)
      .serviceTier(serviceTier)
      .streamOptions(streamOptions)
    jsonFields.forEach { (name, value) -> builder.putJsonField(name, value) }
    return builder.build()
  }
}

/** The receiver of [ChatCompletionCreateParamsBuilder.messages]: appends messages in order. */
@ConduitDsl
public class ChatMessagesBuilder internal constructor(private val messages: MutableList<ChatCompletionMessageParam>) {
  /** Appends a system message. */
  public fun system(content: String) {
    messages += ChatCompletionMessageParam.system(content)
  }

  /** Appends a developer message (instructions for o1 and newer models). */
  public fun developer(content: String) {
    messages += ChatCompletionMessageParam.developer(content)
  }

  /** Appends a user message with text content. */
  public fun user(content: String) {
    messages += ChatCompletionMessageParam.user(content)
  }

  /** Appends a user message made of content parts (text, images, audio, files). */
  public fun user(vararg parts: ChatCompletionContentPart) {
    messages += ChatCompletionMessageParam.user(parts.toList())
  }

  /** Appends an assistant message with text content, e.g. an earlier answer of the model. */
  public fun assistant(content: String) {
    messages += ChatCompletionMessageParam.assistant(content)
  }

  /**
   * Appends a generated [message] echoed back as an assistant message, tool calls included, as a
   * tool loop must before the tool messages that answer its calls.
   */
  public fun assistant(message: ChatCompletionMessage) {
    messages += ChatCompletionMessageParam.fromMessage(message)
  }

  /** Appends a tool message answering the tool call [toolCallId] with [content]. */
  public fun tool(toolCallId: String, content: String) {
    messages += ChatCompletionMessageParam.tool(toolCallId, content)
  }

  /** Appends [message]. */
  public fun message(message: ChatCompletionMessageParam) {
    messages += message
  }
}
