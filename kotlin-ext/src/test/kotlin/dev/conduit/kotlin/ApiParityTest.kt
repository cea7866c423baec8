package dev.conduit.kotlin

import dev.conduit.OpenAIClientAsync
import dev.conduit.core.AsyncPage
import dev.conduit.services.ChatCompletionServiceAsync
import dev.conduit.services.ChatServiceAsync
import dev.conduit.services.EmbeddingServiceAsync
import dev.conduit.services.FileServiceAsync
import dev.conduit.services.InputItemServiceAsync
import dev.conduit.services.InputTokenServiceAsync
import dev.conduit.services.ModelServiceAsync
import dev.conduit.services.ResponseServiceAsync
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.lang.reflect.ParameterizedType
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Flow as JavaFlow
import kotlin.coroutines.Continuation
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.flow.Flow

/**
 * Guards against drift between the Java asynchronous API and its Kotlin twin. The twin is generated
 * at build time (kotlin-ext/src/generator); this test checks the result independently, so a
 * generator that skipped or mistranslated a method fails the build.
 *
 * Every asynchronous service reachable from [OpenAIClientAsync] must have a Kotlin class named by
 * convention (`dev.conduit.services.admin.GroupServiceAsync` gives
 * `dev.conduit.kotlin.admin.CoroutineGroupService`). For every public method of a Java type, the
 * twin must declare a public method of the same name that takes the parameters of the Java method's
 * widest overload, in order (a Java functional interface matches a Kotlin function type), and has
 * the matching shape: a future of a page, of a publisher, or a publisher itself becomes a [Flow];
 * any other future becomes a `suspend` function returning its value; an asynchronous service becomes
 * its Kotlin twin; anything else is returned as it is.
 */
class ApiParityTest {
  private val twins: Map<Class<*>, Class<*>> = reachableServices().associateWith { twinOf(it) } +
    (OpenAIClientAsync::class.java to CoroutineClient::class.java)

  /** Java methods whose Kotlin counterpart has another name (and so another return type), and why. */
  private val renamed: Map<Pair<Class<*>, String>, String> = mapOf(
    // The Java client's twin is the blocking client; the Kotlin client's is the asynchronous one.
    (OpenAIClientAsync::class.java to "sync") to "async",
  )

  private fun reachableServices(): Set<Class<*>> {
    val reachable = LinkedHashSet<Class<*>>()
    fun walk(type: Class<*>) {
      publicMethods(type).map { it.returnType }.filter { it.isAsyncService() && reachable.add(it) }.forEach(::walk)
    }
    walk(OpenAIClientAsync::class.java)
    return reachable
  }

  private fun twinOf(service: Class<*>): Class<*> {
    val pkg = "dev.conduit.kotlin" + service.packageName.removePrefix("dev.conduit.services")
    val name = "$pkg.Coroutine" + service.simpleName.removeSuffix("Async")
    return try {
      Class.forName(name)
    } catch (e: ClassNotFoundException) {
      throw AssertionError("${service.name} has no Kotlin twin $name", e)
    }
  }

  @Test
  fun `the services the hand-written tests use are among the twins`() {
    for (service in listOf(
      ModelServiceAsync::class.java, ResponseServiceAsync::class.java, InputItemServiceAsync::class.java,
      InputTokenServiceAsync::class.java,
      ChatServiceAsync::class.java, ChatCompletionServiceAsync::class.java, EmbeddingServiceAsync::class.java,
      FileServiceAsync::class.java,
    )) {
      assertTrue(service in twins, "${service.name} is not reachable from the client")
    }
    assertEquals(CoroutineResponseService::class.java, twins[ResponseServiceAsync::class.java])
  }

  @Test
  fun `every asynchronous service reachable from the client has a Kotlin twin`() {
    val services = reachableServices()

    assertTrue(services.size >= 7, "reachable: $services")
    assertEquals(services.size + 1, twins.size)
  }

