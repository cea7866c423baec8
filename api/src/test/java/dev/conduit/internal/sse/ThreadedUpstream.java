package dev.conduit.internal.sse;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A body publisher whose own thread signals onSubscribe, each buffer as demand allows, then onComplete. */
final class ThreadedUpstream implements Flow.Publisher<ByteBuffer> {
  final List<String> violations = new CopyOnWriteArrayList<>();
  final Semaphore permits = new Semaphore(0);
  final List<ByteBuffer> buffers;
  volatile boolean cancelled;
  volatile Thread thread = new Thread(() -> {});

  ThreadedUpstream(List<ByteBuffer> buffers) {
    this.buffers = buffers;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
    thread = new Thread(() -> run(s), "test-upstream");
    thread.start();
  }

  private void run(Flow.Subscriber<? super ByteBuffer> s) {
    try {
      serve(s);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) { // a dead producer would otherwise look like a stall
      violations.add("upstream thread died: " + t);
    }
  }

  private void serve(Flow.Subscriber<? super ByteBuffer> s) throws InterruptedException {
    s.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            if (n != 1) {
              violations.add("request(" + n + ")");
            }
            permits.release((int) n);
            if (permits.availablePermits() > 1) {
              violations.add("more than one buffer outstanding");
            }
          }

          @Override
          public void cancel() {
            cancelled = true;
          }
        });
    for (ByteBuffer b : buffers) {
      while (!permits.tryAcquire(1, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          return;
        }
      }
      if (cancelled) {
        return;
      }
      s.onNext(b);
    }
    s.onComplete();
  }
}
