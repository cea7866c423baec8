package dev.conduit.kotlin

import dev.conduit.models.responses.Response
import dev.conduit.models.responses.ResponseCreateParams
import dev.conduit.structured.ParsedResponse
import java.io.File
import java.net.URI
import java.util.jar.JarFile
import kotlin.reflect.KType
import kotlin.reflect.typeOf
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.jspecify.annotations.NullMarked
import org.jspecify.annotations.NullUnmarked

/**
 * Kotlin sees Conduit's nullability, not platform types.
 *
 * This file is itself the compile-time check. Kotlin gives a Java method's return value a platform
 * type (`String!`) unless nullness annotations say otherwise; a platform type is accepted where a
 * `String` is wanted *and* where a `String?` is, so plain assignments prove nothing. Two devices do:
 *
 * 1. Overload resolution, at compile time. [nullableOnly] has a `String` and a `String?` overload
 *    that return different types. A `String` or a `String!` argument picks the `String` overload
 *    (returning [Int]); only a true `String?` picks the other (returning [Long]). So
 *    `val check: Long = nullableOnly(response.previousResponseId())` compiles only if the getter is
 *    `String?`: this file stops compiling if the getter loses its `@Nullable`, or if Kotlin stops
 *    reading JSpecify (`-Xjspecify-annotations=strict` in the pom makes mismatches errors).
 * 2. The static type, reified. [staticTypeOf] returns `typeOf<T>()` for the type the compiler
 *    inferred for its argument, which for a platform type is `String!`, unequal to both `String`
 *    and `String?`. Comparing it with `typeOf<String>()` proves a getter is non-null, not platform.
 *
 * Beyond these samples, [`every public API class is NullMarked`] checks that every public class of
 * Conduit's exported packages is in JSpecify's null-marked scope, where an unannotated type is
 * non-null, so none of their members can reach Kotlin as a platform type.
 */
class NullabilityTest {
  private val response: Response = Response.builder().id("resp_1").model("gpt-5").createdAt(1).build()

  private fun nullableOnly(@Suppress("UNUSED_PARAMETER") value: String): Int = 0

  @JvmName("nullableOnlyNullable")
  private fun nullableOnly(@Suppress("UNUSED_PARAMETER") value: String?): Long = 1L

  private inline fun <reified T> staticTypeOf(@Suppress("UNUSED_PARAMETER") value: T): KType = typeOf<T>()

  @Test
  fun `Response id is String and previousResponseId is nullable, at compile time`() {
    val id: String = response.id()
    val previousIsNullable: Long = nullableOnly(response.previousResponseId())
    val temperatureIsNullable: Double? = response.temperature()
    val idIsNotNullable: Int = nullableOnly(response.id())

    assertEquals("resp_1", id)
    assertEquals(1L, previousIsNullable)
    assertEquals(0, idIsNotNullable)
    assertNull(temperatureIsNullable)
    assertNull(response.previousResponseId())
  }

  @Test
  fun `the inferred types are exact, not platform types`() {
    assertEquals(typeOf<String>(), staticTypeOf(response.id()))
    assertEquals(typeOf<String?>(), staticTypeOf(response.previousResponseId()))
    assertEquals(typeOf<Long?>(), staticTypeOf(response.maxOutputTokens()))
    assertEquals(typeOf<String?>(), staticTypeOf(ResponseCreateParams.builder().build().model()))
    val parsed = ParsedResponse<Recipe>(response, null, "no")
    assertEquals(typeOf<Recipe?>(), staticTypeOf(parsed.output()))
    assertEquals(typeOf<String?>(), staticTypeOf(parsed.refusal()))
  }

  @Test
  fun `a platform type is told apart, so the check above can fail`() {
    val platform: KType = staticTypeOf(System.getProperty("conduit.no.such.property"))

    assertTrue(platform != typeOf<String>() && platform != typeOf<String?>(), "platform type: $platform")
  }

  @Test
  fun `every public API class is NullMarked`() {
    val classes = apiClassNames().map { Class.forName(it, false, Response::class.java.classLoader) }
      .filter { java.lang.reflect.Modifier.isPublic(it.modifiers) && !it.isAnnotation }
    assertTrue(classes.size > 100, "found only ${classes.size} API classes")

    val unmarked = classes.filter { !isNullMarked(it) }.map { it.name }

    assertEquals(emptyList(), unmarked)
  }

  private fun isNullMarked(type: Class<*>): Boolean {
    var c: Class<*>? = type
    while (c != null) {
      if (c.isAnnotationPresent(NullUnmarked::class.java)) return false
      if (c.isAnnotationPresent(NullMarked::class.java)) return true
      c = c.enclosingClass
    }
    val pkg = type.`package`
    return pkg != null && pkg.isAnnotationPresent(NullMarked::class.java) && !pkg.isAnnotationPresent(NullUnmarked::class.java)
  }

  /** Names the classes of conduit-api's exported packages, from its jar or its classes directory. */
  private fun apiClassNames(): List<String> {
    val location = File(URI(Response::class.java.protectionDomain.codeSource.location.toString()))
    val paths = if (location.isDirectory) {
      location.walk().filter { it.isFile }.map { it.relativeTo(location).invariantSeparatorsPath }.toList()
    } else {
      JarFile(location).use { jar -> jar.entries().toList().map { it.name } }
    }
    return paths
      .filter { it.startsWith("dev/conduit/") && it.endsWith(".class") && "/internal/" !in it }
      .filter { !it.endsWith("module-info.class") && !it.endsWith("package-info.class") }
      .map { it.removeSuffix(".class").replace('/', '.') }
  }
}