  @Test
  fun `every public method of the Java asynchronous API has a Kotlin counterpart of the same shape`() {
    val problems = ArrayList<String>()
    for ((javaType, kotlinType) in twins) {
      for ((name, overloads) in publicMethods(javaType).groupBy { it.name }) {
        val widest = overloads.maxBy { it.parameterCount }
        val kotlinName = renamed[javaType to name] ?: name
        val candidates = publicMethods(kotlinType).filter { it.name == kotlinName }
        if (candidates.isEmpty()) {
          problems += "${javaType.simpleName}.$name has no counterpart ${kotlinType.simpleName}.$kotlinName"
          continue
        }
        val match = candidates.firstOrNull { sameParameters(widest, it) }
        if (match == null) {
          problems += "${kotlinType.simpleName}.$kotlinName takes none of " + candidates.map { describe(it) } +
            " but ${javaType.simpleName}.${describe(widest)}"
          continue
        }
        if (kotlinName == name) {
          shapeProblem(widest, match)?.let { problems += "${kotlinType.simpleName}.$kotlinName: $it" }
        }
      }
    }
    assertEquals(emptyList(), problems)
  }

  @Test
  fun `the check sees the methods it is meant to see`() {
    val names = publicMethods(ResponseServiceAsync::class.java).map { it.name }.toSet()

    assertEquals(setOf("create", "stream", "parse", "retrieve", "delete", "cancel", "compact", "inputItems", "inputTokens"), names)
    assertTrue(publicMethods(CoroutineResponseService::class.java).any { it.name == "create" && it.isSuspend() })
  }

  private fun publicMethods(type: Class<*>): List<Method> =
    type.methods.filter {
      it.declaringClass != Any::class.java && !it.isSynthetic && !it.isBridge &&
        it.name !in setOf("toString", "hashCode", "equals", "close") &&
        Modifier.isPublic(it.modifiers)
    }

  private fun Class<*>.isAsyncService(): Boolean =
    name.startsWith("dev.conduit.services.") && simpleName.endsWith("Async")

  private fun Method.isSuspend(): Boolean =
    parameterTypes.lastOrNull() == Continuation::class.java

  private fun kotlinParameters(method: Method): List<Class<*>> =
    method.parameterTypes.toList().let { if (method.isSuspend()) it.dropLast(1) else it }

  private fun sameParameters(java: Method, kotlin: Method): Boolean {
    val kotlinParams = kotlinParameters(kotlin)
    return kotlinParams.size == java.parameterCount &&
      java.parameterTypes.zip(kotlinParams).all { (j, k) ->
        j == k || (j.packageName == "java.util.function" && k.name.startsWith("kotlin.jvm.functions."))
      }
  }

  /** Returns what is wrong with [kotlin]'s shape as the counterpart of [java], or null. */
  private fun shapeProblem(java: Method, kotlin: Method): String? {
    val returned = java.returnType
    val futureOf = (java.genericReturnType as? ParameterizedType)
      ?.takeIf { returned == CompletableFuture::class.java }
      ?.actualTypeArguments?.single()
      ?.let { (it as? ParameterizedType)?.rawType ?: it } as? Class<*>
    val flowExpected = JavaFlow.Publisher::class.java.isAssignableFrom(returned) ||
      futureOf == AsyncPage::class.java || futureOf == JavaFlow.Publisher::class.java
    return when {
      flowExpected ->
        if (kotlin.returnType == Flow::class.java && !kotlin.isSuspend()) null else "expected a Flow, found ${describe(kotlin)}"
      futureOf != null -> if (kotlin.isSuspend()) null else "expected a suspend function, found ${describe(kotlin)}"
      returned in twins -> if (kotlin.returnType == twins[returned]) null else "expected to return ${twins[returned]?.simpleName}"
      kotlin.isSuspend() -> "expected a plain function, found a suspend one"
      Modifier.isStatic(java.modifiers) != Modifier.isStatic(kotlin.modifiers) -> "expected static = ${Modifier.isStatic(java.modifiers)}"
      returned.isTwinOf(kotlin.returnType) -> null
      else -> "expected to return ${returned.simpleName}, found ${kotlin.returnType.simpleName}"
    }
  }

  private fun Class<*>.isTwinOf(kotlin: Class<*>): Boolean = this == kotlin || twins[this] == kotlin

  private fun describe(method: Method): String =
    method.name + kotlinParameters(method).joinToString(", ", "(", ")") { it.simpleName } +
      (if (method.isSuspend()) " suspend" else "") + ": " + method.returnType.simpleName
}
