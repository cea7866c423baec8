package dev.conduit.testing.internal;

import dev.conduit.http.Headers;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind both modes: journals a request, picks a fault, routes it, and returns the
 * {@link Delivery} to play. Thread-safe; routing is serialised on the {@link Store}.
 */
public final class FakeCore implements AutoCloseable {
  private final Codec codec;
  private final Clock clock;
  private final @Nullable String apiKey;
  private final Ids ids = new Ids();
  private final Store store = new Store();
  private final Script script = new Script();
  private final FaultRules faults = new FaultRules();
  private final Journal journal = new Journal();
  private final Router router;
  private final ThreadPoolExecutor workers;
  private final ScheduledThreadPoolExecutor timer;
  private final Set<Runnable> closeHooks = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public FakeCore(Codec codec, Clock clock, @Nullable String apiKey, int threads) {
    this.codec = codec;
    this.clock = clock;
    this.apiKey = apiKey;
    this.router = new Router(this);
    this.workers = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        daemon("fake-openai-worker-"));
    this.workers.allowCoreThreadTimeOut(true);
    this.timer = new ScheduledThreadPoolExecutor(1, daemon("fake-openai-timer-"));
    this.timer.setRemoveOnCancelPolicy(true);
  }

  /** Handles one request, from journal to delivery plan. */
  public Delivery handle(IncomingRequest request) {
    JournalEntry entry = journal.record(request, clock.instant());
    FaultSpec fault = faults.take(request.method(), request.path());
    if (fault != null) {
      journal.noteFault(entry, fault);
    }
    Reply reply = fault != null && fault.preventsProcessing() ? FaultEngine.replacement(fault, codec) : route(entry, true);
    if (fault == null || fault.kind() != FaultSpec.Kind.HTML_ERROR) {
      reply = withApiHeaders(reply);
    }
    return FaultEngine.deliver(reply, fault);
  }

  /**
   * Runs one request a batch holds through the same routes as a request from a client, so scripted
   * replies and validation apply alike; it is not journalled (its entry has index -1), no fault is
   * injected into it and no API key is asked for. Returns the reply with the API's headers.
   */
  Reply dispatch(IncomingRequest request) {
    return withApiHeaders(route(new JournalEntry(-1, request, 1, clock.instant(), null), false));
  }

  private Reply route(JournalEntry entry, boolean authorize) {
    try {
      if (authorize) {
        authorize(entry.request());
      }
      synchronized (store) {
        return router.route(entry);
      }
    } catch (ApiError e) {
      return Reply.json(e.status(), codec.write(e.body()));
    } catch (RuntimeException e) {
      ApiError bug = new ApiError(500, "The fake OpenAI server failed to handle " + entry.request().method() + " "
          + entry.request().path() + ": " + e, "server_error", null, null);
      return Reply.json(500, codec.write(bug.body()));
    }
  }

  private void authorize(IncomingRequest request) {
    if (apiKey == null) {
      return;
    }
    String auth = request.headers().first("authorization");
    String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim()
        : request.headers().first("api-key");
    if (given == null || given.isEmpty()) {
      throw new ApiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header "
          + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if "
          + "you're accessing the API from your browser and are prompted for a username and password. You can obtain an "
          + "API key from https://platform.openai.com/account/api-keys.", "invalid_request_error", null, null);
    }
    if (!given.equals(apiKey)) {
      String masked = given.length() <= 8 ? "****" : given.substring(0, 3) + "*".repeat(Math.min(20, given.length() - 7))
          + given.substring(given.length() - 4);
      throw new ApiError(401, "Incorrect API key provided: " + masked + ". You can find your API key at "
          + "https://platform.openai.com/account/api-keys.", "invalid_request_error", null, "invalid_api_key");
    }
  }

  private Reply withApiHeaders(Reply reply) {
    Headers.Builder h = Headers.builder()
        .add("x-request-id", ids.requestId())
        .add("openai-version", "2020-10-01")
        .add("openai-organization", "user-fake")
        .add("openai-processing-ms", Integer.toString(20 + Math.floorMod(reply.body().length, 200)));
    if (reply.status() == 200 || reply.status() == 429) {
      h.add("x-ratelimit-limit-requests", "10000")
          .add("x-ratelimit-remaining-requests", "9999")
          .add("x-ratelimit-reset-requests", "6ms")
          .add("x-ratelimit-limit-tokens", "30000000")
          .add("x-ratelimit-remaining-tokens", "29999990")
          .add("x-ratelimit-reset-tokens", "0s");
    }
    Headers extra = h.build();
    Headers.Builder merged = Headers.builder().addAll(extra);
    for (String name : reply.headers().names()) {
      merged.remove(name);
    }
    return new Reply(reply.status(), merged.addAll(reply.headers()).build(), reply.parts(), reply.stream());
  }

  /** Forgets stored objects, scripts, faults and the journal, and restarts the id sequence. */
  public void reset() {
    synchronized (store) {
      store.reset();
    }
    script.clear();
    faults.clear();
    journal.clear();
    ids.reset();
  }

  public Codec codec() {
    return codec;
  }

  public Clock clock() {
    return clock;
  }

  public Ids ids() {
    return ids;
  }

  public Store store() {
    return store;
  }

  public Script script() {
    return script;
  }

  public FaultRules faults() {
    return faults;
  }

  public Journal journal() {
    return journal;
  }

  /** Returns the bounded pool that runs exchanges (in-memory async requests, loopback connections). */
  public ExecutorService workers() {
    return workers;
  }

  /** Returns the timer that plays pauses and timeouts without holding a thread. */
  public ScheduledExecutorService timer() {
    return timer;
  }

  /** Returns the current time in Unix seconds. */
  public long now() {
    return clock.instant().getEpochSecond();
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Registers {@code hook} to run when the fake closes, so exchanges waiting on a timer fail instead of
   * hanging; runs it at once if the fake is closed already. Remove it with {@link #removeCloseHook}.
   */
  public void addCloseHook(Runnable hook) {
    closeHooks.add(hook);
    if (closed && closeHooks.remove(hook)) {
      hook.run();
    }
  }

  public void removeCloseHook(Runnable hook) {
    closeHooks.remove(hook);
  }

  @Override
  public void close() {
    closed = true;
    workers.shutdownNow();
    timer.shutdownNow();
    for (Runnable hook : List.copyOf(closeHooks)) {
      if (closeHooks.remove(hook)) {
        hook.run();
      }
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
