package dev.conduit.kotlin

import dev.conduit.OpenAIClient
import dev.conduit.kotlin.support.SlowSseServer
import dev.conduit.kotlin.support.SlowSseServer.Mode
import dev.conduit.models.responses.ResponseTextDeltaEvent
import java.util.concurrent.TimeUnit
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout

/**
 * Cancelling a coroutine, or a flow operator that stops early, aborts the HTTP exchange: proven from
 * the server's side, by a raw socket server that sees the connection end while it still had more to
 * send (or had not answered at all).
 */
class CancellationTest {
  private val servers = ArrayList<SlowSseServer>()
  private val clients = ArrayList<OpenAIClient>()

  @AfterTest
  fun close() {
    clients.forEach { it.close() }
    servers.forEach { it.close() }
  }

  private fun start(mode: Mode): Pair<SlowSseServer, CoroutineClient> {
    val server = SlowSseServer(mode).also { servers += it }
    val client = OpenAIClient.builder()
      .apiKey("sk-test")
      .baseUrl(server.baseUrl)
      .transport("jdk")
      .jsonCodec("moshi")
      .maxRetries(0)
      .build()
      .also { clients += it }
    return server to client.coroutines()
  }

  private val params = responseCreateParams {
    model = "gpt-5"
    input("Count for ever.")
  }

  @Test
  fun `cancelling the collecting coroutine mid-stream closes the connection`() = runTest {
    val (server, client) = start(Mode.STREAM)
    val firstDelta = CompletableDeferred<String>()
    val job = launch {
      client.responses().stream(params).collect {
        if (it is ResponseTextDeltaEvent) firstDelta.complete(it.delta())
      }
    }
    assertEquals("tick 1 ", firstDelta.await())
    job.cancelAndJoin()

    assertTrue(withContext(Dispatchers.IO) { server.awaitDisconnect() }, "the server never saw the client hang up")
    assertTrue(job.isCancelled)
    val sentAtDisconnect = server.eventsSent.get()
    withContext(Dispatchers.IO) { TimeUnit.MILLISECONDS.sleep(300) }
    assertEquals(sentAtDisconnect, server.eventsSent.get(), "the server kept streaming after the disconnect")
  }

  @Test
  fun `take on a stream returns its items and closes the connection`() = runTest {
    val (server, client) = start(Mode.STREAM)

    val deltas = client.responses().stream(params).textDeltas().take(3).toList()

    assertEquals(listOf("tick 1 ", "tick 2 ", "tick 3 "), deltas)
    assertTrue(withContext(Dispatchers.IO) { server.awaitDisconnect() }, "the server never saw the client hang up")
    assertEquals(1, server.requests.get())
  }

  @Test
  fun `cancelling a suspended call aborts its request`() = runTest {
    val (server, client) = start(Mode.SILENT)
    val job = launch(Dispatchers.IO) { client.responses().create(params) }
    assertTrue(withContext(Dispatchers.IO) { server.requestRead.await(10, TimeUnit.SECONDS) }, "no request arrived")

    job.cancelAndJoin()

    assertTrue(withContext(Dispatchers.IO) { server.awaitDisconnect() }, "the server never saw the client hang up")
    assertTrue(job.isCancelled)
  }

  @Test
  fun `a timeout around a suspended call aborts its request`() = runTest {
    val (server, client) = start(Mode.SILENT)

    assertFailsWith<TimeoutCancellationException> {
      withContext(Dispatchers.IO) { withTimeout(500) { client.responses().create(params) } }
    }

    assertTrue(withContext(Dispatchers.IO) { server.awaitDisconnect() }, "the server never saw the client hang up")
    assertEquals(1, server.requests.get())
  }
}
