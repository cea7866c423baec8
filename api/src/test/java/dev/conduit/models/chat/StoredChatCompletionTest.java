package dev.conduit.models.chat;

import dev.conduit.models.SortOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.errors.InvalidResponseException;
import dev.conduit.testutil.TestJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredChatCompletionTest {
  @Test
  void listParamsQueryHasOnlySetValuesInInsertionOrder() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("team", "search");
    metadata.put("env", "prod");
    ChatCompletionListParams params =
        ChatCompletionListParams.builder()
            .model("gpt-4o")
            .limit(50)
            .metadata(metadata)
            .order(SortOrder.DESC)
            .after("chatcmpl-1")
            .build();

    assertThat(params.toQuery())
        .containsExactly(
            Map.entry("model", "gpt-4o"),
            Map.entry("limit", "50"),
            Map.entry("metadata[team]", "search"),
            Map.entry("metadata[env]", "prod"),
            Map.entry("order", "desc"),
            Map.entry("after", "chatcmpl-1"));
    assertThat(params.model()).isEqualTo("gpt-4o");
    assertThat(params.limit()).isEqualTo(50L);
    assertThat(params.metadata()).containsExactly(Map.entry("team", "search"), Map.entry("env", "prod"));
    assertThat(params.order()).isSameAs(SortOrder.DESC);
    assertThat(params.after()).isEqualTo("chatcmpl-1");

    ChatCompletionListParams changed =
        params.toBuilder().metadata(Map.of("only", "one")).model(null).putMetadata("two", "2").build();
    assertThat(changed.toQuery())
        .containsExactly(
            Map.entry("limit", "50"),
            Map.entry("order", "desc"),
            Map.entry("after", "chatcmpl-1"),
            Map.entry("metadata[only]", "one"),
            Map.entry("metadata[two]", "2"));
    assertThat(changed.model()).isNull();
    assertThat(params.toQuery()).hasSize(6);
    assertThat(params).isEqualTo(params.toBuilder().build()).isNotEqualTo(changed);
  }

  @Test
  void emptyListParamsSendNothing() {
    assertThat(ChatCompletionListParams.none().toQuery()).isEmpty();
    assertThat(ChatCompletionListParams.none().limit()).isNull();
    assertThat(ChatCompletionListParams.none().order()).isNull();
    assertThat(ChatCompletionListParams.none().metadata()).isEmpty();
    assertThat(ChatCompletionMessageListParams.none().toQuery()).isEmpty();
    assertThatThrownBy(() -> ChatCompletionListParams.builder().limit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit < 1: 0");
  }

  @Test
  void messageListParams() {
    ChatCompletionMessageListParams params =
        ChatCompletionMessageListParams.builder().order(SortOrder.ASC).after("msg_1").limit(5).build();

    assertThat(params.toQuery())
        .containsExactly(Map.entry("order", "asc"), Map.entry("after", "msg_1"), Map.entry("limit", "5"));
    assertThat(params.after()).isEqualTo("msg_1");
    assertThat(params.limit()).isEqualTo(5L);
    assertThat(params.order()).isSameAs(SortOrder.ASC);
    assertThat(params.toBuilder().after(null).build().toQuery()).containsOnlyKeys("order", "limit");
    assertThat(SortOrder.of("sideways").value()).isEqualTo("sideways");
  }

  @Test
  void updateParamsCarryMetadata() {
    ChatCompletionUpdateParams params = ChatCompletionUpdateParams.builder().metadata(Map.of("foo", "bar")).build();

    assertThat(params.toJson()).isEqualTo(TestJson.parse("{\"metadata\": {\"foo\": \"bar\"}}"));
    assertThat(params.metadata()).containsExactly(Map.entry("foo", "bar"));
    assertThatThrownBy(() -> ChatCompletionUpdateParams.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("metadata");
  }

  @Test
  void decodesDeleted() {
    ChatCompletionDeleted deleted =
        ChatCompletionDeleted.fromJson(
            TestJson.object("{\"object\": \"chat.completion.deleted\", \"id\": \"chatcmpl-1\", \"deleted\": true}"));

    assertThat(deleted.id()).isEqualTo("chatcmpl-1");
    assertThat(deleted.object()).isEqualTo("chat.completion.deleted");
    assertThat(deleted.deleted()).isTrue();
    assertThatThrownBy(() -> ChatCompletionDeleted.fromJson(TestJson.object("{}")).deleted())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ChatCompletionDeleted.deleted");
  }

  @Test
  void decodesStoredMessagesFromTheSpecExample() {
    ChatCompletionStoreMessage user =
        ChatCompletionStoreMessage.fromJson(
            TestJson.object(
                """
                {"id": "chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2-0", "role": "user",
                 "content": "write a haiku about ai", "name": null, "content_parts": null}
                """));
    assertThat(user.id()).isEqualTo("chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2-0");
    assertThat(user.role()).isEqualTo("user");
    assertThat(user.content()).isEqualTo("write a haiku about ai");
    assertThat(user.name()).isNull();
    assertThat(user.contentParts()).isEmpty();
    assertThat(user.toolCalls()).isEmpty();
    assertThat(user.refusal()).isNull();

    ChatCompletionStoreMessage withParts =
        ChatCompletionStoreMessage.fromJson(
            TestJson.object(
                """
                {"id": "m-1", "role": "user", "content": "look",
                 "content_parts": [{"type": "text", "text": "look"},
                                   {"type": "image_url", "image_url": {"url": "https://x/y.png"}}],
                 "annotations": [{"type": "url_citation"}]}
                """));
    assertThat(withParts.contentParts())
        .hasExactlyElementsOfTypes(ChatCompletionContentPartText.class, ChatCompletionContentPartImage.class);
    assertThat(withParts.annotations()).hasSize(1);
  }
}
