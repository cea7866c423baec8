@file:JvmName("FunctionTools")

package dev.conduit.kotlin

import dev.conduit.kotlin.internal.requireRecords
import dev.conduit.kotlin.internal.schemas
import dev.conduit.models.chat.ChatCompletionTool
import dev.conduit.models.responses.FunctionTool

/**
 * Marks Conduit's builder DSLs, so that a block nested in another (such as `input { }` in
 * `responseCreateParams { }`) cannot call the outer builder by accident.
 */
@DslMarker
@Target(AnnotationTarget.CLASS)
public annotation class ConduitDsl

/**
 * Describes a function the model may call: what it does and the JSON Schema of its arguments.
 * Used by [functionTool], [chatFunctionTool] and the `tool(name) { }` blocks of the parameter
 * builders.
 *
 * ```kotlin
 * @JvmRecord data class WeatherArgs(val city: String)
 *
 * tool("get_weather") {
 *     description = "Current weather of a city"
 *     parametersFrom<WeatherArgs>()
 * }
 * ```
 */
@ConduitDsl
public class FunctionToolBuilder internal constructor() {
  /** What the function does, which the model uses to decide when to call it; null for none. */
  public var description: String? = null

  /**
   * The JSON Schema of the arguments, given as maps, lists and scalars; null for a function without
   * parameters. [parametersFrom] derives it from a record instead.
   */
  public var parameters: Map<String, Any?>? = null

  /** Whether the model must follow [parameters] exactly; null leaves the server's default. */
  public var strict: Boolean? = null

  /**
   * Sets [parameters] to the strict JSON Schema of [type], a record (in Kotlin, a `@JvmRecord` data
   * class), and turns [strict] on. Components become required properties named like the
   * components; a `?` alone does not make one optional (it is not visible to Java reflection).
   *
   * @throws IllegalArgumentException if [type] is not a record, reaches a Kotlin class that is not
   *     one, or uses a type strict mode cannot express
   */
  public fun parametersFrom(type: Class<*>) {
    requireRecords(type, "function tool's parameters")
    parameters = schemas.functionParameters(type)
    strict = true
  }

  /** Sets [parameters] to the strict JSON Schema of [T] and turns [strict] on; see [parametersFrom]. */
  public inline fun <reified T : Any> parametersFrom() {
    parametersFrom(T::class.java)
  }

  internal fun toFunctionTool(name: String): FunctionTool =
    FunctionTool.builder()
      .name(name)
      .description(description)
      .parameters(parameters)
      .strict(strict)
      .build()

  internal fun toChatTool(name: String): ChatCompletionTool =
    ChatCompletionTool.builder()
      .name(name)
      .description(description)
      .parameters(parameters)
      .strict(strict)
      .build()
}

/**
 * Returns a Responses API function tool named [name], described by [block].
 *
 * @throws IllegalArgumentException as [FunctionToolBuilder.parametersFrom] does
 */
public fun functionTool(name: String, block: FunctionToolBuilder.() -> Unit): FunctionTool =
  FunctionToolBuilder().apply(block).toFunctionTool(name)

/**
 * Returns a strict Responses API function tool named [name] whose arguments are described by [T], a
 * `@JvmRecord` data class; decode a call's arguments into [T] with your JSON library.
 *
 * ```kotlin
 * @JvmRecord data class WeatherArgs(@Description("City name") val city: String)
 *
 * val weather = functionTool<WeatherArgs>("get_weather", "Current weather of a city")
 * ```
 *
 * @throws IllegalArgumentException as [FunctionToolBuilder.parametersFrom] does
 */
public inline fun <reified T : Any> functionTool(name: String, description: String? = null): FunctionTool =
  functionTool(name) {
    this.description = description
    parametersFrom<T>()
  }

/**
 * Returns a Chat Completions function tool named [name], described by [block].
 *
 * @throws IllegalArgumentException as [FunctionToolBuilder.parametersFrom] does
 */
public fun chatFunctionTool(name: String, block: FunctionToolBuilder.() -> Unit): ChatCompletionTool =
  FunctionToolBuilder().apply(block).toChatTool(name)

/**
 * Returns a strict Chat Completions function tool named [name] whose arguments are described by
 * [T], a `@JvmRecord` data class.
 *
 * @throws IllegalArgumentException as [FunctionToolBuilder.parametersFrom] does
 */
public inline fun <reified T : Any> chatFunctionTool(name: String, description: String? = null): ChatCompletionTool =
  chatFunctionTool(name) {
    this.description = description
    parametersFrom<T>()
  }
