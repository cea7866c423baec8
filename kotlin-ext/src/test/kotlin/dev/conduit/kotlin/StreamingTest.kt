package dev.conduit.kotlin

import dev.conduit.OpenAIClient
import dev.conduit.kotlin.support.clientOf
import dev.conduit.kotlin.support.requests
import dev.conduit.models.chat.ChatCompletionStreamOptions
import dev.conduit.models.responses.Reasoning
import dev.conduit.models.responses.ResponseLifecycleEvent
import dev.conduit.models.responses.ResponseStatus
import dev.conduit.models.responses.ResponseTextDeltaEvent
import dev.conduit.testing.FakeOpenAI
import dev.conduit.testing.FakeReply
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.flow.asFlow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.filterIsInstance
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.yield

/** Streamed responses and chat completions collected as flows, against the fake OpenAI server. */
class StreamingTest {
  private val fake = FakeOpenAI.start()
  private val java: OpenAIClient = clientOf(fake)
  private val client = java.coroutines()

  @AfterTest
  fun close() {
    java.close()
    fake.close()
  }

  private val params = responseCreateParams {
    model = "gpt-5"
    input("Tell me a story.")
  }

  @Test
  fun `a streamed response is collected as typed events, in order`() = runTest {
    fake.reply(FakeReply.text("Once upon a time, a flow was collected."))

    val events = client.responses().stream(params).toList()

    assertEquals("response.created", events.first().type())
    assertEquals("response.completed", events.last().type())
    assertEquals(events.indices.map { it.toLong() }, events.map { it.sequenceNumber() })
    val deltas = events.filterIsInstance<ResponseTextDeltaEvent>().map { it.delta() }
    assertTrue(deltas.size > 1, "the fake splits text into token-sized deltas: $deltas")
    assertEquals("Once upon a time, a flow was collected.", deltas.joinToString(""))
  }

  @Test
  fun `textDeltas and toResponse give the text and the final response`() = runTest {
    fake.reply(FakeReply.text("Deltas, then a response."), FakeReply.text("Deltas, then a response."))

    val text = client.responses().stream(params).textDeltas().toList().joinToString("")
    val shown = StringBuilder()
    val response = client.responses().stream(params)
      .onEach { if (it is ResponseTextDeltaEvent) shown.append(it.delta()) }
      .toResponse()

    assertEquals("Deltas, then a response.", text)
    assertEquals("Deltas, then a response.", shown.toString())
    assertEquals("Deltas, then a response.", response.outputText())
    assertEquals(ResponseStatus.COMPLETED, response.status())
  }

  @Test
  fun `reasoningDeltas give the reasoning summary apart from the answer`() = runTest {
    fake.reply(FakeReply.reasoning("The user wants a greeting.").plus(FakeReply.text("Hello!")))

    val events = client.responses().stream(responseCreateParams {
      model = "gpt-5"
      reasoning = Reasoning.builder().summary("auto").build()
      input("Greet me.")
    }).toList()

    val flowOfEvents = events.asFlow()
    assertEquals("The user wants a greeting.", flowOfEvents.reasoningDeltas().toList().joinToString(""))
    assertEquals("Hello!", flowOfEvents.textDeltas().toList().joinToString(""))
  }

  @Test
  fun `a stream is cold and each collection sends its own request`() = runTest {
    fake.reply(FakeReply.text("first"), FakeReply.text("second"))
    val stream = client.responses().stream(params)
    assertEquals(0, fake.requests("POST", "/v1/responses").size, "building the flow sent a request")

    val first = stream.textDeltas().toList().joinToString("")
    val second = stream.textDeltas().toList().joinToString("")

    assertEquals(listOf("first", "second"), listOf(first, second))
    assertEquals(2, fake.requests("POST", "/v1/responses").size)
    assertEquals(true, fake.lastRequest().bodyJson()["stream"])
  }

  @Test
  fun `a slow collector with a one-event buffer sees every event, in order`() = runTest {
    val long = (1..300).joinToString(" ") { "word$it" }
    fake.reply(FakeReply.text(long))

    val text = client.responses().stream(params)
      .buffer(1)
      .onEach { yield() }
      .filterIsInstance<ResponseTextDeltaEvent>()
      .map { it.delta() }
      .toList()
      .joinToString("")

    assertEquals(long, text)
  }

  @Test
  fun `lifecycle events carry the response being built`() = runTest {
    fake.reply(FakeReply.text("ok"))

    val lifecycle = client.responses().stream(params).filterIsInstance<ResponseLifecycleEvent>().toList()

    assertEquals(lifecycle.first().response().id(), lifecycle.last().response().id())
  }

  @Test
  fun `a streamed chat completion gives text deltas and the merged completion`() = runTest {
    fake.reply(FakeReply.text("Streaming chat works."), FakeReply.text("Streaming chat works."))
    val chat = chatCompletionCreateParams {
      model = "gpt-5"
      streamOptions = ChatCompletionStreamOptions.builder().includeUsage(true).build()
      messages { user("Does streaming chat work?") }
    }

    val text = client.chat().completions().stream(chat).textDeltas().toList().joinToString("")
    val completion = client.chat().completions().stream(chat).toCompletion()

    assertEquals("Streaming chat works.", text)
    assertEquals("Streaming chat works.", completion.choices()[0].message().content())
    assertTrue((completion.usage()?.totalTokens() ?: 0) > 0, "usage of the last chunk: ${completion.usage()}")
  }
}
