package dev.conduit.kotlin.support

import java.io.IOException
import java.io.InputStream
import java.net.InetAddress
import java.net.ServerSocket
import java.net.Socket
import java.net.SocketException
import java.util.concurrent.ConcurrentLinkedQueue
import java.nio.charset.StandardCharsets.UTF_8
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicReference
import kotlin.concurrent.thread

/**
 * A raw HTTP/1.1 server on loopback that stands for an API whose answers never end, so a test can
 * see from the server's side when the client gives up. Each request is answered according to
 * [mode]: [Mode.STREAM] sends a Responses API event stream, one text delta every [interval], for as
 * long as the client listens; [Mode.SILENT] reads the request and never answers.
 *
 * The server notices a disconnect in two independent ways: reading the socket returns end of stream
 * (the client closed or aborted the connection) or writing to it fails (the peer reset it). Either
 * one counts down [disconnected] and is recorded in [disconnectSignal].
 */
internal class SlowSseServer(private val mode: Mode, private val interval: Long = 50) : AutoCloseable {
  enum class Mode { STREAM, SILENT }

  private val server = ServerSocket(0, 50, InetAddress.getLoopbackAddress())
  private val sockets = ConcurrentLinkedQueue<Socket>()

  /** Requests fully read. */
  val requests = AtomicInteger()

  /** Events written and flushed. */
  val eventsSent = AtomicInteger()

  /** Counted down when the first disconnect is seen. */
  val disconnected = CountDownLatch(1)

  /** How the first disconnect was seen: "read returned -1" or "write failed: ...". */
  val disconnectSignal = AtomicReference<String>()

  /** Counted down when the first request has been read completely. */
  val requestRead = CountDownLatch(1)

  val baseUrl: String = "http://127.0.0.1:${server.localPort}/v1"

  init {
    thread(name = "slow-sse-accept", isDaemon = true) {
      while (!server.isClosed) {
        val socket = try {
          server.accept()
        } catch (e: IOException) {
          break
        }
        sockets += socket
        thread(name = "slow-sse-conn", isDaemon = true) { serve(socket) }
      }
    }
  }

  /** Waits up to [seconds] for a disconnect; true if one was seen. */
  fun awaitDisconnect(seconds: Long = 10): Boolean = disconnected.await(seconds, TimeUnit.SECONDS)

  private fun serve(socket: Socket) {
    socket.use {
      val input = socket.getInputStream()
      readRequest(input)
      requests.incrementAndGet()
      requestRead.countDown()
      // From here on the client sends nothing: end of stream on the socket means it hung up.
      thread(name = "slow-sse-watch", isDaemon = true) {
        try {
          while (input.read() != -1) {
            // Whatever else the client sends (a chunked body's tail) is not a hang-up; keep reading.
          }
          disconnect("read returned -1")
        } catch (e: IOException) {
          disconnect("read failed: $e")
        }
      }
      if (mode == Mode.SILENT) {
        while (!socket.isClosed && disconnected.count > 0) {
          Thread.sleep(10)
        }
        return
      }
      val out = socket.getOutputStream()
      try {
        out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n" +
            "x-request-id: req_slow\r\nTransfer-Encoding: chunked\r\n\r\n").toByteArray(UTF_8),
        )
        chunk(out, event("response.created",
          """{"type":"response.created","sequence_number":0,"response":{"id":"resp_slow","object":"response",""" +
            """"created_at":1,"status":"in_progress","model":"gpt-5","output":[]}}"""))
        var n = 1
        // Bounded, so a client that never hangs up cannot keep the thread forever (the test fails then).
        while (n < 20_000 && disconnected.count > 0) {
          chunk(out, event("response.output_text.delta",
            """{"type":"response.output_text.delta","sequence_number":$n,"item_id":"msg_1",""" +
              """"output_index":0,"content_index":0,"delta":"tick $n "}"""))
          eventsSent.incrementAndGet()
          n++
          Thread.sleep(interval)
        }
      } catch (e: IOException) {
        disconnect("write failed: $e")
      }
    }
  }

  private fun disconnect(signal: String) {
    disconnectSignal.compareAndSet(null, signal)
    disconnected.countDown()
  }

  override fun close() {
    server.close()
    sockets.forEach { runCatching { it.close() } }
  }

  private companion object {
    fun event(type: String, json: String): String = "event: $type\ndata: $json\n\n"

    fun chunk(out: java.io.OutputStream, text: String) {
      val bytes = text.toByteArray(UTF_8)
      out.write((Integer.toHexString(bytes.size) + "\r\n").toByteArray(UTF_8))
      out.write(bytes)
      out.write("\r\n".toByteArray(UTF_8))
      out.flush()
    }

    /** Reads the request line, the headers and a Content-Length body. */
    fun readRequest(input: InputStream) {
      val head = StringBuilder()
      while (!head.endsWith("\r\n\r\n")) {
        val b = input.read()
        if (b == -1) {
          throw SocketException("the client closed the connection before sending a request")
        }
        head.append(b.toChar())
      }
      val length = head.lines()
        .firstOrNull { it.startsWith("content-length:", ignoreCase = true) }
        ?.substringAfter(':')?.trim()?.toInt() ?: 0
      input.readNBytes(length)
    }
  }
}
