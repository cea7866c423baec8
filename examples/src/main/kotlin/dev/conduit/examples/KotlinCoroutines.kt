@file:JvmName("KotlinCoroutines")

package dev.conduit.examples

import dev.conduit.kotlin.coroutines
import dev.conduit.kotlin.responseCreateParams
import dev.conduit.kotlin.textDeltas
import dev.conduit.structured.Description
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.runBlocking

/** The typed answer of the structured-output call: a `@JvmRecord` data class is a Java record. */
@JvmRecord
@Description("A city and why it is worth a visit")
data class City(val name: String, val country: String, @Description("one sentence") val why: String)

/**
 * Kotlin: `suspend` calls, a streamed answer as a `Flow`, requests in parallel, a typed answer, and
 * lazy pagination, through conduit-kotlin's coroutine client. Run it with
 * `./mvnw -q -pl examples -am package -DskipTests -Drun -Dexample=KotlinCoroutines`.
 */
fun main() {
  ExampleSession.open().use { run(it) }
}

/** Runs the example in [session]. */
fun run(session: ExampleSession) = runBlocking {
  val client = session.client().coroutines()
  val out = session.out()

  // A suspend call, with the parameters built by the DSL.
  val hello = client.responses().create(responseCreateParams {
    model = session.model()
    instructions = "Answer in one sentence."
    input("What is a coroutine?")
  })
  out.println("answer: " + hello.outputText())

  // A streamed answer: a cold Flow of text deltas; the request is sent when it is collected.
  client.responses().stream(responseCreateParams {
    model = session.model()
    input("Count to five.")
  }).textDeltas().collect { out.print(it) }
  out.println()

  // Three requests in flight at once; cancelling this scope would abort them all.
  val colors = listOf("red", "green", "blue").map { color ->
    async {
      client.responses().create(responseCreateParams {
        model = session.model()
        input("Name something $color.")
      }).outputText()
    }
  }.awaitAll()
  out.println("in parallel: $colors")

  // A typed answer: the JSON schema is derived from City, the output decoded into it.
  val city = client.responses().parse<City>(responseCreateParams {
    model = session.model()
    input("Suggest a city to visit.")
  })
  out.println(city.output()?.let { "visit ${it.name} (${it.country}): ${it.why}" } ?: "refused: ${city.refusal()}")

  // Pagination as a Flow: pages are fetched only as far as the collector goes.
  client.models().list().take(3).collect { out.println("model: " + it.id()) }
}
