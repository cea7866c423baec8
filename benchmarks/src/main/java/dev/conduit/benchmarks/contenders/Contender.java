package dev.conduit.benchmarks.contenders;

import java.util.List;

/**
 * One client under test. Each implementation touches only its own library, so a JVM whose classpath
 * holds one contender's stack can load it without the others; {@link #create} finds it by name.
 */
public interface Contender extends AutoCloseable {
  /** Every contender, floor first. */
  List<String> ALL = List.of("floor", "conduit-jdk", "conduit-okhttp", "conduit-netty", "openai-java");

  /** The model name sent in every ordinary request. */
  String MODEL = "gpt-4.1";

  /** The user message of the chat completion. */
  String PROMPT = "Say hello.";

  /**
   * Sends one non-streaming chat completion and returns what the caller of this library would use:
   * the answer's text (the floor returns the undecoded body).
   */
  Object chat() throws Exception;

  /**
   * Reads one 10,000-delta Responses stream to its end, looking at every event as a typed event
   * (the floor counts {@code data:} lines), and returns how many events it saw.
   */
  long stream() throws Exception;

  /** Starts one asynchronous Responses stream of the held kind; its events go to {@code sink}. */
  void startAsyncStream(AsyncSink sink);

  @Override
  void close();

  /**
   * Creates the contender {@code name} against {@code baseUrl} ({@code http://127.0.0.1:port/v1}).
   * {@code maxConnections} only matters for the async figure: it lifts the library's own cap on
   * concurrent exchanges (Conduit's {@code maxConnections}, OkHttp's dispatcher) so that every
   * stream can be in flight at once; 0 keeps the library's defaults.
   */
  static Contender create(String name, String baseUrl, int maxConnections) {
    String cls;
    String arg = null;
    switch (name) {
      case "floor":
        cls = "FloorContender";
        break;
      case "openai-java":
        cls = "OpenAiJavaContender";
        break;
      default:
        if (!name.startsWith("conduit-")) {
          throw new IllegalArgumentException("unknown contender " + name + "; known: " + ALL);
        }
        cls = "ConduitContender";
        arg = name.substring("conduit-".length());
    }
    try {
      Class<?> c = Class.forName(Contender.class.getPackageName() + "." + cls);
      return (Contender) c.getConstructor(String.class, String.class, int.class)
          .newInstance(baseUrl, arg, maxConnections);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create contender " + name
          + " (is its stack on the classpath?)", e.getCause() != null ? e.getCause() : e);
    }
  }
}
