package dev.conduit.kotlin

import dev.conduit.OpenAIClient
import dev.conduit.errors.NotFoundException
import dev.conduit.kotlin.support.clientOf
import dev.conduit.kotlin.support.requests
import dev.conduit.models.SortOrder
import dev.conduit.models.files.FileCreateParams
import dev.conduit.models.files.FileListParams
import dev.conduit.models.files.FileObject
import dev.conduit.models.files.FilePurpose
import dev.conduit.testing.FakeOpenAI
import java.io.ByteArrayOutputStream
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.future.await
import kotlinx.coroutines.test.runTest

/** Auto-pagination as a lazy flow, and file downloads as a flow of chunks, against the fake server. */
class PaginationTest {
  private val fake = FakeOpenAI.start()
  private val java: OpenAIClient = clientOf(fake)
  private val client = java.coroutines()

  @AfterTest
  fun close() {
    java.close()
    fake.close()
  }

  private suspend fun upload(count: Int): List<FileObject> = (1..count).map { i ->
    client.files().create(
      FileCreateParams.builder()
        .file("line $i\n".byteInputStream(), "f$i.jsonl")
        .purpose(FilePurpose.BATCH)
        .build(),
    )
  }

  private val pagesOfTwo = FileListParams.builder().limit(2).order(SortOrder.ASC).build()

  @Test
  fun `list flows over every page, fetching each once`() = runTest {
    val uploaded = upload(5)

    val listed = client.files().list(pagesOfTwo).map { it.id() }.toList()

    assertEquals(uploaded.map { it.id() }, listed)
    val pages = fake.requests("GET", "/v1/files")
    assertEquals(3, pages.size)
    assertEquals(listOf("2", "2", "2"), pages.map { it.queryParameter("limit") })
    assertEquals(listOf(null, uploaded[1].id(), uploaded[3].id()), pages.map { it.queryParameter("after") })
  }

  @Test
  fun `list is lazy - a page nobody reaches is never fetched`() = runTest {
    val uploaded = upload(5)
    val flow = client.files().list(pagesOfTwo)
    assertEquals(0, fake.requests("GET", "/v1/files").size, "building the flow sent a request")

    val firstThree = flow.take(3).map { it.id() }.toList()
    assertEquals(uploaded.take(3).map { it.id() }, firstThree)
    assertEquals(2, fake.requests("GET", "/v1/files").size)

    val firstTwo = flow.take(2).map { it.id() }.toList()
    assertEquals(uploaded.take(2).map { it.id() }, firstTwo)
    assertEquals(3, fake.requests("GET", "/v1/files").size, "take(2) of pages of two needs one page")
  }

  @Test
  fun `a page of the Java async client flows over the pages after it`() = runTest {
    val uploaded = upload(3)

    val first = java.async().files().list(pagesOfTwo).await()
    val all = first.asFlow().map { it.id() }.toList()

    assertEquals(uploaded.map { it.id() }, all)
    assertEquals(listOf(uploaded[1].id()), fake.requests("GET", "/v1/files").drop(1).map { it.queryParameter("after") })
  }

  @Test
  fun `file content flows as byte chunks`() = runTest {
    val content = ByteArray(200_000) { (it % 251).toByte() }
    val file = client.files().create(
      FileCreateParams.builder().file(content.inputStream(), "big.bin").purpose(FilePurpose.USER_DATA).build(),
    )

    val out = ByteArrayOutputStream()
    client.files().content(file.id()).collect { chunk ->
      val bytes = ByteArray(chunk.remaining())
      chunk.get(bytes)
      out.write(bytes)
    }

    assertContentEquals(content, out.toByteArray())
  }

  @Test
  fun `the content of a missing file throws NotFoundException on collection`() = runTest {
    val flow = client.files().content("file-missing")
    assertEquals(0, fake.requests("GET", "/v1/files/file-missing/content").size)

    assertFailsWith<NotFoundException> { flow.toList() }
  }
}
