package dev.conduit.kotlin

import com.sun.net.httpserver.HttpServer
import dev.conduit.OpenAIClient
import dev.conduit.json.moshi.MoshiJsonCodec
import dev.conduit.models.responses.InputTokenCountParams
import dev.conduit.models.responses.ResponseCompactParams
import dev.conduit.models.responses.ResponseInputItem
import dev.conduit.models.responses.ResponseOutputItem
import java.net.InetAddress
import java.net.InetSocketAddress
import java.nio.charset.StandardCharsets.UTF_8
import java.util.concurrent.ConcurrentHashMap
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlinx.coroutines.test.runTest

/** The coroutine twins of compaction and input token counts, against a loopback server answering as the API does. */
class CompactionAndTokenCountTest {
  private val received = ConcurrentHashMap<String, Map<*, *>>()
  private val server = HttpServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0).apply {
    answer("/v1/responses/input_tokens", """{"object":"response.input_tokens","input_tokens":11}""")
    answer("/v1/responses/compact", """{"id":"resp_001","object":"response.compaction","created_at":1731459200,
      |"output":[{"type":"message","role":"user","content":[{"type":"input_text","text":"Hi"}]},
      |{"type":"compaction","id":"cmp_001","encrypted_content":"encrypted-summary"}],
      |"usage":{"input_tokens":40,"output_tokens":10,"total_tokens":50}}""".trimMargin())
    start()
  }
  private val java: OpenAIClient = OpenAIClient.builder()
    .apiKey("sk-test")
    .baseUrl("http://127.0.0.1:${server.address.port}/v1")
    .transport("jdk")
    .jsonCodec("moshi")
    .build()
  private val client = java.coroutines()

  private fun HttpServer.answer(path: String, json: String) {
    createContext(path) { exchange ->
      received[path] = MoshiJsonCodec.create().readTree(exchange.requestBody.readAllBytes()) as Map<*, *>
      val bytes = json.toByteArray(UTF_8)
      exchange.responseHeaders.add("Content-Type", "application/json")
      exchange.sendResponseHeaders(200, bytes.size.toLong())
      exchange.responseBody.use { it.write(bytes) }
    }
  }

  @AfterTest
  fun close() {
    java.close()
    server.stop(0)
  }

  @Test
  fun `input tokens are counted by a suspend call`() = runTest {
    val count = client.responses().inputTokens().count(InputTokenCountParams.from(responseCreateParams {
      model = "gpt-5"
      input("Tell me a joke.")
      temperature = 0.5
    }))

    assertEquals(11L, count.inputTokens())
    assertEquals(mapOf("model" to "gpt-5", "input" to "Tell me a joke."), received["/v1/responses/input_tokens"])
  }

  @Test
  fun `a conversation is compacted by a suspend call`() = runTest {
    val compacted = client.responses().compact(ResponseCompactParams.builder()
      .model("gpt-5.1-codex-max")
      .input(listOf(ResponseInputItem.userMessage("Hi")))
      .build())

    assertEquals(listOf("message", "compaction"), compacted.output().map { it.type() })
    assertEquals("cmp_001", (compacted.output()[1] as ResponseOutputItem.Unknown).id())
    assertEquals(50L, compacted.usage().totalTokens())
    assertEquals("gpt-5.1-codex-max", received["/v1/responses/compact"]?.get("model"))
  }
}
