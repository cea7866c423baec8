package dev.conduit.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.OpenAIClient;
import dev.conduit.RequestOptions;
import dev.conduit.errors.NotFoundException;
import dev.conduit.models.conversations.ConversationItem;
import dev.conduit.models.conversations.ConversationResource;
import dev.conduit.models.conversations.CreateConversationBody;
import dev.conduit.models.conversations.ListConversationItemsParams;
import dev.conduit.models.conversations.UpdateConversationBody;
import dev.conduit.models.files.FileCreateParams;
import dev.conduit.models.files.FilePurpose;
import dev.conduit.models.responses.Response;
import dev.conduit.models.responses.ResponseCreateParams;
import dev.conduit.models.shared.ComparisonFilter;
import dev.conduit.models.shared.EasyInputMessage;
import dev.conduit.models.shared.Message;
import dev.conduit.models.shared.MessageContent;
import dev.conduit.models.shared.OutputTextContent;
import dev.conduit.models.vectorstores.CreateVectorStoreFileRequest;
import dev.conduit.models.vectorstores.CreateVectorStoreRequest;
import dev.conduit.models.vectorstores.ListVectorStoreFilesParams;
import dev.conduit.models.vectorstores.ListVectorStoresParams;
import dev.conduit.models.vectorstores.VectorStoreExpirationAfter;
import dev.conduit.models.vectorstores.VectorStoreObject;
import dev.conduit.models.vectorstores.VectorStoreSearchRequest;
import dev.conduit.models.vectorstores.VectorStoreSearchResultItem;
import dev.conduit.models.vectorstores.VectorStoreSearchResultsPage;
import dev.conduit.testing.FakeOpenAI;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conduit's generated typed services ({@code client.vectorStores()}, {@code client.conversations()})
 * end to end against the in-memory fake: create, search, auto-paged lists, and a response that
 * continues a conversation.
 */
class VectorStoresAndConversationsClientTest {
  /** A clock the test moves by hand, so expiry needs no waiting. */
  static final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2025-06-01T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private FakeOpenAI fake;
  private OpenAIClient client;

  @BeforeEach
  void start() {
    fake = FakeOpenAI.builder().mode(FakeOpenAI.Mode.IN_MEMORY).clock(clock).build();
    client = OpenAIClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).transport(fake.transport()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private String upload(String filename, String text) {
    return client.files().create(FileCreateParams.builder()
        .file(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), filename)
        .purpose(FilePurpose.ASSISTANTS).build()).id();
  }

  private static <T> List<T> all(Iterable<T> pager) {
    return StreamSupport.stream(pager.spliterator(), false).collect(Collectors.toList());
  }

