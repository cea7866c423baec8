package dev.conduit.kotlin.internal

import dev.conduit.internal.schema.JsonSchemaGenerator
import java.lang.reflect.GenericArrayType
import java.lang.reflect.ParameterizedType
import java.lang.reflect.Type

/** The schema generator of this module's function tools; it caches the schema of each type. */
internal val schemas: JsonSchemaGenerator = JsonSchemaGenerator()

/**
 * Checks that [type] and every Kotlin class it reaches through record components are records, so
 * that Conduit's schema generator and JSON codecs can bind them, and explains how to fix a Kotlin
 * class that is not. Other unsupported types are left to the generator, which names them.
 *
 * @throws IllegalArgumentException naming the offending class and the component path
 */
internal fun requireRecords(type: Class<*>, role: String) {
  if (!type.isRecord) {
    throw IllegalArgumentException(
      "${type.name} is not a record; the root of a $role schema must be a record" +
        if (isKotlin(type)) ": annotate the data class with @JvmRecord" else "",
    )
  }
  visit(type, type.simpleName, HashSet())
}

private fun visit(record: Class<*>, path: String, seen: MutableSet<Class<*>>) {
  if (!seen.add(record)) {
    return
  }
  for (component in record.recordComponents) {
    visitType(component.genericType, "$path.${component.name}", seen)
  }
}

private fun visitType(type: Type, path: String, seen: MutableSet<Class<*>>) {
  when (type) {
    is Class<*> -> when {
      type.isArray -> visitType(type.componentType, "$path[]", seen)
      type.isRecord -> visit(type, path, seen)
      isKotlin(type) && !type.isEnum -> throw IllegalArgumentException(
        "$path: ${type.name} is a Kotlin class but not a record; annotate it with @JvmRecord",
      )
    }
    is ParameterizedType -> type.actualTypeArguments.forEach { visitType(it, "$path[]", seen) }
    is GenericArrayType -> visitType(type.genericComponentType, "$path[]", seen)
  }
}

private fun isKotlin(type: Class<*>): Boolean = type.isAnnotationPresent(Metadata::class.java)
