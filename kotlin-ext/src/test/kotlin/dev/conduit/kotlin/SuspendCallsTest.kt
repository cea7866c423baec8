package dev.conduit.kotlin

import dev.conduit.OpenAIClient
import dev.conduit.errors.BadRequestException
import dev.conduit.errors.NotFoundException
import dev.conduit.errors.RateLimitException
import dev.conduit.kotlin.support.clientOf
import dev.conduit.kotlin.support.requests
import dev.conduit.models.chat.ChatCompletionListParams
import dev.conduit.models.chat.ChatCompletionUpdateParams
import dev.conduit.models.embeddings.EmbeddingCreateParams
import dev.conduit.testing.FakeOpenAI
import dev.conduit.testing.FakeReply
import dev.conduit.testing.Fault
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.test.runTest

/** Every kind of call through the coroutine client, against the fake OpenAI server on loopback. */
class SuspendCallsTest {
  private val fake = FakeOpenAI.start()
  private val java: OpenAIClient = clientOf(fake)
  private val client = java.coroutines()

  @AfterTest
  fun close() {
    java.close()
    fake.close()
  }

  @Test
  fun `create returns the model's answer as the Java client's Response`() = runTest {
    fake.reply(FakeReply.text("Hello from the fake."))

    val response = client.responses().create(responseCreateParams {
      model = "gpt-5"
      instructions = "Be brief."
      input("Say hello")
    })

    assertEquals("Hello from the fake.", response.outputText())
    assertEquals("gpt-5", response.model())
    val sent = fake.lastRequest()
    assertEquals("/v1/responses", sent.path())
    assertEquals("Be brief.", sent.bodyJson()["instructions"])
    assertEquals("Say hello", sent.bodyJson()["input"])
  }

  @Test
  fun `stored responses can be retrieved, listed by input item and deleted`() = runTest {
    val created = client.responses().create(responseCreateParams {
      model = "gpt-5"
      store = true
      input {
        developer("Echo the user.")
        user("ping")
      }
    })

    assertEquals(created.id(), client.responses().retrieve(created.id()).id())
    val roles = client.responses().inputItems().list(created.id()).toList().map { it.type() }
    assertEquals(listOf("message", "message"), roles)

    client.responses().delete(created.id())
    assertFailsWith<NotFoundException> { client.responses().retrieve(created.id()) }
  }

  @Test
  fun `models are listed as a flow and retrieved`() = runTest {
    fake.addModel("my-local-model")

    val ids = client.models().list().map { it.id() }.toList()

    assertTrue("my-local-model" in ids, "listed: $ids")
    assertEquals("my-local-model", client.models().retrieve("my-local-model").id())
  }

  @Test
  fun `embeddings are created`() = runTest {
    val embeddings = client.embeddings().create(
      EmbeddingCreateParams.builder().model("text-embedding-3-small").input(listOf("a", "b")).dimensions(8).build(),
    )

    assertEquals(listOf(0L, 1L), embeddings.data().map { it.index() })
    assertEquals(8, embeddings.data()[0].dimensions())
  }

  @Test
  fun `stored chat completions are created, listed, updated, read and deleted`() = runTest {
    fake.reply(FakeReply.text("Rayleigh scattering."))
    val completion = client.chat().completions().create(chatCompletionCreateParams {
      model = "gpt-5"
      store = true
      messages {
        system("Answer in two words.")
        user("Why is the sky blue?")
      }
    })
    assertEquals("Rayleigh scattering.", completion.choices()[0].message().content())

    val listed = client.chat().completions().list(ChatCompletionListParams.builder().limit(10).build()).first()
    assertEquals(completion.id(), listed.id())
    val updated = client.chat().completions()
      .update(completion.id(), ChatCompletionUpdateParams.builder().metadata(mapOf("topic" to "sky")).build())
    assertEquals(mapOf("topic" to "sky"), updated.metadata())
    assertEquals(completion.id(), client.chat().completions().retrieve(completion.id()).id())
    val messages = client.chat().completions().listMessages(completion.id()).toList()
    assertEquals(listOf("Answer in two words.", "Why is the sky blue?"), messages.map { it.content() })
    assertTrue(client.chat().completions().delete(completion.id()).deleted())
    assertFailsWith<NotFoundException> { client.chat().completions().retrieve(completion.id()) }
  }

  @Test
  fun `an error status throws the exception type the Java client throws`() = runTest {
    val javaError = assertFailsWith<NotFoundException> { java.files().retrieve("file-missing") }

    val kotlinError = assertFailsWith<NotFoundException> { client.files().retrieve("file-missing") }

    assertEquals(javaError::class, kotlinError::class)
    assertEquals(404, kotlinError.statusCode())
    assertEquals(javaError.error()?.message(), kotlinError.error()?.message())
    assertNotNull(kotlinError.requestId())
  }

  @Test
  fun `a rate limit is a RateLimitException, from a suspend call and from a stream`() = runTest {
    fake.injectFault(Fault.status(429), 2)
    val params = responseCreateParams {
      model = "gpt-5"
      input("hi")
    }

    assertEquals(429, assertFailsWith<RateLimitException> { client.responses().create(params) }.statusCode())
    assertFailsWith<RateLimitException> { client.responses().stream(params).toList() }
  }

  @Test
  fun `an invalid request fails the stream before any event`() = runTest {
    fake.injectFault("POST /v1/chat/completions", Fault.status(400))
    val params = chatCompletionCreateParams {
      model = "gpt-5"
      messages { user("hi") }
    }
    val seen = ArrayList<Any>()

    assertFailsWith<BadRequestException> { client.chat().completions().stream(params).collect { seen += it } }
    assertEquals(emptyList(), seen)
  }

  @Test
  fun `withRawResponse returns the status and request id with the body`() = runTest {
    fake.reply(FakeReply.text("raw"))

    val raw = client.withRawResponse {
      it.responses().create(responseCreateParams {
        model = "gpt-5"
        input("hi")
      })
    }

    assertEquals(200, raw.statusCode())
    assertEquals("raw", raw.body().outputText())
    assertNotNull(raw.requestId())
  }

  @Test
  fun `withRawResponse fails when the function made no request`() = runTest {
    val e = assertFailsWith<IllegalStateException> { client.withRawResponse { "nothing" } }
    assertTrue("made no request" in e.message.orEmpty(), e.message)
  }

  @Test
  fun `withOptions derives a client that sends the changed settings`() = runTest {
    val tagged = client.withOptions { defaultHeader("x-team", "kotlin") }

    tagged.models().retrieve("gpt-4o-mini")
    assertEquals("kotlin", fake.lastRequest().header("x-team"))
    client.models().retrieve("gpt-4o-mini")
    assertNull(fake.lastRequest().header("x-team"))
    assertEquals(2, fake.requests("GET", "/v1/models/gpt-4o-mini").size)
  }
}
