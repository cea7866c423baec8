package dev.conduit.json.moshi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import com.squareup.moshi.Types;
import dev.conduit.json.CodecException;
import dev.conduit.json.JsonCodec;
import dev.conduit.json.JsonCodecProvider;
import dev.conduit.testing.kit.json.ContractTypes.Color;
import dev.conduit.testing.kit.json.ContractTypes.Paint;
import dev.conduit.testing.kit.json.JsonCodecContract;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs the codec contract against {@link MoshiJsonCodec}, plus what is particular to Moshi. */
class MoshiJsonCodecTest extends JsonCodecContract {
  @Override
  protected JsonCodec newCodec() {
    return MoshiJsonCodec.create();
  }

  /** A record that Moshi binds only with the user's {@link InstantAdapter}. */
  public record Appointment(String title, Instant at) {}

  /** A record whose constructor validates. */
  public record Positive(int value) {
    public Positive {
      if (value <= 0) throw new IllegalArgumentException("value must be positive: " + value);
    }
  }

  /** An enum whose constants have bodies, so their runtime classes are anonymous subclasses. */
  public enum Operation {
    ADD {
      @Override
      long apply(long a, long b) {
        return a + b;
      }
    },
    SUBTRACT {
      @Override
      long apply(long a, long b) {
        return a - b;
      }
    };

    abstract long apply(long a, long b);
  }

  /** Not public: Moshi cannot reach its constructor. */
  private record Hidden(String secret) {}

  /** A user adapter in Moshi's adapter-method style. */
  static final class InstantAdapter {
    @ToJson
    String toJson(Instant instant) {
      return instant.toString();
    }