  private long requestsTo(String path) {
    return fake.journal().stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).count();
  }

  @Test
  void vectorStoresSearchAndAutoPaging() {
    String kiwi = upload("kiwi.txt", "Kiwi fruit grows on vines in New Zealand and is rich in vitamin C.");
    String rust = upload("rust.txt", "Rust is a systems programming language focused on memory safety.");
    VectorStoreObject vs = client.vectorStores().create(CreateVectorStoreRequest.builder().name("kb")
        .fileIds(List.of(kiwi)).metadata(Map.of("team", "search"))
        .expiresAfter(VectorStoreExpirationAfter.builder().days(1).build()).build());
    client.vectorStores().files().create(vs.id(), CreateVectorStoreFileRequest.builder().fileId(rust)
        .attributes(Map.of("lang", "en", "year", 2015)).build());

    VectorStoreObject now = client.vectorStores().retrieve(vs.id());
    assertThat(now.name()).isEqualTo("kb");
    assertThat(now.metadata()).containsEntry("team", "search");
    assertThat(now.fileCounts().completed()).isEqualTo(2);
    assertThat(now.fileCounts().total()).isEqualTo(2);
    assertThat(now.usageBytes()).isGreaterThan(100);
    assertThat(now.status()).isEqualTo(VectorStoreObject.Status.COMPLETED);

    VectorStoreSearchResultsPage page = client.vectorStores().search(vs.id(), VectorStoreSearchRequest.builder()
        .query("How does Rust give memory safety?").maxNumResults(5).build());
    assertThat(page.searchQuery()).containsExactly("How does Rust give memory safety?");
    VectorStoreSearchResultItem best = page.data().get(0);
    assertThat(best.fileId()).isEqualTo(rust);
    assertThat(best.filename()).isEqualTo("rust.txt");
    assertThat(best.score()).isBetween(0.0, 1.0);
    assertThat(best.attributes()).containsEntry("lang", "en");
    assertThat(best.content().get(0).text()).startsWith("Rust is a systems programming language");
    VectorStoreSearchResultsPage filtered = client.vectorStores().search(vs.id(), VectorStoreSearchRequest.builder()
        .query("memory safety in vines").filters(ComparisonFilter.builder().type(ComparisonFilter.Type.NE).key("lang")
            .value("fr").build()).build());
    assertThat(filtered.data()).extracting(VectorStoreSearchResultItem::fileId).containsExactly(rust);

    List<String> created = new ArrayList<>(List.of(vs.id()));
    for (int i = 0; i < 4; i++) {
      created.add(client.vectorStores().create(CreateVectorStoreRequest.builder().name("s" + i).build()).id());
    }
    List<String> newestFirst = new ArrayList<>(created);
    Collections.reverse(newestFirst);
    List<VectorStoreObject> paged = all(client.vectorStores().list(ListVectorStoresParams.builder().limit(2).build())
        .autoPager());
    assertThat(paged).extracting(VectorStoreObject::id).containsExactlyElementsOf(newestFirst);
    assertThat(requestsTo("/v1/vector_stores")).isEqualTo(3);
    List<VectorStoreObject> backwards = all(client.vectorStores().list(ListVectorStoresParams.builder().limit(1)
        .before(created.get(2)).build()).autoPager());
    assertThat(backwards).extracting(VectorStoreObject::id).containsExactly(created.get(3), created.get(4));
    assertThat(all(client.vectorStores().files().list(vs.id(), ListVectorStoreFilesParams.builder().limit(1).build())
        .autoPager())).extracting(f -> f.id()).containsExactly(rust, kiwi);

    clock.advance(Duration.ofDays(2));
    assertThat(client.vectorStores().retrieve(vs.id()).status()).isEqualTo(VectorStoreObject.Status.EXPIRED);
    assertThat(client.vectorStores().delete(vs.id()).deleted()).isTrue();
    assertThatThrownBy(() -> client.vectorStores().retrieve(vs.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void conversationCarriesResponsesAndAutoPagesItsItems() {
    ConversationResource conv = client.conversations().create(CreateConversationBody.builder()
        .metadata(Map.of("topic", "demo"))
        .items(List.of(EasyInputMessage.builder().role(EasyInputMessage.Role.USER)
            .content("The code word is tangerine.").build()))
        .build());
    Response r = client.responses().create(ResponseCreateParams.builder().model("gpt-5-mini")
        .input("What is the code word?").build(), RequestOptions.builder().bodyField("conversation", conv.id()).build());
    assertThat(r.outputText()).isEqualTo("What is the code word?");
    assertThat(r.toJson().get("conversation")).isEqualTo(Map.of("id", conv.id()));

    List<ConversationItem> items = all(client.conversations().items().list(conv.id(), ListConversationItemsParams
        .builder().limit(1).order(ListConversationItemsParams.Order.ASC).build()).autoPager());
    assertThat(items).hasSize(3).allSatisfy(i -> assertThat(i).isInstanceOf(Message.class));
    List<Message> messages = items.stream().map(Message.class::cast).collect(Collectors.toList());
    assertThat(messages).extracting(m -> m.role().value()).containsExactly("user", "user", "assistant");
    assertThat(messages).extracting(m -> text(m.content().get(0)))
        .containsExactly("The code word is tangerine.", "What is the code word?", "What is the code word?");
    assertThat(messages.get(2).id()).isEqualTo(r.output().get(0).toJson().get("id"));
    assertThat(requestsTo("/v1/conversations/" + conv.id() + "/items")).isEqualTo(3);

    Message first = (Message) client.conversations().items().retrieve(conv.id(), messages.get(0).id());
    assertThat(first.id()).isEqualTo(messages.get(0).id());
    client.conversations().items().delete(conv.id(), first.id());
    assertThat(all(client.conversations().items().list(conv.id()).autoPager())).hasSize(2);
    ConversationResource updated = client.conversations().update(conv.id(), UpdateConversationBody.builder()
        .metadata(Map.of("topic", "renamed")).build());
    assertThat(updated.metadata()).isEqualTo(Map.of("topic", "renamed"));
    assertThat(client.conversations().delete(conv.id()).deleted()).isTrue();
    assertThatThrownBy(() -> client.conversations().retrieve(conv.id())).isInstanceOf(NotFoundException.class);
  }

  private static String text(MessageContent content) {
    return content instanceof OutputTextContent ? ((OutputTextContent) content).text()
        : String.valueOf(content.toJson().get("text"));
  }
}
