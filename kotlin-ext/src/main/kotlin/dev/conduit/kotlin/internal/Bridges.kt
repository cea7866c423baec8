package dev.conduit.kotlin.internal

import dev.conduit.core.AsyncPage
import dev.conduit.kotlin.asFlow
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Flow as JavaFlow
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.emitAll
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.future.await
import kotlinx.coroutines.jdk9.asFlow

/**
 * Returns a cold flow over the publisher [open] returns, calling [open] (which sends the request)
 * anew for each collection: Conduit's Java publishers accept one subscriber.
 */
internal fun <T : Any> publisherFlow(open: () -> JavaFlow.Publisher<T>): Flow<T> = flow {
  emitAll(open().asFlow())
}

/** Returns a cold flow of every item of the pages [first] lists, fetched as the collector reaches them. */
internal fun <T : Any> pagedFlow(first: () -> CompletableFuture<AsyncPage<T>>): Flow<T> = flow {
  emitAll(first().await().asFlow())
}

/**
 * Returns a cold flow of the body [open] delivers once the response headers arrive. If the collector
 * is cancelled just as the headers arrive, the body is never subscribed to by it, so it is subscribed
 * to here and cancelled at once, which releases the connection.
 */
internal fun <T : Any> deferredPublisherFlow(open: () -> CompletableFuture<JavaFlow.Publisher<T>>): Flow<T> = flow {
  val future = open()
  val body = try {
    future.await()
  } catch (e: CancellationException) {
    future.thenAccept { it.subscribe(CancellingSubscriber) }
    throw e
  }
  emitAll(body.asFlow())
}

/** Cancels every subscription it is given: how an unwanted body is released. */
private object CancellingSubscriber : JavaFlow.Subscriber<Any> {
  override fun onSubscribe(subscription: JavaFlow.Subscription) {
    subscription.cancel()
  }

  override fun onNext(item: Any) {}

  override fun onError(throwable: Throwable) {}

  override fun onComplete() {}
}
