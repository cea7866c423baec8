package dev.conduit.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.core.AsyncPage;
import dev.conduit.core.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AutoPagerTest {
  /** Three pages of three items: a1..a3, b1..b3, c1..c3; counts fetches. */
  private final AtomicInteger fetches = new AtomicInteger();

  private Page<String> page(int n) {
    char p = (char) ('a' + n);
    List<String> items = List.of(p + "1", p + "2", p + "3");
    return new CursorPage<>(items, n < 2, p + "3", n == 0 ? null : (char) (p - 1) + "3", cursor -> {
      fetches.incrementAndGet();
      return page(n + 1);
    });
  }

  private AsyncPage<String> asyncPage(int n) {
    char p = (char) ('a' + n);
    List<String> items = List.of(p + "1", p + "2", p + "3");
    return new AsyncCursorPage<>(items, n < 2, p + "3", null, cursor -> {
      fetches.incrementAndGet();
      return CompletableFuture.supplyAsync(() -> asyncPage(n + 1));
    });
  }

  @Test
  void syncAutoPagerIsLazy() {
    Page<String> first = page(0);
    var it = first.autoPager().iterator();
    for (int i = 0; i < 3; i++) {
      it.next();
    }
    assertThat(fetches).hasValue(0);
    assertThat(it.next()).isEqualTo("b1");
    assertThat(fetches).hasValue(1);
    assertThat(first.stream().collect(Collectors.toList())).containsExactly("a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2", "c3");
  }

  @Test
  void lastPageHasNoNext() {
    Page<String> last = page(2);
    assertThat(last.hasNextPage()).isFalse();
    assertThatThrownBy(last::nextPage).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void sameCursorTwiceStopsTheLoop() {
    Page<String> stuck = new CursorPage<>(List.of("x"), true, "x", "x", c -> {
      throw new AssertionError("must not fetch");
    });
    assertThat(stuck.hasNextPage()).isFalse();
  }

  @Test
  void asyncAutoPagerHonoursDemandAndFetchesLazily() throws Exception {
    List<String> got = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Flow.Subscription[] sub = new Flow.Subscription[1];
    asyncPage(0).autoPager().subscribe(new Flow.Subscriber<String>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        sub[0] = s;
        s.request(2);
      }

      @Override
      public synchronized void onNext(String item) {
        got.add(item);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    assertThat(got).containsExactly("a1", "a2");
    assertThat(fetches).hasValue(0);
    sub[0].request(2);
    long deadline = System.currentTimeMillis() + 5000;
    while (got.size() < 4 && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertThat(got).containsExactly("a1", "a2", "a3", "b1");
    assertThat(fetches).hasValue(1);
    sub[0].request(Long.MAX_VALUE);
    done.get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(got).hasSize(9).endsWith("c3");
  }

  @Test
  void asyncRequestZeroIsAnError() throws Exception {
    CompletableFuture<Throwable> error = new CompletableFuture<>();
    asyncPage(0).autoPager().subscribe(new Flow.Subscriber<String>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(0);
      }

      @Override
      public void onNext(String item) {}

      @Override
      public void onError(Throwable t) {
        error.complete(t);
      }

      @Override
      public void onComplete() {}
    });
    assertThat(error.get(5, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
  }
}
