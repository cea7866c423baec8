package dev.conduit.testing;

import dev.conduit.http.Transport;
import dev.conduit.json.JsonCodec;
import dev.conduit.testing.internal.Codec;
import dev.conduit.testing.internal.FakeCore;
import dev.conduit.testing.internal.InMemoryTransport;
import dev.conduit.testing.internal.JournalEntry;
import dev.conduit.testing.internal.LoopbackServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A fake OpenAI server for tests: stateful, deterministic, and able to fail on demand.
 *
 * <p>It runs in one of two {@linkplain Mode modes} with the same behaviour: {@linkplain #inMemory()
 * in memory}, reached through {@link #transport()} without sockets, or as a real HTTP/1.1 server on
 * 127.0.0.1 and a free port ({@link #start()}), reached at {@link #baseUrl()} by any transport or any
 * other HTTP client.
 *
 * <p>It emulates models; responses (create, stream, store, retrieve, delete, cancel, input items,
 * {@code previous_response_id} chaining, {@code background}, compaction and input token counts); chat
 * completions (create, stream, {@code stream_options.include_usage}, stored completions
 * list/retrieve/update/delete/messages);
 * embeddings (deterministic unit vectors, {@code dimensions}, base64); files (multipart upload,
 * paginated list, retrieve, delete, content); uploads (create, parts, complete into a File whose
 * content is the parts joined in the order of {@code part_ids}, cancel); batches (create, retrieve,
 * list, cancel); vector stores (files, file batches, chunked content and a deterministic lexical
 * search with attribute filters; files are processed at once, so nothing needs polling); and
 * conversations (items; a response created with {@code conversation} reads and extends them). Objects carry every field the real API returns, errors have the real shape and status,
 * and streams have the real event order, sequence numbers and terminators. Unknown paths answer 404
 * {@code Invalid URL}, as the real API does.
 *
 * <p>A batch really runs, against this fake: each line of its input file is sent through the same
 * routes as a client's request, so scripted replies (queued ones are used in line order) and
 * validation errors apply. So that tests need no sleeps, a batch is created {@code validating} and
 * runs whole, synchronously, the first time it is read ({@code GET /v1/batches/{id}} or
 * {@code GET /v1/batches}); that read shows it {@code completed}, with {@code in_progress_at},
 * {@code finalizing_at} and {@code completed_at} set, its {@code request_counts}, and an output file
 * (2xx answers) and an error file (malformed lines, lines for another endpoint, 4xx answers) of
 * purpose {@code batch_output}. A batch fails if its input file is missing, not of purpose
 * {@code batch}, or empty, and expires if first read after its 24 hours (by the {@link Builder#clock
 * clock}). Cancelling it before that read makes it {@code cancelling}, and {@code cancelled} from the
 * next read on, without running a line. The lines a batch runs are not in the {@link #journal()
 * journal} and no fault is injected into them; a {@link #replyWhen} predicate sees each as a request
 * with index -1 and the header {@code x-fake-batch-id}.
 *
 * <p>{@code POST /v1/responses/input_tokens} answers the {@code usage.input_tokens} that a create with
 * the same fields would report (instructions, tools, {@code previous_response_id} or
 * {@code conversation} included). {@code POST /v1/responses/compact} compacts without loss: its output
 * keeps the user messages and ends with a {@code compaction} item whose {@code encrypted_content}
 * seals the whole context ({@code "gAAAAAB"} and the URL-safe base64 of a 16-byte digest and the JSON
 * {@code {"items":[...]}}); sent back as input, the item is expanded into that context, so the model
 * and the token counts see the conversation it replaced. Content the fake did not seal, or that was
 * altered, is refused with a 400 {@code invalid_encrypted_content}, as the real API refuses it.
 *
 * <p>The model echoes the text of the last user message unless a {@link FakeReply} is
 * {@linkplain #reply(FakeReply...) scripted}; when a request leaves no choice it behaves as the real
 * model must: {@code tool_choice} {@code required} or a named function yields a call whose arguments
 * fit the tool's schema, and a {@code json_schema} format yields conforming JSON.
 *
 * <pre>{@code
 * try (FakeOpenAI fake = FakeOpenAI.inMemory()) {
 *   OpenAIClient client = OpenAIClient.builder()
 *       .apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).transport(fake.transport()).build();
 *   fake.reply(FakeReply.text("Hello!"));
 *   fake.injectFault(Fault.status(429, "retry-after-ms", "1"));
 *   // ... exercise the code under test ...
 *   assertThat(fake.lastRequest().attempt()).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. JSON goes through Conduit's JSON SPI: the highest-priority
 * {@link dev.conduit.json.JsonCodecProvider} on the classpath, unless {@link Builder#codec} names one.
 * Close the fake to stop its server and threads.
 */
public final class FakeOpenAI implements AutoCloseable {
  /** Where a fake runs. */
  public enum Mode {
    /** No sockets: requests go through {@link FakeOpenAI#transport()}. */
    IN_MEMORY,
    /** A real HTTP/1.1 server on 127.0.0.1 (and, as well, the in-memory transport). */
    LOOPBACK
  }

  /** The base URL of an in-memory fake; the {@code .invalid} host never resolves, so a real transport fails fast. */
  private static final String IN_MEMORY_BASE_URL = "http://fake-openai.invalid/v1";
  private static final String DEFAULT_API_KEY = "sk-fake-0123456789abcdefghijklmnop";

  private final Mode mode;
  private final FakeCore core;
  private final InMemoryTransport transport;
  private final @Nullable LoopbackServer server;
  private final String apiKey;

  private FakeOpenAI(Builder b) {
    Codec codec = b.codec != null ? new Codec(b.codec) : Codec.discover();
    this.mode = b.mode;
    this.core = new FakeCore(codec, b.clock, b.apiKey, b.threads);
    this.transport = new InMemoryTransport(core);
    this.apiKey = b.apiKey != null ? b.apiKey : DEFAULT_API_KEY;
    if (mode == Mode.LOOPBACK) {
      try {
        this.server = new LoopbackServer(core, b.port);
      } catch (IOException e) {
        core.close();
        throw new UncheckedIOException("cannot listen on 127.0.0.1:" + b.port, e);
      }
    } else {
      this.server = null;
    }
  }

  /** Returns a new in-memory fake with the defaults. */
  public static FakeOpenAI inMemory() {
    return builder().build();
  }

  /**
   * Returns a new fake listening on 127.0.0.1 and a free port, with the defaults.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static FakeOpenAI start() {
    return builder().mode(Mode.LOOPBACK).build();
  }

  /** Returns a builder for a fake with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns where this fake runs. */
  public Mode mode() {
    return mode;
  }

  /**
   * Returns the base URL clients use, ending in {@code /v1}: {@code http://127.0.0.1:<port>/v1} in
   * loopback mode, {@code http://fake-openai.invalid/v1} in memory (only {@link #transport()} reaches it).
   */
  public String baseUrl() {
    return server == null ? IN_MEMORY_BASE_URL : "http://" + server.host() + ":" + server.port() + "/v1";
  }

  /**
   * Returns the in-memory transport. It reaches this fake without sockets in both modes (in loopback
   * mode it shares the state, scripts, faults and journal of the server), accepts any host, honours
   * the request's {@code response} and {@code read} timeouts, and owns no resources: closing it does
   * nothing, closing the fake ends it.
   */
  public Transport transport() {
    return transport;
  }

  /**
   * Returns the API key clients should send: the one the fake requires ({@link Builder#apiKey}), or a
   * placeholder when any key is accepted.
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Queues scripted replies; each is used by one later request that asks for model output (creating a
   * response or a chat completion), in order. Standing replies from {@link #replyWhen} take precedence.
   */
  public FakeOpenAI reply(FakeReply... replies) {
    for (FakeReply r : replies) {
      core.script().enqueue(Objects.requireNonNull(r, "reply == null").parts());
    }
    return this;
  }

  /**
   * Adds a standing reply, used for every request that asks for model output and matches {@code when}
   * (rules are tried in the order they were added, before the queue of {@link #reply}).
   */
  public FakeOpenAI replyWhen(Predicate<RecordedRequest> when, FakeReply reply) {
    Objects.requireNonNull(when, "when == null");
    Objects.requireNonNull(reply, "reply == null");
    Codec codec = core.codec();
    core.script().when(e -> when.test(new RecordedRequest(e, codec)), reply.parts());
    return this;
  }

  /** Injects {@code fault} into the answer to the next request, whatever its route. */
  public FakeOpenAI injectFault(Fault fault) {
    return injectFault(fault, 1);
  }

  /**
   * Injects {@code fault} into the answers to the next {@code times} requests, whatever their route.
   *
   * @throws IllegalArgumentException if {@code times < 1}
   */
  public FakeOpenAI injectFault(Fault fault, int times) {
    Objects.requireNonNull(fault, "fault == null");
    if (times < 1) {
      throw new IllegalArgumentException("times < 1: " + times);
    }
    core.faults().add(fault.spec(), times);
    return this;
  }

  /**
   * Injects {@code fault} into every answer to {@code route} until {@link #reset()}.
   *
   * @param route a method and a path, {@code "POST /v1/responses"}, or only a path for any method;
   *     in the path {@code *} matches within one segment and {@code **} matches anything
   * @throws IllegalArgumentException if the path does not start with '/'
   */
  public FakeOpenAI injectFault(String route, Fault fault) {
    Objects.requireNonNull(route, "route == null");
    Objects.requireNonNull(fault, "fault == null");
    core.faults().add(route, fault.spec(), -1);
    return this;
  }

  /**
   * Injects {@code fault} into the next {@code times} answers to {@code route} (see
   * {@link #injectFault(String, Fault)}).
   *
   * @throws IllegalArgumentException if {@code times < 1} or the path does not start with '/'
   */
  public FakeOpenAI injectFault(String route, Fault fault, int times) {
    Objects.requireNonNull(route, "route == null");
    Objects.requireNonNull(fault, "fault == null");
    if (times < 1) {
      throw new IllegalArgumentException("times < 1: " + times);
    }
    core.faults().add(route, fault.spec(), times);
    return this;
  }

  /** Returns every request received so far, oldest first (a snapshot). */
  public List<RecordedRequest> journal() {
    List<RecordedRequest> out = new ArrayList<>();
    for (JournalEntry e : core.journal().entries()) {
      out.add(new RecordedRequest(e, core.codec()));
    }
    return List.copyOf(out);
  }

  /**
   * Returns the most recent request.
   *
   * @throws IllegalStateException if no request was received yet
   */
  public RecordedRequest lastRequest() {
    List<JournalEntry> entries = core.journal().entries();
    if (entries.isEmpty()) {
      throw new IllegalStateException("the fake OpenAI server has received no request");
    }
    return new RecordedRequest(entries.get(entries.size() - 1), core.codec());
  }

  /** Adds a model id to those the fake knows (it survives {@link #reset()}). */
  public FakeOpenAI addModel(String id) {
    Objects.requireNonNull(id, "id == null");
    synchronized (core.store()) {
      core.store().addModel(id);
    }
    return this;
  }

  /**
   * Forgets stored responses, completions, files, uploads and batches, scripted replies, faults and the
   * journal, and restarts the id sequence, so the fake behaves as if new. The server keeps its port.
   */
  public void reset() {
    core.reset();
  }

  /** Stops the server (if any), ends stalled exchanges and releases every thread; idempotent. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    core.close();
  }

  @Override
  public String toString() {
    return "FakeOpenAI{" + mode.name().toLowerCase(java.util.Locale.ROOT) + ", " + baseUrl() + "}";
  }

  /** Configures a {@link FakeOpenAI}. Not thread-safe. */
  public static final class Builder {
    private Mode mode = Mode.IN_MEMORY;
    private int port;
    private @Nullable JsonCodec codec;
    private @Nullable String apiKey;
    private Clock clock = Clock.systemUTC();
    private int threads = 128;

    private Builder() {}

    /** Sets the mode; {@link Mode#IN_MEMORY} by default. */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /**
     * Sets the loopback port; 0 (the default) picks a free one.
     *
     * @throws IllegalArgumentException if not within 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port not within 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the JSON codec instead of discovering one through the JSON SPI. */
    public Builder codec(JsonCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec == null");
      return this;
    }

    /**
     * Makes the fake require this API key (as {@code Authorization: Bearer} or {@code api-key}) and
     * answer 401 like the real API otherwise. By default any key, or none, is accepted.
     */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey == null");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey is blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** Sets the clock for {@code created_at} timestamps and the journal; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the most threads serving exchanges at once (loopback connections, in-memory async calls);
     * 128 by default. In loopback mode each open connection holds one.
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads < 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Returns a new fake; in loopback mode, listening already.
     *
     * @throws dev.conduit.errors.ConfigurationException if no codec was set and none is on the classpath
     * @throws UncheckedIOException if the loopback port cannot be bound
     */
    public FakeOpenAI build() {
      return new FakeOpenAI(this);
    }
  }
}
