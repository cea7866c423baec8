package dev.conduit.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small internal pieces: the tokenizer, fault routes, multipart parsing, pagination. */
class TokensAndRulesTest {
  @Test
  void tokensRejoinToTheTextAndKeepSurrogatesTogether() {
    String text = "Héllo, wörld!  Ça va? 😀👍 x_y 42\n";
    List<String> tokens = Tokens.split(text);
    assertThat(String.join("", tokens)).isEqualTo(text);
    assertThat(tokens).containsExactly("Héllo", ",", " wörld", "!", "  Ça", " va", "?", " 😀", "👍", " x_y", " 42", "\n");
    assertThat(Tokens.count(text)).isEqualTo(tokens.size());
    assertThat(Tokens.prefix(text, 2)).isEqualTo("Héllo,");
    assertThat(Tokens.split("")).isEmpty();
  }

  @Test
  void faultRoutesMatchMethodAndGlobAndCountDown() {
    FaultRules rules = new FaultRules();
    FaultSpec a = FaultSpec.of(FaultSpec.Kind.DELAY);
    FaultSpec b = FaultSpec.of(FaultSpec.Kind.MALFORMED_JSON);
    rules.add("post /v1/responses", a, 1);
    rules.add("* /v1/files/*/content", b, -1);
    assertThat(rules.take("GET", "/v1/responses")).isNull();
    assertThat(rules.take("POST", "/v1/responses")).isSameAs(a);
    assertThat(rules.take("POST", "/v1/responses")).isNull();
    assertThat(rules.take("GET", "/v1/files/file-1/content")).isSameAs(b);
    assertThat(rules.take("GET", "/v1/files/file-1/content")).isSameAs(b);
    assertThat(rules.take("GET", "/v1/files/a/b/content")).isNull();
    assertThatThrownBy(() -> rules.add("GET v1/x", a, 1)).isInstanceOf(IllegalArgumentException.class);
    rules.clear();
    assertThat(rules.take("GET", "/v1/files/file-1/content")).isNull();
  }

  @Test
  void multipartParsesFieldsFilesAndRejectsGarbage() {
    String body = "--b1\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"
        + "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a \\\"q\\\".txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nline1\r\nline2\r\n--b1--\r\n";
    assertThat(Multipart.boundary("multipart/form-data; boundary=\"b1\"")).isEqualTo("b1");
    assertThat(Multipart.boundary("application/json")).isNull();
    List<Multipart.Part> parts = Multipart.parse(body.getBytes(StandardCharsets.UTF_8), "b1");
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).name()).isEqualTo("purpose");
    assertThat(parts.get(0).text()).isEqualTo("batch");
    assertThat(parts.get(1).filename()).isEqualTo("a \"q\".txt");
    assertThat(parts.get(1).contentType()).isEqualTo("text/plain");
    assertThat(parts.get(1).text()).isEqualTo("line1\r\nline2");
    assertThatThrownBy(() -> Multipart.parse("garbage".getBytes(StandardCharsets.UTF_8), "b1"))
        .isInstanceOf(ApiError.class);
  }
}