    @FromJson
    Instant fromJson(String text) {
      return Instant.parse(text);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Discovery

  @Test
  void serviceLoaderFindsTheProviderByName() {
    List<JsonCodecProvider> providers = new ArrayList<>();
    ServiceLoader.load(JsonCodecProvider.class).forEach(providers::add);

    JsonCodecProvider moshi =
        providers.stream().filter(p -> p.name().equals("moshi")).findFirst().orElseThrow();
    assertThat(moshi).isInstanceOf(MoshiJsonCodecProvider.class);
    assertThat(moshi.priority()).isEqualTo(100);
    JsonCodec codec = moshi.create();
    assertThat(codec).isInstanceOf(MoshiJsonCodec.class);
    assertThat(codec.readTree(bytes("{\"a\":1}"))).isEqualTo(Map.of("a", 1L));
    assertThat(moshi.create()).isNotSameAs(codec);
  }

  @Test
  void providerTouchesNoMoshiClassBeforeCreate() throws Exception {
    URL moduleClasses = location(MoshiJsonCodecProvider.class);
    URL api = location(JsonCodecProvider.class);
    try (URLClassLoader withoutMoshi =
        new URLClassLoader(new URL[] {moduleClasses, api}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName("com.squareup.moshi.Moshi", false, withoutMoshi))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> spi = Class.forName(JsonCodecProvider.class.getName(), false, withoutMoshi);

      Object provider = ServiceLoader.load(spi, withoutMoshi).findFirst().orElseThrow();

      assertThat(provider.getClass().getName()).isEqualTo(MoshiJsonCodecProvider.class.getName());
      assertThat(spi.getMethod("name").invoke(provider)).isEqualTo("moshi");
      assertThat(spi.getMethod("priority").invoke(provider)).isEqualTo(100);
      Throwable created = catchThrowable(() -> spi.getMethod("create").invoke(provider));
      assertThat(created).isInstanceOf(InvocationTargetException.class);
      assertThat(created.getCause()).isInstanceOf(NoClassDefFoundError.class);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The user's own Moshi

  @Test
  void userMoshiAdaptersBindUserTypes() {
    MoshiJsonCodec codec = MoshiJsonCodec.create(new Moshi.Builder().add(new InstantAdapter()).build());
    Appointment appointment = new Appointment("Dentist", Instant.parse("2026-01-02T03:04:05Z"));

    String json = new String(codec.encodeToBytes(appointment), UTF_8);

    assertThat(json).isEqualTo("{\"title\":\"Dentist\",\"at\":\"2026-01-02T03:04:05Z\"}");
    assertThat(codec.<Appointment>decode(bytes(json), Appointment.class)).isEqualTo(appointment);
    assertThat(codec.encodeToBytes(Map.of("when", Instant.EPOCH)))
        .isEqualTo(bytes("{\"when\":\"1970-01-01T00:00:00Z\"}"));
  }

  @Test
  void withoutTheUserAdapterAPlatformTypeIsExplained() {
    Throwable thrown = catchThrowable(() -> codec().decode(bytes("{\"title\":\"x\",\"at\":\"y\"}"),
        Appointment.class));

    assertThat(thrown).isInstanceOf(CodecException.class)
        .hasMessageContaining(Appointment.class.getName())
        .hasMessageContaining("java.time.Instant");
  }

  @Test
  void treeTypesStayTreesEvenIfTheUserMoshiBindsThemOtherwise() {
    JsonAdapter<Object> hijacker = new JsonAdapter<>() {
      @Override
      public Object fromJson(JsonReader reader) throws java.io.IOException {
        reader.skipValue();
        return "hijacked";
      }

      @Override
      public void toJson(JsonWriter writer, Object value) throws java.io.IOException {
        writer.value("hijacked");
      }
    };
    Moshi user = new Moshi.Builder().add(Object.class, hijacker).build();
    MoshiJsonCodec codec = MoshiJsonCodec.create(user);
    Type mapType = Types.newParameterizedType(Map.class, String.class, Object.class);

    assertThat(codec.<Object>decode(bytes("{\"a\":1}"), Object.class)).isEqualTo(Map.of("a", 1L));
    assertThat(codec.<Object>decode(bytes("{\"a\":1}"), mapType))
        .isExactlyInstanceOf(LinkedHashMap.class).isEqualTo(Map.of("a", 1L));
    assertThat(codec.readTree(bytes("[1]"))).isEqualTo(List.of(1L));
    // The user's Moshi itself is left as it was.
    assertThat(user.adapter(Object.class).fromJsonValue(1)).isEqualTo("hijacked");
  }

  @Test
  void moshisOwnMapBindingWouldHaveGivenDoubles() throws Exception {
    // Why the tree adapter exists: Moshi alone turns every number into a Double.
    Moshi plain = new Moshi.Builder().build();
    assertThat(plain.adapter(Object.class).fromJson("{\"a\":1}")).isEqualTo(Map.of("a", 1.0));
    assertThat(codec().<Object>decode(bytes("{\"a\":1}"), Object.class)).isEqualTo(Map.of("a", 1L));
  }

  @Test
  void adaptersAreLookedUpOncePerType() {
    AtomicInteger lookups = new AtomicInteger();
    JsonAdapter.Factory counting = (type, annotations, moshi) -> {
      if (type == Paint.class) lookups.incrementAndGet();
      return null; // let the built-in record adapter bind it
    };
    MoshiJsonCodec codec = MoshiJsonCodec.create(new Moshi.Builder().add(counting).build());

    for (int i = 0; i < 1_000; i++) {
      Paint paint = codec.decode(bytes("{\"name\":\"n\",\"color\":\"RED\",\"coats\":" + i + "}"),
          Paint.class);
      assertThat(paint.coats()).isEqualTo(i);
      codec.encodeToBytes(paint);
    }
    assertThat(lookups).hasValue(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Kotlin

  @Test
  void aKotlinClassNamesConduitKotlin() throws Exception {
    Class<?> pair = Class.forName("kotlin.Pair"); // a Kotlin data class from kotlin-stdlib, which Moshi needs

    Throwable decoding = catchThrowable(
        () -> codec().decode(bytes("{\"first\":\"a\",\"second\":\"b\"}"), pair));
    assertThat(decoding).isInstanceOf(CodecException.class)
        .hasMessageContaining("kotlin.Pair: it is a Kotlin class").hasMessageContaining("conduit-kotlin");

    Object instance = pair.getConstructor(Object.class, Object.class).newInstance("a", "b");
    assertThat(catchThrowable(() -> codec().encodeToBytes(instance)))
        .isInstanceOf(CodecException.class).hasMessageContaining("conduit-kotlin");

    Type listOfPairs = Types.newParameterizedType(List.class, pair);
    assertThat(catchThrowable(() -> codec().decode(bytes("[]"), listOfPairs)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("holds the Kotlin class kotlin.Pair").hasMessageContaining("conduit-kotlin");
  }

  @Test
  void aKotlinClassBindsWithTheUsersOwnAdapter() throws Exception {
    Class<?> pair = Class.forName("kotlin.Pair");
    Object instance = pair.getConstructor(Object.class, Object.class).newInstance("a", "b");
    JsonAdapter<Object> pairAdapter = new JsonAdapter<>() {
      @Override
      public Object fromJson(JsonReader reader) throws java.io.IOException {
        reader.beginArray();
        Object result;
        try {
          result = pair.getConstructor(Object.class, Object.class)
              .newInstance(reader.nextString(), reader.nextString());
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        reader.endArray();
        return result;
      }

      @Override
      public void toJson(JsonWriter writer, Object value) throws java.io.IOException {
        writer.beginArray().value("a").value("b").endArray();
      }
    };
    MoshiJsonCodec codec = MoshiJsonCodec.create(new Moshi.Builder().add(pair, pairAdapter).build());

    assertThat(codec.<Object>decode(bytes("[\"a\",\"b\"]"), pair)).isEqualTo(instance);
    assertThat(codec.encodeToBytes(instance)).isEqualTo(bytes("[\"a\",\"b\"]"));
  }

  // ---------------------------------------------------------------------------------------------
  // Messages and edge cases particular to this codec

  @Test
  void malformedMessagesQuoteTheInputNearTheFailureInOurOwnWords() {
    assertThat(message("{\"a\":[1,2,x]}"))
        .startsWith("Malformed JSON").contains("$.a[2]").contains("near 'x]}'")
        .doesNotContain("setLenient");
    assertThat(message("<html><body>Bad Gateway</body></html>"))
        .contains("near '<html><body>Bad Gateway</body></html>'")
        .contains("looks like an HTML or XML page");
    assertThat(message("{\"a\":1}\n\n{\"b\":2}")).contains("trailing").contains("near '{\"b\":2}'");
    assertThat(message("\"" + "x".repeat(100) + "\" " + "y".repeat(100)))
        .contains("near '" + "y".repeat(40) + "…'");
  }

  @Test
  void aPartialLiteralAtTheEndIsTruncatedButABadLiteralIsMalformed() {
    assertThat(message("[tru")).contains("ended early");
    assertThat(message("[1.")).contains("ended early");
    assertThat(message("[01]")).startsWith("Malformed JSON");
    assertThat(message("[truth]")).startsWith("Malformed JSON");
  }

  @Test
  void tooDeepNestingSaysSo() {
    assertThat(message("[".repeat(300) + "]".repeat(300))).contains("255 levels");
  }

  @Test
  void numbersBeyondTheRangeOfADoubleAreRejected() {
    assertThat(message("{\"x\":1e400}")).contains("1e400").contains("$.x");
    assertThat(message("-1E999")).contains("-1E999");
    assertThat(catchThrowable(() -> codec().decode(bytes("[1e400]"), Object.class)))
        .isInstanceOf(CodecException.class);
  }

  @Test
  void upperCaseLiteralsAreAcceptedAsMoshiDoes() {
    assertThat(codec().readTree(bytes("[TRUE,FALSE,NULL]"))).isEqualTo(java.util.Arrays.asList(true, false, null));
  }

  @Test
  void aRecordThatIsNotPublicIsExplained() {
    Throwable thrown = catchThrowable(() -> codec().decode(bytes("{\"secret\":\"s\"}"), Hidden.class));

    assertThat(thrown).isInstanceOf(CodecException.class).hasMessageContaining("public");
  }

  @Test
  void aRecordConstructorThatRejectsAValueGivesACodecException() {
    Throwable thrown = catchThrowable(() -> codec().decode(bytes("[{\"value\":-1}]"),
        Types.newParameterizedType(List.class, Positive.class)));

    assertThat(thrown).isInstanceOf(CodecException.class)
        .hasMessageContaining("value must be positive: -1")
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThat(codec().<Positive>decode(bytes("{\"value\":2}"), Positive.class)).isEqualTo(new Positive(2));
  }

  @Test
  void aFailingUserAdapterGivesACodecException() {
    JsonAdapter<Instant> broken = new JsonAdapter<>() {
      @Override
      public Instant fromJson(JsonReader reader) throws java.io.IOException {
        return Instant.parse(reader.nextString());
      }

      @Override
      public void toJson(JsonWriter writer, Instant value) {
        throw new IllegalStateException("cannot write instants today");
      }
    };
    MoshiJsonCodec codec = MoshiJsonCodec.create(new Moshi.Builder().add(Instant.class, broken).build());

    assertThat(catchThrowable(() -> codec.decode(bytes("{\"title\":\"t\",\"at\":\"yesterday\"}"),
        Appointment.class)))
        .isInstanceOf(CodecException.class).hasMessageContaining("$.at").hasMessageContaining("yesterday");
    assertThat(catchThrowable(() -> codec.encodeToBytes(new Appointment("t", Instant.EPOCH))))
        .isInstanceOf(CodecException.class).hasMessageContaining("cannot write instants today");
  }

  @Test
  void encodeFindsTheAdapterByRuntimeClass() {
    Object paint = new Paint("p", Color.GREEN, 1);

    assertThat(codec().encodeToBytes(paint))
        .isEqualTo(bytes("{\"name\":\"p\",\"color\":\"GREEN\",\"coats\":1}"));
    assertThat(codec().encodeToBytes(Operation.ADD)).isEqualTo(bytes("\"ADD\""));
    assertThat(codec().encodeToBytes(List.of(Operation.SUBTRACT, Operation.ADD)))
        .isEqualTo(bytes("[\"SUBTRACT\",\"ADD\"]"));
    assertThat(codec().<Operation>decode(bytes("\"SUBTRACT\""), Operation.class).apply(5, 3)).isEqualTo(2);
  }

  @Test
  void encodeWritesSetsAndArraysButWriteTreeDoesNot() {
    assertThat(codec().encodeToBytes(new java.util.TreeSet<>(List.of("b", "a"))))
        .isEqualTo(bytes("[\"a\",\"b\"]"));
    assertThat(codec().encodeToBytes(new String[] {"x", "y"})).isEqualTo(bytes("[\"x\",\"y\"]"));
    assertThat(catchThrowable(() -> codec().writeTreeToBytes(java.util.Set.of("a"))))
        .isInstanceOf(CodecException.class).hasMessageContaining("Set");
  }

  @Test
  void toStringsNameTheCodec() {
    assertThat(codec()).hasToString("MoshiJsonCodec");
    assertThat(new MoshiJsonCodecProvider()).hasToString("MoshiJsonCodecProvider[moshi]");
  }

  private String message(String json) {
    Throwable thrown = catchThrowable(() -> codec().readTree(bytes(json)));
    assertThat(thrown).isInstanceOf(CodecException.class);
    return thrown.getMessage();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(UTF_8);
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
