package dev.conduit.it;

import static dev.conduit.it.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.OpenAIClient;
import dev.conduit.RequestOptions;
import dev.conduit.core.AsyncPage;
import dev.conduit.core.Page;
import dev.conduit.models.JsonModel;
import dev.conduit.models.vectorstores.ListVectorStoresParams;
import dev.conduit.models.vectorstores.VectorStoreObject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated list endpoint paginates: for each operation {@code spec/operations.tsv} marks as a
 * page (all cursor styles), the blocking and the asynchronous auto-pager are driven through two
 * pages served by a scripted loopback server, and the second request must carry the cursor the
 * first page gave, in that style's query parameter.
 */
class GeneratedPagingTest {
  private ScriptedServer server;
  private OpenAIClient client;

  @BeforeEach
  void setUp() throws Exception {
    server = new ScriptedServer();
    client = Clients.client(server);
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    server.close();
  }

  static Stream<Arguments> listOperations() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (String[] c : GeneratedCoverageTest.rows(GeneratedSourcesUpToDateTest.root().resolve("spec/operations.tsv"))) {
      if (c[4].equals("gen") && c[7].startsWith("page:")) {
        out.add(Arguments.of(c[0], c[5], c[6], c[7].substring(5), Integer.parseInt(c[9]), c[10], c[11]));
      }
    }
    assertThat(out).as("paginated operations").hasSizeGreaterThan(50);
    return out.stream();
  }

  /** The two pages of a style, and the query parameter the second request must carry. */
  private static String[] script(String style) {
    String items = "\"data\":[{\"id\":\"a1\",\"object\":\"thing\"},{\"id\":\"a2\",\"object\":\"thing\"}]";
    String last = "\"data\":[{\"id\":\"b1\",\"object\":\"thing\"}],\"has_more\":false";
    switch (style) {
      case "LAST_ID":
      case "LAST_ID_OR_FIRST_ID":
        return new String[] {"{\"object\":\"list\"," + items + ",\"first_id\":\"a1\",\"last_id\":\"cursor-a2\",\"has_more\":true}",
            "{\"object\":\"list\"," + last + ",\"first_id\":\"b1\",\"last_id\":\"b1\"}", "after=cursor-a2"};
      case "ITEM_ID":
        return new String[] {"{\"object\":\"list\"," + items + ",\"has_more\":true}", "{\"object\":\"list\"," + last + "}", "after=a2"};
      case "NEXT":
        return new String[] {"{\"object\":\"list\"," + items + ",\"has_more\":true,\"next\":\"cursor-next\"}",
            "{\"object\":\"list\"," + last + ",\"next\":null}", "after=cursor-next"};
      case "NEXT_PAGE":
        return new String[] {"{\"object\":\"page\"," + items + ",\"has_more\":true,\"next_page\":\"page-2\"}",
            "{\"object\":\"page\"," + last + ",\"next_page\":null}", "page=page-2"};
      default:
        throw new AssertionError("unknown style " + style);
    }
  }

  @ParameterizedTest(name = "{0} ({3})")
  @MethodSource("listOperations")
  void autoPagerWalksEveryPage(String id, String accessor, String method, String style, int pathParams, String paramsClass,
      String required) throws Exception {
    String[] s = script(style);
    // blocking
    server.enqueue(json(200, s[0]), json(200, s[1]));
    Object service = GeneratedStreamsTest.resolve(client, accessor);
    Page<?> page = (Page<?>) invoke(service, method, pathParams, paramsClass, required);
    assertThat(ids(page.autoPager())).as(id).containsExactly("a1", "a2", "b1");
    ScriptedServer.Recorded first = server.takeRequest();
    ScriptedServer.Recorded second = server.takeRequest();
    assertThat(first.method).isEqualTo("GET");
    assertThat(first.path).doesNotContain(s[2]);
    assertThat(second.path).as(id + " second page").contains(s[2]);
    assertThat(second.path.substring(0, second.path.indexOf('?'))).isEqualTo(pathOnly(first.path));
    for (String r : required.equals("-") ? new String[0] : required.split(",")) {
      String name = r.substring(0, r.indexOf(':'));
      assertThat(first.path).as("required parameter " + name).contains(name.replace("[", "%5B").replace("]", "%5D") + "=");
      assertThat(second.path).as("required parameter " + name + " on the next page").contains(name.replace("[", "%5B").replace("]", "%5D") + "=");
    }

    // asynchronous
    server.enqueue(json(200, s[0]), json(200, s[1]));
    Object async = GeneratedStreamsTest.resolve(client.async(), accessor);
    @SuppressWarnings("unchecked")
    CompletableFuture<AsyncPage<?>> f = (CompletableFuture<AsyncPage<?>>) invoke(async, method, pathParams, paramsClass, required);
    AsyncPage<?> asyncPage = f.get(10, TimeUnit.SECONDS);
    assertThat(collect(asyncPage.autoPager()).stream().map(GeneratedPagingTest::id)).containsExactly("a1", "a2", "b1");
    server.takeRequest();
    assertThat(server.takeRequest().path).contains(s[2]);
  }

  @Test
  void listsWithBeforePageBackwardsFromTheFirstId() throws Exception {
    server.enqueue(
        json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"vs_5\"},{\"id\":\"vs_4\"}],\"first_id\":\"vs_5\",\"last_id\":\"vs_4\",\"has_more\":true}"),
        json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"vs_3\"}],\"first_id\":\"vs_3\",\"last_id\":\"vs_3\",\"has_more\":false}"));
    Page<VectorStoreObject> page = client.vectorStores().list(ListVectorStoresParams.builder().before("vs_6").limit(2).build());
    List<String> ids = new ArrayList<>();
    page.autoPager().forEach(v -> ids.add(v.id()));
    assertThat(ids).containsExactly("vs_5", "vs_4", "vs_3");
    assertThat(server.takeRequest().path).contains("before=vs_6").contains("limit=2");
    assertThat(server.takeRequest().path).contains("before=vs_5").doesNotContain("after=");
  }

  @Test
  void aPageWithoutMoreIsTheLast() throws Exception {
    server.enqueue(json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"vs_1\"}],\"last_id\":\"vs_1\",\"has_more\":false}"));
    Page<VectorStoreObject> page = client.vectorStores().list();
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.data()).extracting(VectorStoreObject::id).containsExactly("vs_1");
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  static Object invoke(Object service, String method, int pathParams, String paramsClass, String required) throws Exception {
    for (Method m : service.getClass().getInterfaces()[0].getMethods()) {
      Class<?>[] types = m.getParameterTypes();
      if (m.getName().equals(method) && types.length == pathParams + 2 && types[types.length - 1] == RequestOptions.class) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < pathParams; i++) {
          args[i] = "p" + i;
        }
        args[pathParams] = params(paramsClass, required);
        args[pathParams + 1] = RequestOptions.none();
        return m.invoke(service, args);
      }
    }
    throw new AssertionError("no method " + method + " on " + service.getClass());
  }

  /** Builds a parameter set with its required parameters set to sample values. */
  static Object params(String paramsClass, String required) throws Exception {
    Class<?> c = Class.forName(paramsClass);
    Object builder = c.getMethod("builder").invoke(null);
    Method put = builder.getClass().getMethod("putJsonField", String.class, Object.class);
    if (!required.equals("-")) {
      for (String r : required.split(",")) {
        String[] nk = r.split(":");
        Object sample = nk[1].equals("LONG") ? (Object) 1700000000L : nk[1].equals("LIST") ? List.of("x") : "x";
        put.invoke(builder, nk[0], sample);
      }
    }
    return builder.getClass().getMethod("build").invoke(builder);
  }

  private static String id(Object item) {
    return String.valueOf(((JsonModel) item).jsonField("id"));
  }

  private static List<String> ids(Iterable<?> items) {
    List<String> out = new ArrayList<>();
    for (Object o : items) {
      out.add(id(o));
    }
    return out;
  }

  static <T> List<T> collect(Flow.Publisher<T> publisher) throws Exception {
    CompletableFuture<List<T>> done = new CompletableFuture<>();
    List<T> items = new ArrayList<>();
    publisher.subscribe(new Flow.Subscriber<T>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(T item) {
        synchronized (items) {
          items.add(item);
        }
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        synchronized (items) {
          done.complete(new ArrayList<>(items));
        }
      }
    });
    return done.get(10, TimeUnit.SECONDS);
  }
}
