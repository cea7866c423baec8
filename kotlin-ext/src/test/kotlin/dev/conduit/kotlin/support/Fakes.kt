package dev.conduit.kotlin.support

import dev.conduit.OpenAIClient
import dev.conduit.testing.FakeOpenAI
import dev.conduit.testing.RecordedRequest

/** Returns a client of [fake]'s loopback server, over the JDK transport and Moshi (both found on the classpath). */
internal fun clientOf(fake: FakeOpenAI, maxRetries: Int = 0): OpenAIClient =
  OpenAIClient.builder()
    .apiKey(fake.apiKey())
    .baseUrl(fake.baseUrl())
    .transport("jdk")
    .jsonCodec("moshi")
    .maxRetries(maxRetries)
    .build()

/** Returns the requests [fake] has recorded for [method] and [path], in order. */
internal fun FakeOpenAI.requests(method: String, path: String): List<RecordedRequest> =
  journal().filter { it.method() == method && it.path() == path }
