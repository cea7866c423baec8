package dev.conduit.models.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testutil.TestJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionMessageParamTest {
  @Test
  void factoriesProduceTheWireForm() {
    assertThat(ChatCompletionMessageParam.user("Hi").toJson())
        .isEqualTo(TestJson.parse("{\"role\": \"user\", \"content\": \"Hi\"}"));
    assertThat(ChatCompletionMessageParam.system("Be brief").toJson())
        .isEqualTo(TestJson.parse("{\"role\": \"system\", \"content\": \"Be brief\"}"));
    assertThat(ChatCompletionMessageParam.developer("Be kind").toJson())
        .isEqualTo(TestJson.parse("{\"role\": \"developer\", \"content\": \"Be kind\"}"));
    assertThat(ChatCompletionMessageParam.assistant("Hello!").toJson())
        .isEqualTo(TestJson.parse("{\"role\": \"assistant\", \"content\": \"Hello!\"}"));
    assertThat(ChatCompletionMessageParam.tool("call_1", "{\"temp\": 21}").toJson())
        .isEqualTo(TestJson.parse("{\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"{\\\"temp\\\": 21}\"}"));
  }

  @Test
  void userMessageWithAllKindsOfParts() {
    ChatCompletionUserMessageParam user =
        ChatCompletionMessageParam.user(
            List.of(
                ChatCompletionContentPart.text("What is in this image?"),
                ChatCompletionContentPartImage.of("https://example.com/a.png", "high"),
                ChatCompletionContentPart.inputAudio("UklGRg==", "wav"),
                ChatCompletionContentPart.fileId("file-abc"),
                ChatCompletionContentPartFile.ofFileData("a.pdf", "JVBERi0=")));

    assertThat(user.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"role": "user", "content": [
                  {"type": "text", "text": "What is in this image?"},
                  {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "high"}},
                  {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
                  {"type": "file", "file": {"file_id": "file-abc"}},
                  {"type": "file", "file": {"filename": "a.pdf", "file_data": "JVBERi0="}}
                ]}
                """));
    assertThat(user.contentText()).isNull();
    List<ChatCompletionContentPart> parts = user.contentParts();
    assertThat(parts).hasSize(5);
    assertThat(((ChatCompletionContentPartText) parts.get(0)).text()).isEqualTo("What is in this image?");
    ChatCompletionContentPartImage image = (ChatCompletionContentPartImage) parts.get(1);
    assertThat(image.imageUrl().url()).isEqualTo("https://example.com/a.png");
    assertThat(image.imageUrl().detail()).isEqualTo("high");
    ChatCompletionContentPartInputAudio audio = (ChatCompletionContentPartInputAudio) parts.get(2);
    assertThat(audio.inputAudio().data()).isEqualTo("UklGRg==");
    assertThat(audio.inputAudio().format()).isEqualTo("wav");
    ChatCompletionContentPartFile byId = (ChatCompletionContentPartFile) parts.get(3);
    assertThat(byId.file().fileId()).isEqualTo("file-abc");
    assertThat(byId.file().fileData()).isNull();
    ChatCompletionContentPartFile inline = (ChatCompletionContentPartFile) parts.get(4);
    assertThat(inline.file().filename()).isEqualTo("a.pdf");
    assertThat(inline.file().fileData()).isEqualTo("JVBERi0=");
  }

  @Test
  void fromJsonDispatchesOnRole() {
    assertThat(parse("{\"role\": \"system\", \"content\": \"s\", \"name\": \"ops\"}"))
        .isInstanceOfSatisfying(ChatCompletionSystemMessageParam.class, m -> assertThat(m.name()).isEqualTo("ops"));
    assertThat(parse("{\"role\": \"developer\", \"content\": \"d\"}"))
        .isInstanceOf(ChatCompletionDeveloperMessageParam.class);
    assertThat(parse("{\"role\": \"user\", \"content\": \"u\"}"))
        .isInstanceOfSatisfying(ChatCompletionUserMessageParam.class, m -> assertThat(m.contentText()).isEqualTo("u"));
    assertThat(parse("{\"role\": \"tool\", \"tool_call_id\": \"call_9\", \"content\": \"ok\"}"))
        .isInstanceOfSatisfying(ChatCompletionToolMessageParam.class, m -> assertThat(m.toolCallId()).isEqualTo("call_9"));
    assertThat(
            parse(
                """
                {"role": "assistant", "content": null, "refusal": "no",
                 "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
                 "audio": {"id": "audio_1"}}
                """))
        .isInstanceOfSatisfying(
            ChatCompletionAssistantMessageParam.class,
            m -> {
              assertThat(m.refusal()).isEqualTo("no");
              assertThat(m.toolCalls()).extracting(ChatCompletionMessageToolCall::id).containsExactly("c1");
              assertThat(m.audioId()).isEqualTo("audio_1");
              assertThat(m.contentText()).isNull();
              assertThat(m.contentParts()).isEmpty();
            });
  }

  @Test
  void unknownOrMissingRoleDecodesToUnknownAndRoundTrips() {
    ChatCompletionMessageParam function = parse("{\"role\": \"function\", \"name\": \"f\", \"content\": \"x\"}");
    assertThat(function).isInstanceOf(ChatCompletionUnknownMessageParam.class);
    assertThat(function.role()).isEqualTo("function");
    assertThat(function.toJson()).isEqualTo(TestJson.parse("{\"role\": \"function\", \"name\": \"f\", \"content\": \"x\"}"));

    ChatCompletionMessageParam noRole = parse("{\"content\": \"x\"}");
    assertThat(noRole).isInstanceOf(ChatCompletionUnknownMessageParam.class);
    assertThat(noRole.role()).isNull();
    assertThat(noRole.contentText()).isEqualTo("x");

    assertThat(parse("{\"role\": 7}")).isInstanceOf(ChatCompletionUnknownMessageParam.class);
  }

  @Test
  void unknownContentPartTypeIsKept() {
    ChatCompletionMessageParam user =
        parse("{\"role\": \"user\", \"content\": [{\"type\": \"hologram\", \"depth\": 3}, {\"text\": \"no type\"}]}");

    List<ChatCompletionContentPart> parts = user.contentParts();
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).isInstanceOf(ChatCompletionContentPartUnknown.class);
    assertThat(parts.get(0).type()).isEqualTo("hologram");
    assertThat(parts.get(0).jsonField("depth")).isEqualTo(3L);
    assertThat(parts.get(1)).isInstanceOf(ChatCompletionContentPartUnknown.class);
    assertThat(parts.get(1).type()).isNull();
  }

  @Test
  void fromMessageEchoesAnAssistantReplyForAToolLoop() {
    ChatCompletionMessage reply =
        ChatCompletionMessage.fromJson(
            TestJson.object(
                """
                {"role": "assistant", "content": null, "refusal": null,
                 "tool_calls": [{"id": "call_1", "type": "function",
                                 "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}],
                 "annotations": [], "audio": {"id": "audio_7", "expires_at": 1, "data": "AAA=", "transcript": "t"}}
                """));

    ChatCompletionAssistantMessageParam echo = ChatCompletionMessageParam.fromMessage(reply);

    assertThat(echo.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"role": "assistant",
                 "tool_calls": [{"id": "call_1", "type": "function",
                                 "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}],
                 "audio": {"id": "audio_7"}}
                """));

    ChatCompletionMessage text = ChatCompletionMessage.builder().content("Hi").refusal("r").build();
    assertThat(ChatCompletionMessageParam.fromMessage(text).toJson())
        .isEqualTo(TestJson.parse("{\"role\": \"assistant\", \"content\": \"Hi\", \"refusal\": \"r\"}"));
  }

  @Test
  void buildersRequireTheirRequiredFields() {
    assertThatThrownBy(() -> ChatCompletionUserMessageParam.builder().name("n").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("content");
    assertThatThrownBy(() -> ChatCompletionToolMessageParam.builder().content("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tool_call_id");
    assertThat(ChatCompletionAssistantMessageParam.builder().build().toJson())
        .isEqualTo(TestJson.parse("{\"role\": \"assistant\"}"));
  }

  @Test
  void buildersSetOptionalFieldsAndToBuilderKeepsThem() {
    ChatCompletionSystemMessageParam system =
        ChatCompletionSystemMessageParam.builder()
            .addContentPart(ChatCompletionContentPart.text("one"))
            .addContentPart(ChatCompletionContentPart.text("two"))
            .name("rules")
            .build();
    assertThat(system.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"role": "system",
                 "content": [{"type": "text", "text": "one"}, {"type": "text", "text": "two"}],
                 "name": "rules"}
                """));
    assertThat(system.toBuilder().content("plain").build().toJson())
        .isEqualTo(TestJson.parse("{\"role\": \"system\", \"content\": \"plain\", \"name\": \"rules\"}"));

    ChatCompletionAssistantMessageParam assistant =
        ChatCompletionAssistantMessageParam.builder()
            .addContentPart(ChatCompletionContentPartRefusal.of("I can't"))
            .addToolCall(ChatCompletionMessageToolCall.ofFunction("c", "f", "{}"))
            .audioId("audio_2")
            .name("bot")
            .build();
    assertThat(assistant.toJson())
        .isEqualTo(
            TestJson.parse(
                """
                {"role": "assistant", "content": [{"type": "refusal", "refusal": "I can't"}],
                 "tool_calls": [{"type": "function", "id": "c", "function": {"name": "f", "arguments": "{}"}}],
                 "audio": {"id": "audio_2"}, "name": "bot"}
                """));
    assertThat(((ChatCompletionContentPartRefusal) assistant.contentParts().get(0)).refusal()).isEqualTo("I can't");
    assertThat(assistant.toBuilder().audioId(null).build().audioId()).isNull();
  }

  private static ChatCompletionMessageParam parse(String json) {
    return ChatCompletionMessageParam.fromJson(TestJson.object(json));
  }
}
