package dev.conduit.testing;

import dev.conduit.OpenAIClient;
import dev.conduit.OpenAIClientAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link FakeOpenAI} and injects it, and clients configured for it,
 * into test parameters of type {@link FakeOpenAI}, {@link OpenAIClient} and {@link OpenAIClientAsync}.
 *
 * <pre>{@code
 * @ExtendWith(FakeOpenAIExtension.class)
 * class SummarizerTest {
 *   @Test
 *   void summarizes(FakeOpenAI fake, OpenAIClient client) {
 *     fake.reply(FakeReply.text("Short."));
 *     assertThat(new Summarizer(client).summarize("long text")).isEqualTo("Short.");
 *     assertThat(fake.lastRequest().bodyJson()).containsEntry("model", "gpt-5-mini");
 *   }
 * }
 * }</pre>
 *
 * <p>Configure it with {@link Config @FakeOpenAIExtension.Config} on the test class or method, or
 * register a configured instance in a field, which then wins over annotations:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeOpenAIExtension FAKE = FakeOpenAIExtension.loopback().withMaxRetries(0);
 * }</pre>
 *
 * <p>In {@linkplain FakeOpenAI.Mode#IN_MEMORY memory} the client uses {@link FakeOpenAI#transport()};
 * on {@linkplain FakeOpenAI.Mode#LOOPBACK loopback} it uses the transport Conduit discovers on the
 * classpath, so the real HTTP stack is exercised. The client's API key is {@link FakeOpenAI#apiKey()}.
 *
 * <p>Lifetime: what is resolved for a test method, or for {@code @BeforeEach}/{@code @AfterEach}, is
 * one fake and one client per test, closed after it. What is resolved for a constructor,
 * {@code @BeforeAll} or {@code @AfterAll} lives for the whole test class and is shared by its tests
 * (call {@link FakeOpenAI#reset()} to isolate them). Within one scope, every parameter sees the same
 * fake and the same client.
 */
public final class FakeOpenAIExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeOpenAIExtension.class);

  /** Configures the fakes the extension starts; on a test class (inherited, and seen by nested classes) or method. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  public @interface Config {
    /** Where the fake runs; in memory by default. */
    FakeOpenAI.Mode mode() default FakeOpenAI.Mode.IN_MEMORY;

    /** How often the injected clients retry a failed call; 2 (Conduit's default) by default. */
    int maxRetries() default 2;
  }

  private final FakeOpenAI.@Nullable Mode mode;
  private final int maxRetries;

  /** Creates an extension configured by {@link Config} annotations, or the defaults; used by {@code @ExtendWith}. */
  public FakeOpenAIExtension() {
    this(null, -1);
  }

  private FakeOpenAIExtension(FakeOpenAI.@Nullable Mode mode, int maxRetries) {
    this.mode = mode;
    this.maxRetries = maxRetries;
  }

  /** Returns an extension whose fakes run in memory, whatever the annotations say. */
  public static FakeOpenAIExtension inMemory() {
    return new FakeOpenAIExtension(FakeOpenAI.Mode.IN_MEMORY, -1);
  }

  /** Returns an extension whose fakes listen on loopback, whatever the annotations say. */
  public static FakeOpenAIExtension loopback() {
    return new FakeOpenAIExtension(FakeOpenAI.Mode.LOOPBACK, -1);
  }

  /**
   * Returns a copy whose clients retry at most {@code maxRetries} times, whatever the annotations say.
   *
   * @throws IllegalArgumentException if {@code maxRetries < 0}
   */
  public FakeOpenAIExtension withMaxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
    }
    return new FakeOpenAIExtension(mode, maxRetries);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeOpenAI.class || type == OpenAIClient.class || type == OpenAIClientAsync.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Fixture fixture = context.getStore(NAMESPACE).getOrComputeIfAbsent(Fixture.class, k -> start(context), Fixture.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == FakeOpenAI.class) {
      return fixture.fake;
    }
    return type == OpenAIClient.class ? fixture.client() : fixture.client().async();
  }

  private Fixture start(ExtensionContext context) {
    Config config = find(context);
    FakeOpenAI.Mode m = mode != null ? mode : config != null ? config.mode() : FakeOpenAI.Mode.IN_MEMORY;
    int retries = maxRetries >= 0 ? maxRetries : config != null ? config.maxRetries() : 2;
    if (retries < 0) {
      throw new IllegalArgumentException("@FakeOpenAIExtension.Config(maxRetries < 0): " + retries);
    }
    return new Fixture(FakeOpenAI.builder().mode(m).build(), retries);
  }

  private static @Nullable Config find(ExtensionContext context) {
    Optional<ExtensionContext> at = Optional.of(context);
    while (at.isPresent()) {
      ExtensionContext c = at.get();
      Optional<? extends AnnotatedElement> element = c.getElement();
      if (element.isPresent()) {
        Config config = element.get().getAnnotation(Config.class);
        if (config != null) {
          return config;
        }
      }
      at = c.getParent();
    }
    return null;
  }

  /** One fake and its lazily built client, closed together when their scope ends. */
  @SuppressWarnings("deprecation") // CloseableResource keeps JUnit before 5.13 closing it; later ones use AutoCloseable
  static final class Fixture implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final FakeOpenAI fake;
    private final int maxRetries;
    private @Nullable OpenAIClient client;
    private boolean closed;

    Fixture(FakeOpenAI fake, int maxRetries) {
      this.fake = fake;
      this.maxRetries = maxRetries;
    }

    synchronized OpenAIClient client() {
      if (client == null) {
        OpenAIClient.Builder b = OpenAIClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).maxRetries(maxRetries);
        if (fake.mode() == FakeOpenAI.Mode.IN_MEMORY) {
          b.transport(fake.transport());
        }
        client = b.build();
      }
      return client;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (client != null) {
          client.close();
        }
      } finally {
        fake.close();
      }
    }
  }
}
